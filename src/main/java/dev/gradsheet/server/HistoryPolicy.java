package dev.gradsheet.server;

import java.time.Duration;

/**
 * Which revisions of a sheet are kept ({@code gradsheet.history.*}; {@link HistoryThinning} applies
 * it): the newest; the first revision of each person who edited it and the first and last revision
 * of each of their latest {@code visits} visits — the owner's, and those of the first
 * {@code authors} other people to edit it; the newest {@code keepLast}; and beyond them the newest of
 * each day when {@code keepDaily}. Whatever those say, one sheet's revisions hold no more text than
 * {@code maxChars} together (the least important go first; the newest always stays), so a 50 MB
 * sheet keeps a few revisions instead of 5 GB of them. While a training run goes on, its sheet is
 * saved at most every {@code runSaveEvery}, each save taking the place of the run's previous one, so a
 * run leaves one revision.
 *
 * @param keepLast  revisions kept, newest first (at least 1)
 * @param keepDaily whether one revision a day is kept beyond them
 * @param maxChars  the most text one sheet's revisions may hold together (at least 1)
 * @param visits    visits kept (their first and last revision) of each person, newest first (at least 1)
 * @param authors   people besides the owner whose visits are kept, first come first (0: the owner's only)
 * @param runSaveEvery how often at most a sheet is saved while a training run on it goes on (its end is saved at once)
 */
public record HistoryPolicy(int keepLast, boolean keepDaily, long maxChars, int visits, int authors, Duration runSaveEvery) {
    /** The default budget of one sheet's revisions: 200 million characters (about 200 MB). */
    public static final long DEFAULT_MAX_CHARS = 200_000_000L;
    /** The default number of visits kept of each person. */
    public static final int DEFAULT_VISITS = 10;
    /** The default number of people besides the owner whose visits are kept. */
    public static final int DEFAULT_AUTHORS = 10;
    /** The default time between two saves of a sheet while a training run on it goes on. */
    public static final Duration DEFAULT_RUN_SAVE_EVERY = Duration.ofSeconds(5);
    /** The defaults: the last 100 and one a day beyond them, each person's last 10 visits, within 200 million characters. */
    public static final HistoryPolicy DEFAULT = new HistoryPolicy(100, true);

    public HistoryPolicy {
        if (keepLast < 1) {
            throw new IllegalArgumentException("gradsheet.history.keep-last must be at least 1, not " + keepLast);
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("gradsheet.history.max-chars must be at least 1, not " + maxChars);
        }
        if (visits < 1) {
            throw new IllegalArgumentException("gradsheet.history.visits must be at least 1, not " + visits);
        }
        if (authors < 0) {
            throw new IllegalArgumentException("gradsheet.history.authors must be at least 0, not " + authors);
        }
        if (runSaveEvery.isNegative()) {
            throw new IllegalArgumentException("gradsheet.history.run-save-every must not be negative, not " + runSaveEvery);
        }
    }

    /** The last {@code keepLast} (and one a day) within {@code maxChars}, with the default visits kept. */
    public HistoryPolicy(int keepLast, boolean keepDaily, long maxChars) {
        this(keepLast, keepDaily, maxChars, DEFAULT_VISITS, DEFAULT_AUTHORS, DEFAULT_RUN_SAVE_EVERY);
    }

    /** The last {@code keepLast} (and one a day) within the default budget, with the default visits kept. */
    public HistoryPolicy(int keepLast, boolean keepDaily) {
        this(keepLast, keepDaily, DEFAULT_MAX_CHARS);
    }

    /** This policy saving a running sheet at most every {@code every} instead. */
    public HistoryPolicy withRunSaveEvery(Duration every) {
        return new HistoryPolicy(keepLast, keepDaily, maxChars, visits, authors, every);
    }

    /** The most revisions the visit rules keep of one sheet: each kept person's first, and the two ends of each visit. */
    public long mostVisitRevisions() {
        return (1L + authors) * (1L + 2L * visits);
    }
}
