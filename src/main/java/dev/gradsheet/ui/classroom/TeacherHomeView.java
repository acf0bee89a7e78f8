package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.people.User;

/** {@code /teach}: a teacher's classes, and a new class (its code is made at once). */
@Route(Pages.TEACH)
public class TeacherHomeView extends ClassroomPage implements BeforeEnterObserver {

    public TeacherHomeView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        begin("teach.title");
        if (!actor.teacher()) {
            refuse("teach.notTeacher", Pages.LOGIN, "bar.signIn");
            return;
        }
        User teacher = actions.users().find(actor.userId()).orElseThrow();
        TextField className = new TextField();
        Button create = new Button();
        Div classes = new Div();
        classes.setId("teacher-classes");
        className.setId("new-class-name");
        className.setLabel(getTranslation("teach.newClass"));
        className.setMaxLength(100);
        create.setId("new-class-create");
        create.setText(getTranslation("teach.create"));
        create.addClickListener(e -> {
            String name = className.getValue().strip();
            if (name.isEmpty()) {
                className.setErrorMessage(getTranslation("teach.nameNeeded"));
                className.setInvalid(true);
                return;
            }
            ClassRoom c = actions.classroom().newClass(teacher, name);
            getUI().ifPresent(ui -> ui.navigate(Pages.classPage(c.id())));
        });
        add(className, create, classes, new Paragraph(getTranslation("teach.howToAssign")));
        for (ClassRoom c : actions.classroom().store().classesOf(teacher.id())) {
            Anchor a = new Anchor(Pages.classPage(c.id()), getTranslation("teach.classLine", c.name(), c.code()));
            a.setId("class-" + c.id());
            classes.add(new Div(a));
        }
    }
}
