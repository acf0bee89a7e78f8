package dev.gradsheet.ui.classroom;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.web.security.CurrentActor;

/**
 * Who is on the page: the signed-in user or the anonymous browser of the request (see
 * {@link CurrentActor}), kept in the Vaadin session for requests that carry neither (a browser that
 * refuses cookies keeps one identity for its session).
 */
public final class Visitor {
    private static final String ATTRIBUTE = "gradsheet.actor";

    private Visitor() {
    }

    /**
     * Who owns a sheet this tab makes now: the person this page was built for (kept in the session by
     * {@link #current}), or nobody when no page has asked yet.
     */
    public static dev.gradsheet.server.SheetOwner ownerOfNewSheet() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Actor known
                ? dev.gradsheet.server.SheetOwner.of(known.key()) : dev.gradsheet.server.SheetOwner.NONE;
    }

    /** The person of the current request. */
    public static Actor current(UserStore users) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        Actor actor = request instanceof VaadinServletRequest r ? CurrentActor.of(r.getHttpServletRequest(), users) : null;
        VaadinSession session = VaadinSession.getCurrent();
        if (actor == null && session != null && session.getAttribute(ATTRIBUTE) instanceof Actor known) {
            actor = known;
        }
        if (actor == null) {
            actor = Actor.browser(SheetStore.newId() + SheetStore.newId());
        }
        if (session != null) {
            session.setAttribute(ATTRIBUTE, actor);
        }
        return actor;
    }
}
