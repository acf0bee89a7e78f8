package dev.gradsheet.server.access;

/**
 * Why an action is not allowed: typed, so a page and an HTTP endpoint word it alike from the message
 * bundles ({@link #messageKey()}).
 *
 * @param action what was asked
 * @param reason why not
 */
public record Refusal(Action action, Reason reason) {
    /** Why an action is refused. */
    public enum Reason {
        /** The link lets others only view this sheet (the owner can make it editable). */
        VIEW_ONLY_LINK,
        /** Only the sheet's owner (or, for a student's copy, their teacher) may do this. */
        OWNER_ONLY,
        /** A student's copy of an assignment is theirs and their teacher's only. */
        PRIVATE_COPY,
        /** A teacher watches a student's copy; only the student works in it. */
        TEACHER_WATCHES,
        /** Only the class's teacher may do this. */
        TEACHER_ONLY,
        /** Only the student whose copy it is may hand it in. */
        STUDENT_ONLY,
        /** The sheet is not a copy of an assignment. */
        NOT_AN_ASSIGNMENT,
        /** A copy's sharing is the classroom's: it cannot be opened to others. */
        COPY_NOT_SHARED,
        /** The sheet was deleted. */
        DELETED
    }

    /** The message bundle key that words this refusal ({@code access.<reason>} in app.properties). */
    public String messageKey() {
        return "access." + reason.name();
    }
}
