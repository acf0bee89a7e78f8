package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import dev.gradsheet.sheet.Examples;
import jakarta.servlet.http.Cookie;

/**
 * The start page {@code /}: sends the browser back to the sheet it worked on last (remembered in
 * the session and a cookie), or creates a new shared copy of the worked example — what a new
 * visitor sees first — and sends it there.
 */
@Route("")
public class StartView extends Div implements BeforeEnterObserver {
    private final SheetRegistry registry;
    private final dev.gradsheet.server.people.UserStore users;

    public StartView(SheetRegistry registry, dev.gradsheet.server.people.UserStore users) {
        this.registry = registry;
        this.users = users;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String last = lastSheet();
        if (last != null) {
            try {
                if (registry.find(last).isPresent()) {
                    event.forwardTo(SheetView.class, last);
                    return;
                }
            } catch (SheetRegistry.SheetUnreadableException ignored) {
                // fall through to a fresh worked example
            }
        }
        // the visitor's own sheet: others with its link watch it unless they are let edit
        SharedSheet created = registry.create(Examples.WORKED.load(), dev.gradsheet.server.SheetOwner.of(
                dev.gradsheet.ui.classroom.Visitor.current(users).key()));
        event.forwardTo(SheetView.class, created.id());
    }

    private static String lastSheet() {
        VaadinSession session = VaadinSession.getCurrent();
        Object inSession = session == null ? null : session.getAttribute(SheetView.LAST_SHEET);
        if (inSession instanceof String id && SheetStore.isValidId(id)) {
            return id;
        }
        VaadinRequest request = VaadinService.getCurrentRequest();
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SheetView.LAST_SHEET_COOKIE.equals(c.getName()) && SheetStore.isValidId(c.getValue())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
