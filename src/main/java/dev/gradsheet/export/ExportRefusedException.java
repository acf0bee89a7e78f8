package dev.gradsheet.export;

/** An export that cannot be written, with a message for the person who asked: nothing was written. */
public final class ExportRefusedException extends Exception {
    public ExportRefusedException(String message) {
        super(message, null, false, false);
    }
}
