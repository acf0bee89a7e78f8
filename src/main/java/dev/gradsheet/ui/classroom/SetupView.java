package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.web.security.TeacherSetup;

/** {@code /setup/<token>}: the one-time link from the log sets the local teacher's password. */
@Route(Pages.SETUP)
public class SetupView extends ClassroomPage implements HasUrlParameter<String> {
    private final TeacherSetup setup;
    final PasswordField password = new PasswordField();
    final PasswordField again = new PasswordField();
    final Button save = new Button();
    final Paragraph result = new Paragraph();

    public SetupView(SheetActions actions, TeacherSetup setup) {
        super(actions);
        this.setup = setup;
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        begin("setup.title");
        password.setId("setup-password");
        password.setLabel(getTranslation("setup.password", String.valueOf(TeacherSetup.MIN_PASSWORD)));
        again.setId("setup-again");
        again.setLabel(getTranslation("setup.again"));
        save.setId("setup-save");
        save.setText(getTranslation("setup.save"));
        result.setId("setup-result");
        save.addClickListener(e -> {
            again.setInvalid(false);
            password.setInvalid(false);
            if (!password.getValue().equals(again.getValue())) {
                again.setErrorMessage(getTranslation("setup.differ"));
                again.setInvalid(true);
                return;
            }
            switch (setup.complete(token, password.getValue())) {
                case TOO_SHORT -> {
                    password.setErrorMessage(getTranslation("setup.short", String.valueOf(TeacherSetup.MIN_PASSWORD)));
                    password.setInvalid(true);
                }
                case LINK_USED -> result.setText(getTranslation("setup.used"));
                case DONE -> {
                    result.setText(getTranslation("setup.done"));
                    Anchor login = new Anchor(Pages.LOGIN, getTranslation("bar.signIn"));
                    login.setId("setup-login");
                    result.add(new com.vaadin.flow.component.Text(" "), login);
                    save.setEnabled(false);
                }
            }
        });
        add(password, again, save, result);
    }
}
