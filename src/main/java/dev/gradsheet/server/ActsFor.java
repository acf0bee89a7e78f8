package dev.gradsheet.server;

/**
 * Something that edits a sheet on a person's behalf (a tab's presenter): an edit made through it
 * ({@code Sheet.actingAs}) is recorded as that person's in the sheet's history.
 */
public interface ActsFor {
    /** The person this edits for. */
    Actor actor();
}
