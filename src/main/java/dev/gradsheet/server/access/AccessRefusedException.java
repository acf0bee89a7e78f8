package dev.gradsheet.server.access;

/** An action was refused; nothing was changed. Its message is English for logs; pages word {@link #refusal()}. */
public final class AccessRefusedException extends RuntimeException {
    private final Refusal refusal;

    public AccessRefusedException(Refusal refusal) {
        super(refusal.action() + " refused: " + refusal.reason(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
