package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Practice;
import dev.gradsheet.web.security.SignedIn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The access table through the page (Karibu): a student's copy opened as each role. What a role may
 * do works there; what it may not is refused where it is asked (a message under the grid, next to the
 * history, or the page itself) or not offered, and nothing changes.
 */
class ClassroomAccessPageTest extends KaribuTestBase {
    @Autowired
    Classroom classroom;
    @Autowired
    UserStore users;
    @Autowired
    SheetActions actions;

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("i18n/app", Locale.ROOT);

    enum Role { ANONYMOUS, STUDENT, OTHER_STUDENT, TEACHER, OTHER_TEACHER }

    @AfterEach
    void signOut() {
        SecurityContextHolder.getContextHolderStrategy().clearContext();
    }

    static void signIn(User u) {
        var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SignedIn(u.id()), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + u.role().name()))));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
    }

    /** A fresh browser session for {@code u} (null: an anonymous visitor). */
    void as(User u) {
        tearDownVaadin();
        signOut();
        setUpVaadin();
        if (u != null) {
            signIn(u);
        }
    }

    SheetView open(String sheetId) {
        UI.getCurrent().navigate("sheet/" + sheetId);
        roundtrip();
        return _get(SheetView.class);
    }

    @Test
    void aStudentsCopyThroughThePageForEachRole() {
        User teacher = users.setLocalTeacherPassword("Teacher", "page-test-password");
        User otherTeacher = users.oidcUser("https://idp.test page-other", "Mr Kim", "kim@x", Actor.Role.TEACHER);
        ClassRoom c = classroom.newClass(teacher, "Page table");
        User ada = classroom.joinAsNewStudent(c, "Ada").user();
        User bo = classroom.joinAsNewStudent(c, "Bo").user();
        SharedSheet source = registry.create(Examples.WORKED.load(), SheetOwner.of(teacher.actor().key()));
        Assignment a = classroom.newAssignment(c, source, "Chain rule", Practice.parse("gradients of x, y, z, q, f, t"), 1e-3, null);
        Map<Role, User> people = new java.util.EnumMap<>(Role.class);
        people.put(Role.STUDENT, ada);
        people.put(Role.OTHER_STUDENT, bo);
        people.put(Role.TEACHER, teacher);
        people.put(Role.OTHER_TEACHER, otherTeacher);

        for (Role role : Role.values()) {
            SharedSheet copy = classroom.openCopy(a, ada);
            copy.sheet().actingAs(new SheetActions.Editor(ada.actor()), () -> copy.sheet().setValue("x", -1));
            registry.flush();
            as(people.get(role));
            boolean student = role == Role.STUDENT;
            boolean teaches = role == Role.TEACHER;

            // view
            SheetView view = open(copy.id());
            if (!student && !teaches) {
                assertThat(view.presenter()).as(role.name()).isNull();
                assertThat(_find(view, Paragraph.class)).extracting(Paragraph::getText)
                        .contains(WORDS.getString("access.PRIVATE_COPY"));
                assertThat(dashboardShown(a)).as(role + " dashboard").isFalse();
                continue;
            }
            // edit: the student's works; the teacher watching is told why not, and nothing changes
            SheetPresenter.Outcome edit = view.presenter().setValue("y", "9");
            assertThat(copy.sheet().value("y")).isEqualTo(student ? 9.0 : 5.0);
            assertThat(edit.error()).isEqualTo(student ? null : WORDS.getString("access.TEACHER_WATCHES"));
            // restore: both may
            view.history().refresh();
            view.history().restore(registry.store().revisions(copy.id()).get(registry.store().revisions(copy.id()).size() - 1));
            assertThat(copy.sheet().value("x")).as(role + " restored revision 1").isEqualTo(-2.0);
            // hand in: the student's button only
            List<Button> handIn = _find(view, Button.class, spec -> spec.withId("hand-in"));
            assertThat(handIn).as("%s sees Hand in", role).hasSize(student ? 1 : 0); // Karibu finds visible ones only
            if (student) {
                handIn.get(0).click();
                assertThat(classroom.store().handIn(a.id(), ada.id())).isPresent();
                assertThat(_get(view, Span.class, spec -> spec.withId("hand-in-status")).getText()).startsWith("Handed in");
            }
            // dashboard and export: the teacher's
            assertThat(dashboardShown(a)).as(role + " dashboard").isEqualTo(teaches);
            // delete: both may (the next visit makes a fresh copy)
            view = open(copy.id());
            _get(view, Button.class, spec -> spec.withId("delete-sheet")).click();
            _get(Button.class, spec -> spec.withId("delete-yes")).click();
            assertThat(registry.store().text(copy.id())).isEmpty();
        }
    }

    /** Opens the assignment's dashboard: true when its grid and exports are shown, false when refused with words. */
    private boolean dashboardShown(Assignment a) {
        UI.getCurrent().navigate("dashboard/" + a.id());
        roundtrip();
        boolean shown = !_find(Grid.class, spec -> spec.withId("dashboard-grid")).isEmpty();
        if (shown) {
            assertThat(_find(Anchor.class, spec -> spec.withId("export-csv"))).hasSize(1);
        } else {
            assertThat(_get(Paragraph.class, spec -> spec.withId("page-refused")).getText())
                    .isEqualTo(WORDS.getString("access.TEACHER_ONLY"));
            assertThat(_find(Anchor.class, spec -> spec.withId("export-csv"))).isEmpty();
        }
        return shown;
    }

    @Test
    void aVisitorWatchesSomeoneElsesSheetViewOnlyAndMakesACopy() {
        SharedSheet theirs = registry.create(Examples.WORKED.load(), SheetOwner.of(Actor.browser("t".repeat(32)).key()));
        SheetView view = open(theirs.id());
        assertThat(_get(view, Span.class, spec -> spec.withId("access-text")).getText())
                .isEqualTo(WORDS.getString("bar.viewOnly"));
        SheetPresenter.Outcome o = view.presenter().setValue("x", "3");
        assertThat(o.error()).isEqualTo(WORDS.getString("access.VIEW_ONLY_LINK"));
        assertThat(theirs.sheet().value("x")).isEqualTo(-2.0);
        assertThat(view.presenter().undo()).isFalse();

        _get(view, Button.class, spec -> spec.withId("make-copy")).click();
        roundtrip();
        SheetView mine = _get(SheetView.class);
        assertThat(mine.presenter().shared().id()).isNotEqualTo(theirs.id());
        assertThat(mine.presenter().setValue("x", "3").ok()).isTrue();
        assertThat(registry.owner(mine.presenter().shared()).linkMode()).isEqualTo(SheetOwner.LinkMode.VIEW);
    }

    @Test
    void theOwnerLetsTheLinkEditAndOtherTabsFollowAtOnce() {
        SheetView mine = openStart();
        SharedSheet s = mine.presenter().shared();
        Actor me = mine.presenter().actor();
        assertThat(registry.owner(s)).isEqualTo(SheetOwner.of(me.key()));
        assertThat(_find(mine, Span.class, spec -> spec.withId("access-text"))).isEmpty(); // the owner's setting says it
        assertThat(_find(mine, Button.class, spec -> spec.withId("make-copy"))).isEmpty();
        @SuppressWarnings("unchecked")
        var link = (com.vaadin.flow.component.select.Select<SheetOwner.LinkMode>) _get(mine,
                com.vaadin.flow.component.select.Select.class, spec -> spec.withId("link-mode"));
        link.setValue(SheetOwner.LinkMode.EDIT);
        assertThat(registry.owner(s).linkMode()).isEqualTo(SheetOwner.LinkMode.EDIT);
        assertThat(registry.store().owner(s.id()).map(SheetOwner::linkMode)).contains(SheetOwner.LinkMode.EDIT);

        as(null); // another browser on the link now edits
        SheetView theirs = open(s.id());
        assertThat(theirs.presenter().setValue("x", "1").ok()).isTrue();
        assertThat(s.sheet().value("x")).isEqualTo(1.0);
        registry.flush(); // every revision records who made it: this visitor's edit is theirs ("you"), the link's
        theirs.history().refresh();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(theirs.history().revisions, 0))
                .contains(WORDS.getString("history.byYou"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(theirs.history().revisions, 1))
                .contains(WORDS.getString("history.byVisitor")); // the first revision: its maker's (another browser)
        // but restoring and deleting stay the owner's
        assertThat(_find(theirs, Button.class, spec -> spec.withId("delete-sheet"))).isEmpty(); // not offered
        theirs.history().refresh();
        theirs.history().restore(registry.store().revisions(s.id()).get(0));
        assertThat(theirs.history().message.getText()).isEqualTo(WORDS.getString("access.OWNER_ONLY"));
        assertThat(s.sheet().value("x")).isEqualTo(1.0);

        // the owner closes the link again (as another server would, by the event): the open tab is told at once
        actions.registry().setLinkMode(s, SheetOwner.LinkMode.VIEW, actions.events());
        roundtrip();
        assertThat(theirs.presenter().setValue("x", "2").error()).isEqualTo(WORDS.getString("access.VIEW_ONLY_LINK"));
        assertThat(s.sheet().value("x")).isEqualTo(1.0);
    }
}
