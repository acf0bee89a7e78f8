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

    public JobRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A refusal for another limit. */
    public JobRefusedException(String message) {
        this(Reason.LIMIT, message);
    }

    public Reason reason() {
        return reason;
    }
}
