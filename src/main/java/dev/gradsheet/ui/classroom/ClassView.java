package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import java.util.List;
import java.util.Optional;

/**
 * {@code /class/<id>}, the class's teacher's page: the join code and link to show the students, the
 * students (rename one; merge one who joined twice into the other) and the assignments with their
 * dashboards.
 */
@Route(Pages.CLASS)
public class ClassView extends ClassroomPage implements HasUrlParameter<String> {
    /** Built afresh on each visit (a second visit to the same view must not add its columns twice). */
    private Grid<User> students;
    private Span message;
    private ClassRoom classRoom;

    public ClassView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        begin("class.title");
        Optional<ClassRoom> c = actions.classroom().store().classById(id);
        if (c.isEmpty()) {
            refuse("class.missing", Pages.TEACH, "class.toClasses");
            return;
        }
        if (actions.access().check(actor, c.get()).isPresent()) {
            refuse("access.TEACHER_ONLY", Pages.LOGIN, "bar.signIn");
            return;
        }
        classRoom = c.get();
        students = new Grid<>();
        message = new Span();
        H3 name = new H3(classRoom.name());
        Span code = new Span(classRoom.code());
        code.setId("class-code");
        code.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-family", "monospace").set("font-weight", "700");
        Anchor joinLink = new Anchor(Pages.join(classRoom.code()), getTranslation("class.joinLink"));
        joinLink.setId("class-join-link");
        Paragraph howToJoin = new Paragraph(getTranslation("class.howToJoin"));
        message.setId("class-message");
        message.addClassName("gs-error");
        students.setId("class-students");
        students.setAllRowsVisible(true);
        students.addColumn(User::name).setHeader(getTranslation("class.student")).setAutoWidth(true);
        students.addComponentColumn(this::renameCell).setHeader(getTranslation("class.rename")).setAutoWidth(true);
        students.addComponentColumn(this::mergeCell).setHeader(getTranslation("class.merge")).setAutoWidth(true);
        Div assignments = new Div();
        assignments.setId("class-assignments");
        for (Assignment a : actions.classroom().store().assignmentsOf(classRoom.id())) {
            Anchor dashboard = new Anchor(Pages.dashboard(a.id()), getTranslation("class.assignmentLine", a.title()));
            dashboard.setId("dashboard-" + a.id());
            Anchor link = new Anchor(Pages.assignment(a.id()), getTranslation("assign.studentLink"));
            link.getStyle().set("margin-left", "var(--lumo-space-m)");
            assignments.add(new Div(dashboard, link));
        }
        add(name, howToJoin, code, joinLink, new H3(getTranslation("class.students")), message, students,
                new H3(getTranslation("class.assignments")), assignments, new Paragraph(getTranslation("teach.howToAssign")));
        refreshStudents();
    }

    private void refreshStudents() {
        students.setItems(actions.classroom().members(classRoom));
    }

    private Div renameCell(User u) {
        TextField field = new TextField();
        field.setValue(u.name());
        field.setMaxLength(UserStore.MAX_NAME);
        field.setAriaLabel(getTranslation("class.renameLabel", u.name()));
        Button save = new Button(getTranslation("class.rename"), e -> {
            String n = field.getValue().strip();
            if (n.isEmpty()) {
                field.setErrorMessage(getTranslation("join.error.name"));
                field.setInvalid(true);
                return;
            }
            actions.classroom().rename(classRoom, u, n);
            refreshStudents();
        });
        return new Div(field, save);
    }

    private Div mergeCell(User u) {
        List<User> others = actions.classroom().members(classRoom).stream().filter(o -> !o.id().equals(u.id())).toList();
        Select<User> into = new Select<>();
        into.setItems(others);
        into.setItemLabelGenerator(User::name);
        into.setAriaLabel(getTranslation("class.mergeLabel", u.name()));
        Button merge = new Button(getTranslation("class.merge"), e -> {
            if (into.getValue() == null) {
                message.setText(getTranslation("class.mergeChoose"));
                return;
            }
            actions.classroom().merge(classRoom, u, into.getValue());
            message.setText("");
            refreshStudents();
        });
        merge.setEnabled(!others.isEmpty());
        return new Div(into, merge);
    }
}
