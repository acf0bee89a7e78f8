package dev.gradsheet.engine;

/**
 * An edit the sheet refused, with a message for the person who made it. A refused edit leaves the
 * sheet exactly as it was. {@link #column()} points into the formula when the formula is at fault.
 */
public final class EditRefusedException extends RuntimeException {
    private final int column;

    public EditRefusedException(String message) {
        this(message, 0);
    }

    public EditRefusedException(String message, int column) {
        super(message, null, false, false);
        this.column = column;
    }

    /** 1-based column in the formula the message is about, or 0 when it is not about a column. */
    public int column() {
        return column;
    }
}
