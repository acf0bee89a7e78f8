package dev.gradsheet.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.SheetStoreTest;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.people.User;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Practice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student's copy: made once and reopened on every return, in practice mode on the asked numbers
 * without the teacher's own answers; Hand in freezes the copy as it is (a revision of it), a hand-in
 * after the due time is late, and handing in again replaces the earlier one.
 */
class HandInTest {
    @TempDir
    Path dir;

    @Test
    void aCopyIsTheStudentsOwnReopenedAndAHandInAfterTheDueTimeIsLate() {
        SheetStoreTest.HandClock clock = new SheetStoreTest.HandClock();
        try (ClassroomFixture f = new ClassroomFixture(SheetStore.embeddedDataSource(dir), clock)) {
            User teacher = f.users.setLocalTeacherPassword("Ms Lee", "correct horse");
            ClassRoom c = f.classroom.newClass(teacher, "Backprop");
            SharedSheet source = f.registry.create(Examples.WORKED.load(), SheetOwner.of(teacher.actor().key()));
            source.claimsHolder().set(source.claims().with(new dev.gradsheet.sheet.Expectation("z",
                    dev.gradsheet.sheet.Expectation.Quantity.GRAD, -12))); // the teacher's own answer
            Instant due = clock.instant().plus(Duration.ofHours(1));
            Assignment a = f.classroom.newAssignment(c, source, "Chain rule", Practice.parse("gradients of z"), 0.01, due);
            User ada = f.classroom.joinAsNewStudent(c, "Ada").user();

            SharedSheet copy = f.classroom.openCopy(a, ada);
            assertThat(f.classroom.openCopy(a, ada).id()).isEqualTo(copy.id()); // reopened, not made again
            assertThat(f.registry.owner(copy)).isEqualTo(SheetOwner.of(ada.actor().key()));
            assertThat(copy.practice()).isEqualTo(Practice.parse("gradients of z"));
            assertThat(copy.claims().isEmpty()).isTrue(); // the teacher's answers stay the teacher's
            assertThat(copy.claims().tolerance()).isEqualTo(0.01);

            copy.sheet().actingAs(new SheetActions.Editor(ada.actor()), () -> copy.sheet().setValue("x", 1));
            HandIn onTime = f.actions.handIn(ada.actor(), copy);
            assertThat(onTime.late()).isFalse();
            assertThat(onTime.content()).contains("x = input(1)");
            assertThat(f.store.revisionText(copy.id(), onTime.revision())).contains(onTime.content());

            clock.advance(Duration.ofHours(1).plusSeconds(1));
            copy.sheet().actingAs(new SheetActions.Editor(ada.actor()), () -> copy.sheet().setValue("x", 2));
            HandIn late = f.actions.handIn(ada.actor(), copy);
            assertThat(late.late()).isTrue();
            assertThat(f.classes.handIns(a.id())).containsExactly(late);
            assertThat(f.classroom.gradesCsv(a)).contains("Ada,0,1,late,");
        }
    }
}
