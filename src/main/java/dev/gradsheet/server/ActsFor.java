package dev.gradsheet.server;

/**
 * Something that edits a sheet on a person's behalf (a tab's presenter): an edit made through it
 * ({@code Sheet.actingAs}) is recorded as that person's in the sheet's history.
 */
public interface ActsFor {
    /** The person this edits for. */
    Actor actor();

    /**
     * The visit this edits in: a random id per browser session, so the history keeps the first and
     * last revision of each visit ({@link HistoryThinning}); null when there is none (an HTTP request).
     */
    default String visit() {
        return null;
    }
}
