package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.web.security.TeacherSetup;

/** {@code /setup/<token>}: the one-time link from the log sets the local teacher's password. */
@Route(Pages.SETUP)
public class SetupView extends ClassroomPage implements HasUrlParameter<String> {
    private final TeacherSetup setup;

    public SetupView(SheetActions actions, TeacherSetup setup) {
        super(actions);
        this.setup = setup;
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        begin("setup.title"); // the page is built afresh on each visit
        Input password = new Input(ValueChangeMode.ON_CHANGE);
        Input again = new Input(ValueChangeMode.ON_CHANGE);
        Span problem = new Span();
        Button save = new Button();
        Paragraph result = new Paragraph();
        password.setId("setup-password");
        password.setType("password");
        again.setId("setup-again");
        again.setType("password");
        NativeLabel first = new NativeLabel(getTranslation("setup.password", String.valueOf(TeacherSetup.MIN_PASSWORD)));
        first.setFor(password);
        NativeLabel second = new NativeLabel(getTranslation("setup.again"));
        second.setFor(again);
        problem.setId("setup-problem");
        problem.addClassName("gs-error");
        save.setId("setup-save");
        save.setText(getTranslation("setup.save"));
        result.setId("setup-result");
        save.addClickListener(e -> {
            problem.setText("");
            if (!password.getValue().equals(again.getValue())) {
                problem.setText(getTranslation("setup.differ"));
                return;
            }
            switch (setup.complete(token, password.getValue())) {
                case TOO_SHORT -> problem.setText(getTranslation("setup.short", String.valueOf(TeacherSetup.MIN_PASSWORD)));
                case LINK_USED -> result.setText(getTranslation("setup.used"));
                case DONE -> {
                    result.setText(getTranslation("setup.done"));
                    Anchor login = new Anchor(Pages.LOGIN, getTranslation("bar.signIn"));
                    login.setId("setup-login");
                    result.add(new Text(" "), login);
                    save.setEnabled(false);
                }
            }
        });
        add(new Div(first, password), new Div(second, again), problem, save, result);
    }
}
