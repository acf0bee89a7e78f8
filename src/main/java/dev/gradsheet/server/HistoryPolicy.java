package dev.gradsheet.server;

/**
 * Which revisions of a sheet are kept ({@code gradsheet.history.*}): the newest {@code keepLast},
 * and beyond them the newest of each day when {@code keepDaily}; and, whatever those say, no more
 * text than {@code maxChars} for one sheet's revisions (the oldest go first; the newest always stays),
 * so a 50 MB sheet keeps a few revisions instead of 5 GB of them.
 *
 * @param keepLast  revisions kept, newest first (at least 1)
 * @param keepDaily whether one revision a day is kept beyond them
 * @param maxChars  the most text one sheet's revisions may hold together (at least 1)
 */
public record HistoryPolicy(int keepLast, boolean keepDaily, long maxChars) {
    /** The default budget of one sheet's revisions: 200 million characters (about 200 MB). */
    public static final long DEFAULT_MAX_CHARS = 200_000_000L;
    /** The defaults: the last 100 and one a day beyond them, within 200 million characters. */
    public static final HistoryPolicy DEFAULT = new HistoryPolicy(100, true);

    public HistoryPolicy {
        if (keepLast < 1) {
            throw new IllegalArgumentException("gradsheet.history.keep-last must be at least 1, not " + keepLast);
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("gradsheet.history.max-chars must be at least 1, not " + maxChars);
        }
    }

    /** The last {@code keepLast} (and one a day) within the default budget. */
    public HistoryPolicy(int keepLast, boolean keepDaily) {
        this(keepLast, keepDaily, DEFAULT_MAX_CHARS);
    }
}
