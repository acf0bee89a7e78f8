package dev.gradsheet.server;

/**
 * Where a live sheet's edits stand with the database, as every tab on it shows: what a page says is
 * saved is in the database (a crash of the server afterwards keeps it).
 */
public enum SaveState {
    /** Every edit so far is in the database. */
    SAVED,
    /** Edits are waiting to be written (autosave runs shortly after an edit). */
    SAVING,
    /** The database refused or did not answer; the edits stay in memory and are tried again until it does. */
    FAILING,
    /**
     * Every edit so far is in the database, but the sheet's history is at its size budget
     * ({@code gradsheet.history.max-chars}): to stay within it, older revisions are removed sooner than
     * the history settings say — the sheet itself and its newest revision are always kept.
     */
    FULL
}
