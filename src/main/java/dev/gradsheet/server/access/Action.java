package dev.gradsheet.server.access;

/** What a person may ask to do with a sheet or an assignment. */
public enum Action {
    /** Open the sheet and watch it live. */
    VIEW,
    /** Change its cells, answers, data or training. */
    EDIT,
    /** Bring back an older revision. */
    RESTORE,
    /** Delete the sheet with its history. */
    DELETE,
    /** Switch what the link lets others do. */
    SHARE,
    /** See an assignment's dashboard (and watch students' copies). */
    DASHBOARD,
    /** Download an assignment's grades and hand-ins. */
    EXPORT,
    /** Hand in one's copy of an assignment. */
    HAND_IN,
    /** Make assignments in a class, rename and merge its students. */
    TEACH
}
