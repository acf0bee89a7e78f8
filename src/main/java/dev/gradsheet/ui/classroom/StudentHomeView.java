package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code /my}: a student's classes and their assignments, each opening the student's own copy. */
@Route(Pages.MY)
public class StudentHomeView extends ClassroomPage implements BeforeEnterObserver {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public StudentHomeView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        begin("my.title");
        if (!actor.signedIn()) {
            refuse("my.notJoined", Pages.JOIN, "login.join");
            return;
        }
        Div list = new Div();
        list.setId("my-classes");
        for (ClassRoom c : actions.classroom().store().classesJoined(actor.userId())) {
            list.add(new H3(c.name()));
            for (Assignment a : actions.classroom().store().assignmentsOf(c.id())) {
                String text = a.due() == null ? a.title()
                        : getTranslation("my.assignmentDue", a.title(), TIME.format(a.due().atZone(ZoneId.systemDefault())));
                Anchor open = new Anchor(Pages.assignment(a.id()), text);
                open.setId("open-" + a.id());
                list.add(new Div(open));
            }
        }
        Anchor join = new Anchor(Pages.JOIN, getTranslation("my.joinAnother"));
        join.setId("join-another");
        add(list, join);
    }
}
