package dev.gradsheet.jobs;

/** A job was not started (the queue is full, or a limit was exceeded); the message is for people. */
public final class JobRefusedException extends RuntimeException {
    public JobRefusedException(String message) {
        super(message, null, false, false);
    }
}
