package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.web.security.StudentJoin;
import java.util.List;
import java.util.Map;

/**
 * {@code /join} (or the class's join link {@code /join/<code>}): a student types the class code and
 * their name — no password — and the form posts to {@link StudentJoin}, which signs them in. A problem
 * comes back as {@code ?error=...} and is said next to its field, with what was typed kept.
 */
@Route(Pages.JOIN)
public class JoinView extends ClassroomPage implements HasUrlParameter<String> {
    Input code;
    Input name;

    public JoinView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String codeInLink) {
        begin("join.title");
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String error = first(query, "error");
        String codeError = StudentJoin.BAD_CODE.equals(error) ? getTranslation("join.error.code")
                : StudentJoin.TEACHER.equals(error) ? getTranslation("join.error.teacher") : null;
        String nameError = StudentJoin.BAD_NAME.equals(error) ? getTranslation("join.error.name") : null;
        NativeForm form = new NativeForm("join-form", StudentJoin.PATH.substring(1));
        code = form.field("join-code", "code", "text", getTranslation("join.code"),
                codeInLink != null ? codeInLink : first(query, "code"), codeError);
        code.getElement().setAttribute("autocomplete", "off");
        if (actor.signedIn()) {
            form.note(new Paragraph(getTranslation("join.as", actor.name())));
        } else {
            name = form.field("join-name", "name", "text", getTranslation("join.name"), first(query, "name"), nameError);
            name.getElement().setAttribute("maxlength", String.valueOf(UserStore.MAX_NAME));
        }
        form.submit("join-submit", getTranslation("join.submit"));
        getElement().appendChild(form.form);
        add(new Paragraph(getTranslation("join.about")));
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
