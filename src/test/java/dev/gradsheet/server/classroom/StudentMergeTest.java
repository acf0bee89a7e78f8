package dev.gradsheet.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.access.Action;
import dev.gradsheet.server.people.User;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Practice;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student who joined twice (a second device) is merged by the teacher into their first account:
 * the second one's copy becomes the first one's — its sheet owned by them, the same on their next
 * visit — and the second device signs in as the first from then on. Renaming shows on the dashboard.
 */
class StudentMergeTest {
    @TempDir
    Path dir;

    @Test
    void theSecondAccountsCopyAndDeviceBecomeTheFirsts() {
        try (ClassroomFixture f = new ClassroomFixture(SheetStore.embeddedDataSource(dir), Clock.systemUTC())) {
            User teacher = f.users.setLocalTeacherPassword("Ms Lee", "correct horse");
            ClassRoom c = f.classroom.newClass(teacher, "Backprop");
            SharedSheet source = f.registry.create(Examples.WORKED.load(), SheetOwner.of(teacher.actor().key()));
            Assignment a = f.classroom.newAssignment(c, source, "Chain rule", Practice.parse("gradients of z"), 1e-3, null);
            User ada = f.classroom.joinAsNewStudent(c, "Ada").user();
            var phone = f.classroom.joinAsNewStudent(c, "Ada (phone)");
            SharedSheet worked = f.classroom.openCopy(a, phone.user()); // she worked on her phone

            f.classroom.merge(c, phone.user(), ada);
            assertThat(f.classroom.members(c)).extracting(User::name).containsExactly("Ada");
            assertThat(f.classroom.openCopy(a, ada).id()).isEqualTo(worked.id());
            assertThat(f.registry.owner(worked)).isEqualTo(SheetOwner.of(ada.actor().key()));
            assertThat(f.store.owner(worked.id()).map(SheetOwner::owner)).contains(ada.actor().key());
            assertThat(f.access.rights(ada.actor(), worked).can(Action.EDIT)).isTrue();
            assertThat(f.users.bySecret(phone.secret()).map(User::id)).contains(ada.id());

            f.classroom.rename(c, ada, "Ada L.");
            assertThat(f.classroom.dashboard(a).rows()).extracting(r -> r.student().name()).containsExactly("Ada L.");
        }
    }
}
