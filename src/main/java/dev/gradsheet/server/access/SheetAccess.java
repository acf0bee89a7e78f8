package dev.gradsheet.server.access;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.classroom.ClassroomStore;
import dev.gradsheet.server.classroom.Copy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what — the one place the rules live; pages and HTTP endpoints both ask it.
 *
 * <ul>
 *   <li>A sheet's owner may do anything with it. A sheet stored before sheets had owners stays as it
 *       was: anyone with its link may view, edit and restore it; nobody may delete it or change its
 *       sharing.</li>
 *   <li>Anyone else with the link may view it; edit it only when the owner made the link editable;
 *       restore, delete and change its sharing never.</li>
 *   <li>A student's copy of an assignment is private: only the student and the class's teacher may
 *       open it. The teacher watches it read-only but may restore or delete it; only the student
 *       hands it in; its link cannot be opened to others.</li>
 *   <li>An assignment's dashboard and exports, and teaching a class, are the class's teacher's.</li>
 * </ul>
 */
public final class SheetAccess {
    private final SheetRegistry registry;
    private final ClassroomStore classroom;

    public SheetAccess(SheetRegistry registry, ClassroomStore classroom) {
        this.registry = registry;
        this.classroom = classroom;
    }

    /** What {@code who} may do with {@code sheet}: every sheet action, allowed or refused. */
    public Rights rights(Actor who, SharedSheet sheet) {
        Map<Action, Refusal> refused = new EnumMap<>(Action.class);
        Optional<Copy> copy = classroom.copyBySheet(sheet.id());
        for (Action a : new Action[] {Action.VIEW, Action.EDIT, Action.RESTORE, Action.DELETE, Action.SHARE, Action.HAND_IN}) {
            Refusal.Reason why = copy.isPresent() ? onCopy(who, a, copy.get()) : onSheet(who, a, registry.owner(sheet));
            if (why != null) {
                refused.put(a, new Refusal(a, why));
            }
        }
        return new Rights(refused, copy.isPresent());
    }

    /** Throws when {@code who} may not do {@code action} with {@code sheet}. */
    public void require(Actor who, Action action, SharedSheet sheet) {
        rights(who, sheet).require(action);
    }

    private static Refusal.Reason onSheet(Actor who, Action a, SheetOwner owner) {
        if (a == Action.HAND_IN) {
            return Refusal.Reason.NOT_AN_ASSIGNMENT;
        }
        if (owner.owner() == null) { // stored before owners: as it always was
            return a == Action.DELETE || a == Action.SHARE ? Refusal.Reason.OWNER_ONLY : null;
        }
        if (owner.ownedBy(who.key()) || a == Action.VIEW) {
            return null;
        }
        if (a == Action.EDIT) {
            return owner.linkMode() == SheetOwner.LinkMode.EDIT ? null : Refusal.Reason.VIEW_ONLY_LINK;
        }
        return Refusal.Reason.OWNER_ONLY;
    }

    private Refusal.Reason onCopy(Actor who, Action a, Copy copy) {
        boolean student = who.signedIn() && who.userId().equals(copy.studentId());
        boolean teacher = !student && teachesAssignment(who, copy.assignmentId());
        if (!student && !teacher) {
            return Refusal.Reason.PRIVATE_COPY;
        }
        return switch (a) {
            case VIEW, RESTORE, DELETE -> null;
            case EDIT -> student ? null : Refusal.Reason.TEACHER_WATCHES;
            case HAND_IN -> student ? null : Refusal.Reason.STUDENT_ONLY;
            case SHARE -> Refusal.Reason.COPY_NOT_SHARED;
            default -> Refusal.Reason.TEACHER_ONLY;
        };
    }

    private boolean teachesAssignment(Actor who, String assignmentId) {
        return classroom.assignment(assignmentId).flatMap(a -> classroom.classById(a.classId()))
                .map(c -> teaches(who, c)).orElse(false);
    }

    private static boolean teaches(Actor who, ClassRoom c) {
        return who.teacher() && c.teacherId().equals(who.userId());
    }

    /** Whether {@code who} may see the dashboard of, or export, assignment {@code a} (DASHBOARD, EXPORT, TEACH). */
    public Optional<Refusal> check(Actor who, Action action, Assignment a) {
        return classroom.classById(a.classId()).filter(c -> teaches(who, c)).isPresent() ? Optional.empty()
                : Optional.of(new Refusal(action, Refusal.Reason.TEACHER_ONLY));
    }

    /** Throws when {@code who} may not do {@code action} with assignment {@code a}. */
    public void require(Actor who, Action action, Assignment a) {
        check(who, action, a).ifPresent(r -> {
            throw new AccessRefusedException(r);
        });
    }

    /** Whether {@code who} teaches class {@code c} (makes assignments in it, renames and merges its students). */
    public Optional<Refusal> check(Actor who, ClassRoom c) {
        return teaches(who, c) ? Optional.empty() : Optional.of(new Refusal(Action.TEACH, Refusal.Reason.TEACHER_ONLY));
    }

    /**
     * One person's rights on one sheet.
     *
     * @param refused the refused actions and why (an action not in it is allowed)
     * @param copy    whether the sheet is a student's copy of an assignment
     */
    public record Rights(Map<Action, Refusal> refused, boolean copy) {
        public Rights {
            refused = Map.copyOf(refused);
        }

        /** Everything allowed but handing in: a sheet seen with no rules (tools and tests). */
        public static final Rights ALL = new Rights(Map.of(Action.HAND_IN,
                new Refusal(Action.HAND_IN, Refusal.Reason.NOT_AN_ASSIGNMENT)), false);

        /** Nothing allowed: a sheet that was deleted while it was open. */
        public static final Rights NONE = none();

        private static Rights none() {
            Map<Action, Refusal> all = new EnumMap<>(Action.class);
            for (Action a : Action.values()) {
                all.put(a, new Refusal(a, Refusal.Reason.DELETED));
            }
            return new Rights(all, false);
        }

        public boolean can(Action a) {
            return !refused.containsKey(a);
        }

        /** Why {@code a} is refused, or null when it is allowed. */
        public Refusal refusal(Action a) {
            return refused.get(a);
        }

        /** Throws when {@code a} is refused. */
        public void require(Action a) {
            if (!can(a)) {
                throw new AccessRefusedException(refused.get(a));
            }
        }
    }
}
