package dev.gradsheet.jobs;

/** A job was not started; the reason says why (a page words it), the message says it in English. */
public final class JobRefusedException extends RuntimeException {
    /** Why a job was not started. */
    public enum Reason {
        /** Every worker is busy and the queue is full. */
        QUEUE_FULL,
        /** The visitor already holds as many jobs as one visitor may. */
        VISITOR_LIMIT,
        /** The server is shutting down. */
        SHUTTING_DOWN,
        /** Another limit (epochs, steps) was exceeded. */
        LIMIT
    }

    private final Reason reason;
    private final int[] figures;

    public JobRefusedException(Reason reason, String message) {
        this(reason, message, new int[0]);
    }

    /**
     * A refusal with the numbers it names, for a page to word it: the runs one visitor may have
     * (VISITOR_LIMIT), or the workers and the longest queue (QUEUE_FULL).
     */
    public JobRefusedException(Reason reason, String message, int... figures) {
        super(message, null, false, false);
        this.reason = reason;
        this.figures = figures.clone();
    }

    /** A refusal for another limit. */
    public JobRefusedException(String message) {
        this(Reason.LIMIT, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The numbers the refusal names (see the constructor), in order; empty when it names none. */
    public int[] figures() {
        return figures.clone();
    }
}
