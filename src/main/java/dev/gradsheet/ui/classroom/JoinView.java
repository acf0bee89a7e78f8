package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.web.security.StudentJoin;
import java.util.List;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /join} (or the class's join link {@code /join/<code>}): a student types the class code and
 * their name — no password — and the form posts to {@link StudentJoin}, which signs them in. A problem
 * comes back as {@code ?error=...} and is said next to its field, with what was typed kept.
 */
@Route(Pages.JOIN)
public class JoinView extends ClassroomPage implements HasUrlParameter<String> {
    final Input code = new Input();
    final Input name = new Input();

    public JoinView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String codeInLink) {
        begin("join.title");
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String error = first(query, "error");
        Element form = new Element("form");
        form.setAttribute("method", "post");
        form.setAttribute("action", StudentJoin.PATH.substring(1));
        form.setAttribute("id", "join-form");
        code.setId("join-code");
        code.getElement().setAttribute("name", "code");
        code.getElement().setAttribute("autocomplete", "off");
        code.setValue(codeInLink != null ? codeInLink : first(query, "code"));
        name.setId("join-name");
        name.getElement().setAttribute("name", "name");
        name.getElement().setAttribute("maxlength", String.valueOf(UserStore.MAX_NAME));
        name.setValue(first(query, "name"));
        Div fields = new Div();
        fields.add(field("join.code", code, "code".equals(error) ? "join.error.code" : "teacher".equals(error) ? "join.error.teacher" : null));
        if (actor.signedIn()) {
            fields.add(new Paragraph(getTranslation("join.as", actor.name())));
        } else {
            fields.add(field("join.name", name, "name".equals(error) ? "join.error.name" : null));
        }
        Input csrf = new Input();
        csrf.setType("hidden");
        if (VaadinService.getCurrentRequest() != null
                && VaadinService.getCurrentRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            csrf.getElement().setAttribute("name", token.getParameterName());
            csrf.setValue(token.getToken());
        }
        NativeButton submit = new NativeButton(getTranslation("join.submit"));
        submit.setId("join-submit");
        submit.getElement().setAttribute("type", "submit");
        form.appendChild(fields.getElement(), csrf.getElement(), submit.getElement());
        getElement().appendChild(form);
        add(new Paragraph(getTranslation("join.about")));
    }

    private Div field(String labelKey, Input input, String errorKey) {
        NativeLabel label = new NativeLabel(getTranslation(labelKey));
        label.setFor(input);
        input.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-l)").set("margin", "var(--lumo-space-xs) 0");
        Div field = new Div(label, input);
        if (errorKey != null) {
            Span message = new Span(getTranslation(errorKey));
            message.setId(input.getId().orElse("") + "-error");
            message.addClassName("gs-error");
            input.getElement().setAttribute("aria-invalid", "true");
            field.add(message);
        }
        field.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        return field;
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
