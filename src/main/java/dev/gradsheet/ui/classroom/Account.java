package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import dev.gradsheet.server.Actor;
import dev.gradsheet.ui.i18n.Texts;

/**
 * "Sign in" for a visitor (a link to the sign-in page) or "Sign out (name)" for someone signed in (a
 * form posting to Spring Security's {@code /logout} with the CSRF token, so no other site can sign
 * anyone out).
 */
final class Account {
    private Account() {
    }

    static Component of(Actor actor) {
        if (!actor.signedIn()) {
            Anchor signIn = new Anchor(Pages.LOGIN, Texts.t("bar.signIn"));
            signIn.setId("sign-in");
            signIn.getElement().setAttribute("router-ignore", true); // Spring Security's page flow, not the router's
            return signIn;
        }
        NativeForm form = new NativeForm("sign-out-form", Pages.LOGOUT);
        NativeButton out = form.submit("sign-out", Texts.t("bar.signOut", actor.name()));
        out.getStyle().set("font", "inherit");
        Div holder = new Div();
        holder.getStyle().set("display", "inline-block");
        holder.getElement().appendChild(form.form);
        return holder;
    }
}
