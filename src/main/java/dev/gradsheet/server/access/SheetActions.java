package dev.gradsheet.server.access;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.ActsFor;
import dev.gradsheet.server.LiveEvents;
import dev.gradsheet.server.RevisionRestore;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.classroom.HandIn;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.util.Optional;

/**
 * The sharing and classroom actions on a sheet, each done only after {@link SheetAccess} allowed it
 * (else {@link AccessRefusedException}, and nothing changes): what the page's buttons and the HTTP
 * endpoints both call, so a rule cannot be skipped by going around the page.
 */
public final class SheetActions {
    private final SheetRegistry registry;
    private final SheetAccess access;
    private final Classroom classroom;
    private final LiveEvents events;

    public SheetActions(SheetRegistry registry, SheetAccess access, Classroom classroom, LiveEvents events) {
        this.registry = registry;
        this.access = access;
        this.classroom = classroom;
        this.events = events;
        // another server deleted a sheet or changed its sharing: this server's live sheet follows
        this.watch = events.topics().filter(t -> t.startsWith("sheet:")).subscribe(t -> sheetChanged(t.substring(6)),
                e -> { });
    }

    private final io.reactivex.rxjava3.disposables.Disposable watch;

    private void sheetChanged(String id) {
        if (!registry.reloadOwner(id)) {
            registry.forget(id); // deleted: never saved again from here
        }
    }

    /** Stops following other servers' sharing changes (shutdown). */
    @jakarta.annotation.PreDestroy
    public void close() {
        watch.dispose();
    }

    public SheetRegistry registry() {
        return registry;
    }

    public SheetAccess access() {
        return access;
    }

    public Classroom classroom() {
        return classroom;
    }

    public LiveEvents events() {
        return events;
    }

    public UserStore users() {
        return classroom.users();
    }

    /** An edit made for {@code actor} outside a page (an HTTP request): recorded as theirs. */
    public record Editor(Actor actor) implements ActsFor {
    }

    /** The sheet's text, for someone who may view it. */
    public String text(Actor who, SharedSheet sheet) {
        access.require(who, Action.VIEW, sheet);
        return sheet.text();
    }

    /** Sets an input's or weight's value, for someone who may edit the sheet. */
    public void setValue(Actor who, SharedSheet sheet, String cell, double value) {
        access.require(who, Action.EDIT, sheet);
        sheet.sheet().actingAs(new Editor(who), () -> sheet.sheet().setValue(cell, value));
    }

    /**
     * Brings the sheet back to saved revision {@code revision} (one undoable edit every tab sees), for
     * its owner (or a copy's teacher); returns how many cell edits it took, or empty when the revision
     * is no longer kept.
     *
     * @throws SheetFormatException when the revision no longer reads
     */
    public Optional<Integer> restore(Actor who, SharedSheet sheet, long revision) throws SheetFormatException {
        access.require(who, Action.RESTORE, sheet);
        Optional<String> text = registry.store().revisionText(sheet.id(), revision);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        SheetFile.Loaded target = SheetFile.parse(text.get(), "revision " + revision);
        dev.gradsheet.engine.EditLabel label = dev.gradsheet.engine.EditLabel.of(dev.gradsheet.engine.EditLabel.Kind.RESTORE, revision);
        int edits = sheet.sheet().actingAs(new Editor(who), () -> RevisionRestore.restore(sheet, target, label));
        registry.changed(sheet, label, who);
        return Optional.of(edits);
    }

    /** Deletes the sheet with its history (a student's copy: the next visit makes a fresh one). */
    public void delete(Actor who, SharedSheet sheet) {
        access.require(who, Action.DELETE, sheet);
        classroom.store().dropCopy(sheet.id());
        registry.delete(sheet, events);
    }

    /** Lets anyone with the link edit the sheet, or only view it, for its owner. */
    public void setLinkMode(Actor who, SharedSheet sheet, SheetOwner.LinkMode mode) {
        access.require(who, Action.SHARE, sheet);
        registry.setLinkMode(sheet, mode, events);
    }

    /** A copy of the sheet as it is now, owned by {@code who} and kept at once, for anyone who may view it. */
    public SharedSheet copy(Actor who, SharedSheet sheet) throws SheetFormatException {
        access.require(who, Action.VIEW, sheet);
        SharedSheet copy = registry.create(SheetFile.parse(sheet.text(), "copy.sheet"), SheetOwner.of(who.key()));
        registry.keep(copy);
        return copy;
    }

    /** Hands in the student's copy as it is now; a later hand-in replaces it. */
    public HandIn handIn(Actor who, SharedSheet sheet) {
        access.require(who, Action.HAND_IN, sheet);
        Classroom.CopyOf copy = classroom.copyOf(sheet.id()).orElseThrow(() ->
                new AccessRefusedException(new Refusal(Action.HAND_IN, Refusal.Reason.NOT_AN_ASSIGNMENT)));
        User student = classroom.users().find(who.userId()).orElseThrow();
        return classroom.handIn(copy.assignment(), student);
    }

    /** An assignment in class {@code c} made from {@code sheet} as it is now, for the class's teacher. */
    public Assignment newAssignment(Actor who, dev.gradsheet.server.classroom.ClassRoom c, SharedSheet sheet, String title,
                                    dev.gradsheet.sheet.Practice asked, double tolerance, java.time.Instant due) {
        access.require(who, Action.VIEW, sheet);
        access.check(who, c).ifPresent(r -> {
            throw new AccessRefusedException(r);
        });
        return classroom.newAssignment(c, sheet, title, asked, tolerance, due);
    }

    /** The assignment's dashboard, for its class's teacher. */
    public dev.gradsheet.server.classroom.Dashboard dashboard(Actor who, Assignment a) {
        access.require(who, Action.DASHBOARD, a);
        return classroom.dashboard(a);
    }

    /** The grades as CSV, for the class's teacher. */
    public String gradesCsv(Actor who, Assignment a) {
        access.require(who, Action.EXPORT, a);
        return classroom.gradesCsv(a);
    }

    /** Every hand-in as {@code .sheet} files in a zip, for the class's teacher. */
    public byte[] handInsZip(Actor who, Assignment a) {
        access.require(who, Action.EXPORT, a);
        return classroom.handInsZip(a);
    }
}
