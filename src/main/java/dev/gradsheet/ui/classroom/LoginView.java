package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.web.security.IdentityOptions;

/**
 * {@code /login}: teachers sign in through the school's provider (a link per provider) or, on a
 * server without one, with the local teacher's password; students are sent to the join page.
 */
@Route(Pages.LOGIN)
public class LoginView extends ClassroomPage implements BeforeEnterObserver {
    private final IdentityOptions identity;
    final LoginForm form = new LoginForm();

    public LoginView(SheetActions actions, IdentityOptions identity) {
        super(actions);
        this.identity = identity;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        begin("login.title");
        for (IdentityOptions.Provider p : identity.providers()) {
            Anchor a = new Anchor(p.href(), getTranslation("login.with", p.name()));
            a.setId("login-" + p.id());
            a.getElement().setAttribute("router-ignore", true);
            add(a);
        }
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation(identity.hasProvider() ? "login.localTitle" : "login.teacherTitle"));
        i18n.getForm().setUsername(getTranslation("login.userName", identity.teacherUserName()));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.errorTitle"));
        i18n.getErrorMessage().setMessage(getTranslation("login.errorMessage"));
        form.setI18n(i18n);
        form.setId("login-form");
        form.setAction(Pages.LOGIN);
        form.setForgotPasswordButtonVisible(false);
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        Paragraph students = new Paragraph(getTranslation("login.students"));
        Anchor join = new Anchor(Pages.JOIN, getTranslation("login.join"));
        join.setId("to-join");
        students.add(new com.vaadin.flow.component.Text(" "), join);
        add(form, students);
    }
}
