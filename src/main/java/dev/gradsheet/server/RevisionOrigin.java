package dev.gradsheet.server;

/**
 * Who made a revision, in which visit, and which earlier revision it takes the place of — what
 * thinning ({@link HistoryThinning}) and a training run's one revision need besides the text.
 *
 * @param author   who made it ({@link Actor#key()}), or null (the server itself)
 * @param visit    the visit it was made in (a random id per browser session), or null
 * @param replaces an earlier revision of the same training run that this one takes the place of,
 *                 deleted in the same transaction when it is still the newest (0: none)
 */
public record RevisionOrigin(String author, String visit, long replaces) {
    /** Made by nobody in particular, replacing nothing. */
    public static final RevisionOrigin NONE = new RevisionOrigin(null, null, 0);

    /** Made by {@code author} in {@code visit}, replacing nothing. */
    public static RevisionOrigin by(String author, String visit) {
        return new RevisionOrigin(author, visit, 0);
    }
}
