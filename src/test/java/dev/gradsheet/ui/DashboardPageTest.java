package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.Practice;
import dev.gradsheet.ui.classroom.DashboardTable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The teacher's dashboard page: a line per student, marks that follow the students' answers without a
 * reload (pushed by the assignment's events), answers and hints counted, and "Hide names".
 */
class DashboardPageTest extends KaribuTestBase {
    @Autowired
    Classroom classroom;
    @Autowired
    UserStore users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.getContextHolderStrategy().clearContext();
    }

    @SuppressWarnings("unchecked")
    private static Grid<DashboardTable.Line> grid() {
        return _get(Grid.class, spec -> spec.withId("dashboard-grid"));
    }

    private static List<DashboardTable.Line> lines() {
        Grid<DashboardTable.Line> g = grid();
        return java.util.stream.IntStream.range(0, GridKt._size(g)).mapToObj(i -> GridKt._get(g, i)).toList();
    }

    /** Lets pushed redraws (debounced) arrive, as a browser would wait for them. */
    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 50 && !done.getAsBoolean(); i++) {
            Thread.sleep(100);
            roundtrip();
        }
    }

    @Test
    void marksFollowTheStudentsLiveAndNamesCanBeHidden() throws Exception {
        User teacher = users.setLocalTeacherPassword("Teacher", "page-test-password");
        ClassRoom c = classroom.newClass(teacher, "Dashboard");
        SharedSheet source = registry.create(Examples.WORKED.load(), SheetOwner.of(teacher.actor().key()));
        Assignment a = classroom.newAssignment(c, source, "Chain rule", Practice.parse("gradients of z, t"), 1e-3, null);
        User ada = classroom.joinAsNewStudent(c, "Ada").user();
        classroom.joinAsNewStudent(c, "Bo");
        ClassroomAccessPageTest.signIn(teacher);
        UI.getCurrent().navigate("dashboard/" + a.id());
        roundtrip();
        assertThat(lines()).extracting(DashboardTable.Line::student).containsExactly("Ada", "Bo");
        assertThat(lines().get(0).marks()).containsExactly("", "");

        SharedSheet copy = classroom.openCopy(a, ada);
        copy.claimsHolder().set(copy.claims().with(new Expectation("z", Expectation.Quantity.GRAD, -12))
                .with(new Expectation("t", Expectation.Quantity.GRAD, 5)));
        registry.changed(copy, dev.gradsheet.engine.EditLabel.of(dev.gradsheet.engine.EditLabel.Kind.ANSWERS_OR_PRACTICE), ada.actor());
        classroom.counted(copy.id(), "z.grad", false);
        classroom.counted(copy.id(), "t.grad", false);
        classroom.counted(copy.id(), "t.grad", true);
        waitUntil(() -> lines().get(0).marks().equals(List.of("✓", "✗")));
        DashboardTable.Line line = lines().get(0);
        assertThat(line.marks()).containsExactly("✓", "✗");
        assertThat(line.score()).isEqualTo("1/2");
        assertThat(line.efforts()).containsExactly("tries 1, hints 0", "tries 1, hints 1");
        assertThat(line.sheetId()).isEqualTo(copy.id()); // the name opens this copy to watch

        _get(Checkbox.class, spec -> spec.withId("hide-names")).setValue(true);
        assertThat(lines()).extracting(DashboardTable.Line::student).containsExactly("Student 1", "Student 2");
    }
}
