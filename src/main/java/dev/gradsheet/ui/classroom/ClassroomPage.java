package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.ui.i18n.LanguageSwitch;

/**
 * What the classroom's pages share: a title line with sign-in or sign-out and the language switch,
 * the visitor of the request, and a way to say "not for you" instead of the page.
 */
abstract class ClassroomPage extends VerticalLayout {
    protected final SheetActions actions;
    protected Actor actor;

    ClassroomPage(SheetActions actions) {
        this.actions = actions;
        setPadding(true);
        setMaxWidth("70em");
    }

    /** Starts the page afresh for this request's visitor under title {@code titleKey}. */
    protected void begin(String titleKey) {
        removeAll();
        actor = Visitor.current(actions.users());
        H2 title = new H2(getTranslation(titleKey));
        title.getStyle().set("margin", "0");
        HorizontalLayout head = new HorizontalLayout(title, Account.of(actor), new LanguageSwitch());
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(head);
    }

    /** Replaces the page with {@code messageKey} (a refusal or a missing thing) and a way on. */
    protected void refuse(String messageKey, String linkHref, String linkKey) {
        Paragraph why = new Paragraph(getTranslation(messageKey));
        why.setId("page-refused");
        add(why);
        if (linkHref != null) {
            Anchor on = new Anchor(linkHref, getTranslation(linkKey));
            on.setId("page-refused-link");
            on.getElement().setAttribute("router-ignore", true);
            add(on);
        }
    }
}
