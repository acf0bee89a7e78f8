package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinService;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A plain HTML form that posts to a Spring Security endpoint (the teacher's password sign-in, a
 * student's join) with the session's CSRF token: the browser sends it as a real page request, so the
 * sign-in's new session id and cookies arrive as with any form. Fields are native inputs, each with
 * its label and, when the server sent the form back, its message.
 */
final class NativeForm {
    /** Where the security setup leaves the session's CSRF token for forms (see web.security.FormCsrfTokens). */
    static final String CSRF_ATTRIBUTE = "_csrf";
    final Element form = new Element("form");
    private final Div fields = new Div();

    NativeForm(String id, String action) {
        form.setAttribute("method", "post");
        form.setAttribute("action", action);
        form.setAttribute("id", id);
        form.appendChild(fields.getElement());
        Input csrf = new Input();
        csrf.setType("hidden");
        if (VaadinService.getCurrentRequest() != null
                && VaadinService.getCurrentRequest().getAttribute(CSRF_ATTRIBUTE) instanceof CsrfToken token) {
            csrf.getElement().setAttribute("name", token.getParameterName());
            csrf.setValue(token.getToken());
        }
        form.appendChild(csrf.getElement());
    }

    /** Adds an input called {@code name} under {@code label}, with {@code error} (or null) under it. */
    Input field(String id, String name, String type, String label, String value, String error) {
        Input input = new Input();
        input.setId(id);
        input.setType(type);
        input.getElement().setAttribute("name", name);
        input.setValue(value == null ? "" : value);
        input.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-l)")
                .set("margin", "var(--lumo-space-xs) 0");
        NativeLabel caption = new NativeLabel(label);
        caption.setFor(input);
        Div field = new Div(caption, input);
        if (error != null) {
            Span message = new Span(error);
            message.setId(id + "-error");
            message.addClassName("gs-error");
            input.getElement().setAttribute("aria-invalid", "true");
            field.add(message);
        }
        field.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        fields.add(field);
        return input;
    }

    /** Adds a line of text among the fields. */
    void note(com.vaadin.flow.component.Component c) {
        fields.add(c);
    }

    /** Ends the form with its submit button. */
    NativeButton submit(String id, String text) {
        NativeButton submit = new NativeButton(text);
        submit.setId(id);
        submit.getElement().setAttribute("type", "submit");
        form.appendChild(submit.getElement());
        return submit;
    }
}
