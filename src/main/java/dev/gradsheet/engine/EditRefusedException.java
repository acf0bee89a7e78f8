package dev.gradsheet.engine;

/**
 * An edit the sheet refused, with a message for the person who made it and a typed {@link Reason}
 * saying what the refusal is about, so a form can put the message next to the right field without
 * reading its text. A refused edit leaves the sheet exactly as it was. {@link #column()} points into
 * the formula when the formula is at fault.
 */
public final class EditRefusedException extends RuntimeException {
    /** What a refusal is about. */
    public enum Reason {
        /** The new cell's name: not a valid name, or taken. */
        NAME,
        /** The formula: syntax, an unknown name or function, a wrong argument count. */
        FORMULA,
        /** The formula would make a cell use itself. */
        CYCLE,
        /** A number given with the edit: not finite, not positive, out of range (learning rate, steps). */
        ARGUMENT,
        /** The computation would start from NaN or ±∞ (an SGD step on a NaN objective or gradient). */
        NOT_FINITE,
        /** An SGD step (the button's or a training run's) would move a weight to NaN or ±∞: the learning rate is too large. */
        DIVERGED,
        /** The edit names a cell that does not exist. */
        UNKNOWN_CELL,
        /** The cell cannot be changed this way: computed by a formula, generated, used by others, not an input. */
        CELL,
        /** Anything else. */
        OTHER
    }

    /**
     * Which refusal it is, for a view that words it in its own language from {@link #arguments()}
     * (each constant says what its arguments are), so no view has to read the English message.
     */
    public enum Detail {
        /** Nothing more particular than the reason; no arguments. */
        NONE,
        /** The new name is taken. Arguments: the name. */
        NAME_TAKEN,
        /** The new name is not a valid name. Arguments: the name. */
        BAD_NAME,
        /** No live cell has this name. Arguments: the name. */
        UNKNOWN_CELL,
        /** A cell others use cannot be deleted. Arguments: the cell, its users joined by ", ". */
        USED_BY,
        /** The formula closes a cycle. Arguments: the cells of the cycle joined by " → ", the first repeated at the end. */
        CYCLE,
        /** A new cell's formula names the cell itself. Arguments: the name. */
        USES_ITSELF,
        /** Arguments: the function's name. */
        UNKNOWN_FUNCTION,
        /** Arguments: the character found. */
        UNEXPECTED,
        /** The formula ends where a value was expected. No arguments. */
        ENDS_EARLY,
        /** No arguments. */
        EMPTY_FORMULA,
        /** Arguments: the token. */
        BAD_NUMBER
    }

    private final Reason reason;
    private Detail detail = Detail.NONE;
    private final int column;
    private final java.util.List<String> arguments;

    public EditRefusedException(String message) {
        this(Reason.OTHER, message, 0);
    }

    public EditRefusedException(String message, int column) {
        this(Reason.FORMULA, message, column);
    }

    public EditRefusedException(Reason reason, String message) {
        this(reason, message, 0);
    }

    public EditRefusedException(Reason reason, String message, int column) {
        this(reason, message, column, java.util.List.of());
    }

    /**
     * A refusal with its particulars ({@link #arguments()}), so a view can word it in its own language
     * without reading {@code message}.
     */
    public EditRefusedException(Reason reason, String message, int column, java.util.List<String> arguments) {
        super(message, null, false, false);
        this.reason = reason;
        this.column = column;
        this.arguments = java.util.List.copyOf(arguments);
    }

    /** This refusal, marked as the particular {@code detail} with {@code arguments} (see {@link Detail}). */
    public static EditRefusedException of(Reason reason, Detail detail, String message, int column, String... arguments) {
        EditRefusedException e = new EditRefusedException(reason, message, column, java.util.List.of(arguments));
        e.detail = detail;
        return e;
    }

    /** Which particular refusal this is ({@link Detail#NONE} when only the reason says). */
    public Detail detail() {
        return detail;
    }

    /** What the refusal is about. */
    public Reason reason() {
        return reason;
    }

    /**
     * The refusal's particulars as the message writes them (cell names, numbers), in an order its
     * reason documents; empty when it has none. {@link Reason#DIVERGED}: the steps taken before, the
     * weight, the value it would get and its gradient.
     */
    public java.util.List<String> arguments() {
        return arguments;
    }

    /** 1-based column in the formula the message is about, or 0 when it is not about a column. */
    public int column() {
        return column;
    }
}
