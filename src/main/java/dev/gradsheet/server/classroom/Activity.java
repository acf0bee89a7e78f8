package dev.gradsheet.server.classroom;

/**
 * How a student worked on one asked number of their copy.
 *
 * @param attempts answers typed
 * @param hints    hints asked for
 */
public record Activity(int attempts, int hints) {
    public static final Activity NONE = new Activity(0, 0);
}
