package dev.gradsheet.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.TestPostgres;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.sheet.Practice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classroom's tables (Flyway V4 to V9) on H2 and on PostgreSQL alike: people, classes and their
 * codes, memberships, assignments, copies, what students did in them, hand-ins and merging two
 * students into one.
 */
class ClassroomStoreTest {
    @TempDir
    Path dir;

    @Test
    void theClassroomTablesWorkOnH2() {
        everything(SheetStore.embeddedDataSource(dir));
    }

    @Test
    void theClassroomTablesWorkOnPostgres() throws Exception {
        try (TestPostgres pg = TestPostgres.require("the classroom tables on PostgreSQL");
             HikariDataSource ds = pg.migratedPool()) {
            everything(ds);
        }
    }

    private static void everything(DataSource ds) {
        Clock clock = Clock.systemUTC();
        UserStore users = new UserStore(ds, clock);
        ClassroomStore store = new ClassroomStore(ds, clock);

        User teacher = users.setLocalTeacherPassword("Ms Lee", "correct horse");
        assertThat(users.checkLocalTeacher("correct horse")).contains(teacher);
        assertThat(users.checkLocalTeacher("wrong password")).isEmpty();
        assertThat(users.localTeacher()).contains(teacher);

        ClassRoom c = store.newClass("Backprop 101", teacher.id());
        assertThat(c.code()).hasSize(6).matches("[A-HJKMNP-Z2-9]{6}");
        assertThat(store.classByCode(" " + c.code().toLowerCase() + " ")).contains(c); // typed loosely
        assertThat(store.classByCode("ZZZZZZ")).isEmpty();
        assertThat(store.classesOf(teacher.id())).containsExactly(c);

        UserStore.Joined ada = users.newStudent("Ada");
        UserStore.Joined ada2 = users.newStudent("Ada (phone)");
        assertThat(users.bySecret(ada.secret())).contains(ada.user());
        assertThat(users.bySecret("not-a-secret")).isEmpty();
        store.join(c.id(), ada.user().id());
        store.join(c.id(), ada.user().id()); // again: nothing changes
        store.join(c.id(), ada2.user().id());
        assertThat(store.members(c.id())).containsExactlyInAnyOrder(ada.user().id(), ada2.user().id()); // same ms: by id
        assertThat(store.classesJoined(ada.user().id())).containsExactly(c);

        Instant due = Instant.parse("2030-01-01T12:00:00Z");
        Assignment a = store.newAssignment(c.id(), "Chain rule", "x = input(1)\n", Practice.parse("gradients of x"), 0.01, due);
        Assignment read = store.assignment(a.id()).orElseThrow();
        assertThat(read).isEqualTo(a);
        assertThat(read.asked().cells()).containsExactly("x");
        assertThat(read.lateAt(due.plusSeconds(1))).isTrue();
        assertThat(read.lateAt(due)).isFalse();

        String sheet1 = SheetStore.newId();
        assertThat(store.newCopy(a.id(), ada2.user().id(), sheet1)).isTrue();
        assertThat(store.newCopy(a.id(), ada2.user().id(), SheetStore.newId())).isFalse(); // one copy each
        assertThat(store.copyBySheet(sheet1).map(Copy::studentId)).contains(ada2.user().id());
        store.count(sheet1, "x.grad", false);
        store.count(sheet1, "x.grad", false);
        store.count(sheet1, "x.grad", true);
        assertThat(store.activity(sheet1)).isEqualTo(Map.of("x.grad", new Activity(2, 1)));

        HandIn h = new HandIn(a.id(), ada2.user().id(), sheet1, 3, "x = input(1)\n@expect x.grad = 0\n",
                Instant.parse("2030-01-02T00:00:00Z"), true);
        store.handIn(h);
        store.handIn(h); // handing in again replaces it
        assertThat(store.handIns(a.id())).containsExactly(h);

        // the teacher merges the phone's account into the first: its copy and hand-in follow, its browser signs in as Ada
        store.merge(ada2.user().id(), ada.user().id(), () -> users.markMergedInto(ada2.user().id(), ada.user().id()));
        assertThat(store.members(c.id())).containsExactly(ada.user().id());
        assertThat(store.copy(a.id(), ada.user().id()).map(Copy::sheetId)).contains(sheet1);
        assertThat(store.handIn(a.id(), ada.user().id())).isPresent();
        assertThat(users.bySecret(ada2.secret()).map(User::id)).contains(ada.user().id());

        User oidc = users.oidcUser("https://idp.example x-1", "Mr Kim", "kim@school.example", Actor.Role.TEACHER);
        assertThat(users.oidcUser("https://idp.example x-1", "Mr Kim Jr", "kim@school.example", Actor.Role.TEACHER).id())
                .isEqualTo(oidc.id()); // the same person on every sign-in, name following the provider
        assertThat(users.find(oidc.id()).map(User::name)).contains("Mr Kim Jr");

        String token = users.newSetupToken();
        assertThat(users.useSetupToken(token)).isTrue();
        assertThat(users.useSetupToken(token)).isFalse(); // once
        assertThat(List.of(users.setupPending())).containsExactly(false);
    }
}
