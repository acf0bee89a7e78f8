package dev.gradsheet.engine;

/** A formula that cannot be read or used; {@link #column()} is 1-based within the formula text. */
public final class FormulaException extends Exception {
    private final int column;

    public FormulaException(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
