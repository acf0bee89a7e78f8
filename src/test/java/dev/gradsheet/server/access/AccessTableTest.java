package dev.gradsheet.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.classroom.ClassroomFixture;
import dev.gradsheet.server.people.User;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Practice;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access rules as a table: for a student's copy of an assignment, each role (anonymous, the
 * student, another student of the class, the class's teacher, another teacher) × each action (view,
 * edit, restore, delete, dashboard, export, hand in). Allowed ones work; the rest are refused with
 * their reason, worded by the bundle, and change nothing. A second table covers an ordinary sheet's
 * owner and link.
 */
class AccessTableTest {
    @TempDir
    Path dir;

    enum Role { ANONYMOUS, STUDENT, OTHER_STUDENT, TEACHER, OTHER_TEACHER }

    enum Act { VIEW, EDIT, RESTORE, DELETE, DASHBOARD, EXPORT, HAND_IN }

    /** Who may: the table the issue asks for (everything else is refused). */
    static final Map<Role, List<Act>> ALLOWED = Map.of(
            Role.ANONYMOUS, List.of(),
            Role.STUDENT, List.of(Act.VIEW, Act.EDIT, Act.RESTORE, Act.DELETE, Act.HAND_IN),
            Role.OTHER_STUDENT, List.of(),
            Role.TEACHER, List.of(Act.VIEW, Act.RESTORE, Act.DELETE, Act.DASHBOARD, Act.EXPORT),
            Role.OTHER_TEACHER, List.of());

    /** One class with an assignment and two students' copies, on a database of its own. */
    final class Lesson {
        final ClassroomFixture f;
        final Actor teacher;
        final Actor otherTeacher;
        final Actor student;
        final Actor otherStudent;
        final Actor anonymous = Actor.browser("z".repeat(32));
        final Assignment assignment;
        final SharedSheet copy;

        Lesson(String name) throws Exception {
            f = new ClassroomFixture(SheetStore.embeddedDataSource(dir.resolve(name)), Clock.systemUTC());
            User t = f.users.setLocalTeacherPassword("Ms Lee", "correct horse");
            teacher = t.actor();
            otherTeacher = f.users.oidcUser("https://idp x", "Mr Kim", "kim@x", Actor.Role.TEACHER).actor();
            ClassRoom c = f.classroom.newClass(t, "Backprop");
            f.classroom.newClass(f.users.find(otherTeacher.userId()).orElseThrow(), "Other class");
            User ada = f.classroom.joinAsNewStudent(c, "Ada").user();
            User bo = f.classroom.joinAsNewStudent(c, "Bo").user();
            student = ada.actor();
            otherStudent = bo.actor();
            SharedSheet source = f.registry.create(Examples.WORKED.load(), SheetOwner.of(teacher.key()));
            assignment = f.classroom.newAssignment(c, source, "Chain rule", Practice.parse("gradients of x, y, z, q, f, t"),
                    1e-3, null);
            copy = f.classroom.openCopy(assignment, ada);
            f.classroom.openCopy(assignment, bo);
            copy.sheet().actingAs(new SheetActions.Editor(student), () -> copy.sheet().setValue("x", -1));
            f.registry.flush(); // revision 2 beside the copy's first
        }

        Actor as(Role r) {
            return switch (r) {
                case ANONYMOUS -> anonymous;
                case STUDENT -> student;
                case OTHER_STUDENT -> otherStudent;
                case TEACHER -> teacher;
                case OTHER_TEACHER -> otherTeacher;
            };
        }

        /** Does the action; returns what it says worked, for the checks. */
        Object run(Act act, Actor who) throws Exception {
            return switch (act) {
                case VIEW -> f.actions.text(who, copy);
                case EDIT -> {
                    f.actions.setValue(who, copy, "y", 9);
                    yield copy.sheet().value("y");
                }
                case RESTORE -> f.actions.restore(who, copy, 1).orElseThrow();
                case DELETE -> {
                    f.actions.delete(who, copy);
                    yield f.store.text(copy.id()).isEmpty();
                }
                case DASHBOARD -> f.actions.dashboard(who, assignment).rows().size();
                case EXPORT -> f.actions.gradesCsv(who, assignment);
                case HAND_IN -> f.actions.handIn(who, copy).revision();
            };
        }

        /** What must not change when an action is refused. */
        String state() {
            // the live sheet (an autosave may still be under way), whether it is stored, hand-ins and copies
            return copy.text() + "|" + (f.store.owner(copy.id()).isPresent() ? "stored" : "gone") + "|"
                    + f.classes.handIns(assignment.id()).size() + "|" + f.classes.copies(assignment.id()).size();
        }
    }

    @Test
    void eachRoleMayDoWhatTheTableSaysAndIsRefusedTheRestWithNothingChanged() throws Exception {
        ResourceBundle words = ResourceBundle.getBundle("i18n/app", Locale.ROOT);
        for (Role role : Role.values()) {
            Lesson l = new Lesson(role.name());
            try {
                // delete last: it ends the copy
                for (Act act : List.of(Act.VIEW, Act.EDIT, Act.RESTORE, Act.DASHBOARD, Act.EXPORT, Act.HAND_IN, Act.DELETE)) {
                    String before = l.state();
                    Actor who = l.as(role);
                    if (ALLOWED.get(role).contains(act)) {
                        Object result = l.run(act, who);
                        switch (act) {
                            case VIEW -> assertThat((String) result).contains("q = x + y");
                            case EDIT -> assertThat(result).isEqualTo(9.0);
                            case RESTORE -> assertThat(l.copy.sheet().value("x")).isEqualTo(-2.0); // revision 1's x
                            case DELETE -> assertThat(result).isEqualTo(true);
                            case DASHBOARD -> assertThat(result).isEqualTo(2);
                            case EXPORT -> assertThat((String) result).startsWith("student,score,asked,handed in,x.grad");
                            case HAND_IN -> assertThat(l.f.classes.handIn(l.assignment.id(), who.userId())).isPresent();
                        }
                    } else {
                        AccessRefusedException e = catchThrowableOfType(AccessRefusedException.class, () -> l.run(act, who));
                        assertThat(e).as("%s may not %s", role, act).isNotNull();
                        assertThat(words.getString(e.refusal().messageKey())).as("%s %s", role, act).isNotBlank();
                        assertThat(l.state()).as("%s %s refused changes nothing", role, act).isEqualTo(before);
                    }
                }
            } finally {
                l.f.close();
            }
        }
    }

    @Test
    void refusalsSayWhy() throws Exception {
        Lesson l = new Lesson("why");
        try {
            assertThat(reason(() -> l.f.actions.text(l.otherStudent, l.copy))).isEqualTo(Refusal.Reason.PRIVATE_COPY);
            assertThat(reason(() -> l.f.actions.setValue(l.teacher, l.copy, "x", 1))).isEqualTo(Refusal.Reason.TEACHER_WATCHES);
            assertThat(reason(() -> l.f.actions.handIn(l.teacher, l.copy))).isEqualTo(Refusal.Reason.STUDENT_ONLY);
            assertThat(reason(() -> l.f.actions.dashboard(l.student, l.assignment))).isEqualTo(Refusal.Reason.TEACHER_ONLY);
            assertThat(reason(() -> l.f.actions.setLinkMode(l.student, l.copy, SheetOwner.LinkMode.EDIT)))
                    .isEqualTo(Refusal.Reason.COPY_NOT_SHARED);
        } finally {
            l.f.close();
        }
    }

    private static Refusal.Reason reason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(AccessRefusedException.class, call).refusal().reason();
    }

    @Test
    void anOrdinarySheetIsItsOwnersItsLinkViewOnlyUntilTheOwnerOpensIt() throws Exception {
        ClassroomFixture f = new ClassroomFixture(SheetStore.embeddedDataSource(dir.resolve("plain")), Clock.systemUTC());
        try {
            Actor owner = Actor.browser("o".repeat(32));
            Actor visitor = Actor.browser("v".repeat(32));
            SharedSheet s = f.registry.create(Examples.WORKED.load(), SheetOwner.of(owner.key()));
            assertThat(f.actions.text(visitor, s)).contains("L = mse(f, t)"); // anyone with the link watches
            assertThat(reason(() -> f.actions.setValue(visitor, s, "x", 1))).isEqualTo(Refusal.Reason.VIEW_ONLY_LINK);
            assertThat(s.sheet().value("x")).isEqualTo(-2.0);
            assertThat(reason(() -> f.actions.setLinkMode(visitor, s, SheetOwner.LinkMode.EDIT))).isEqualTo(Refusal.Reason.OWNER_ONLY);

            f.actions.setLinkMode(owner, s, SheetOwner.LinkMode.EDIT); // group work
            f.actions.setValue(visitor, s, "x", 1);
            assertThat(s.sheet().value("x")).isEqualTo(1.0);
            assertThat(reason(() -> f.actions.restore(visitor, s, 1))).isEqualTo(Refusal.Reason.OWNER_ONLY);
            assertThat(reason(() -> f.actions.delete(visitor, s))).isEqualTo(Refusal.Reason.OWNER_ONLY);

            SharedSheet mine = f.actions.copy(visitor, s); // Make a copy: the visitor's own, kept at once
            assertThat(f.registry.owner(mine)).isEqualTo(SheetOwner.of(visitor.key()));
            assertThat(mine.sheet().value("x")).isEqualTo(1.0);

            f.actions.setLinkMode(owner, s, SheetOwner.LinkMode.VIEW);
            assertThat(reason(() -> f.actions.setValue(visitor, s, "x", 2))).isEqualTo(Refusal.Reason.VIEW_ONLY_LINK);
            f.actions.delete(owner, s);
            assertThat(f.store.text(s.id())).isEmpty();
            assertThat(f.registry.isLive(s.id())).isFalse();

            // a sheet from before owners: anyone with the link edits and restores, nobody deletes it
            SharedSheet old = f.registry.create(Examples.WORKED.load());
            f.actions.setValue(visitor, old, "x", 3);
            assertThat(reason(() -> f.actions.delete(visitor, old))).isEqualTo(Refusal.Reason.OWNER_ONLY);
        } finally {
            f.close();
        }
    }
}
