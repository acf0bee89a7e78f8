package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.web.security.IdentityOptions;

/**
 * {@code /login}: teachers sign in through the school's provider (a link per provider) or with the
 * local teacher's password (a plain form Spring Security reads; a wrong password comes back as
 * {@code ?error} and is said under the form); students are sent to the join page.
 */
@Route(Pages.LOGIN)
public class LoginView extends ClassroomPage implements BeforeEnterObserver {
    private final IdentityOptions identity;

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
            add(new Paragraph(a));
        }
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        NativeForm form = new NativeForm("login-form", Pages.LOGIN);
        form.field("login-user", "username", "text", getTranslation("login.userName", identity.teacherUserName()),
                identity.teacherUserName(), null);
        form.field("login-password", "password", "password", getTranslation("login.password"), "",
                failed ? getTranslation("login.errorMessage") : null);
        form.submit("login-submit", getTranslation("login.submit"));
        add(new H3(getTranslation(identity.hasProvider() ? "login.localTitle" : "login.teacherTitle")));
        getElement().appendChild(form.form);
        Paragraph students = new Paragraph(getTranslation("login.students"));
        Anchor join = new Anchor(Pages.JOIN, getTranslation("login.join"));
        join.setId("to-join");
        students.add(new Text(" "), join);
        add(students);
    }
}
