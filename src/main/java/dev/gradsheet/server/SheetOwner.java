package dev.gradsheet.server;

/**
 * Who owns a sheet and what its link lets others do.
 *
 * @param owner    the owner's {@link Actor#key()}, or null for a sheet stored before sheets had owners
 * @param linkMode what anyone else with the link may do
 */
public record SheetOwner(String owner, LinkMode linkMode) {
    /** No owner, link-editing: a sheet as every sheet was before owners (and a test's hand-made sheet). */
    public static final SheetOwner NONE = new SheetOwner(null, LinkMode.EDIT);

    /** What the link lets a person who is not the owner do. */
    public enum LinkMode {
        /** Watch live and make a copy (the default for a new sheet). */
        VIEW,
        /** Edit like the owner (group work); restore and delete stay the owner's. */
        EDIT
    }

    public SheetOwner {
        if (linkMode == null) {
            throw new IllegalArgumentException("a link mode is needed");
        }
    }

    /** A new sheet of {@code owner}'s: view-only through its link. */
    public static SheetOwner of(String owner) {
        return new SheetOwner(owner, LinkMode.VIEW);
    }

    public SheetOwner withLinkMode(LinkMode mode) {
        return new SheetOwner(owner, mode);
    }

    /** Whether {@code actorKey} owns the sheet. */
    public boolean ownedBy(String actorKey) {
        return owner != null && owner.equals(actorKey);
    }
}
