package dev.gradsheet.ui;

/**
 * Which revisions of a sheet are kept ({@code gradsheet.history.*}): the newest {@code keepLast},
 * and beyond them the newest of each day when {@code keepDaily}.
 *
 * @param keepLast  revisions always kept, newest first (at least 1)
 * @param keepDaily whether one revision a day is kept beyond them
 */
public record HistoryPolicy(int keepLast, boolean keepDaily) {
    /** The defaults: the last 100 and one a day beyond them. */
    public static final HistoryPolicy DEFAULT = new HistoryPolicy(100, true);

    public HistoryPolicy {
        if (keepLast < 1) {
            throw new IllegalArgumentException("gradsheet.history.keep-last must be at least 1, not " + keepLast);
        }
    }
}
