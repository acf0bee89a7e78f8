package dev.gradsheet.engine;

/** A formula that cannot be read or used; {@link #column()} is 1-based within the formula text. */
public final class FormulaException extends Exception {
    private final int column;
    private final EditRefusedException.Detail detail;
    private final String[] arguments;

    public FormulaException(int column, String message) {
        this(column, EditRefusedException.Detail.NONE, message);
    }

    /** A formula error that is a particular {@code detail}, with its arguments (see {@link EditRefusedException.Detail}). */
    public FormulaException(int column, EditRefusedException.Detail detail, String message, String... arguments) {
        super(message, null, false, false);
        this.column = column;
        this.detail = detail;
        this.arguments = arguments.clone();
    }

    /** The edit refusal this error becomes when it stops an edit. */
    public EditRefusedException refusal() {
        return EditRefusedException.of(EditRefusedException.Reason.FORMULA, detail, getMessage(), column, arguments);
    }

    public int column() {
        return column;
    }
}
