package dev.gradsheet.ui.common;

import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;

/**
 * A stable, meaningless key for one browser — kept in its Vaadin session, so every tab of the browser
 * has the same one — by which the server's job pool counts the runs a visitor holds.
 */
public final class VisitorKey {
    static final String ATTRIBUTE = "gradsheet.visitor";

    private VisitorKey() {
    }

    /** The key of {@code session}'s browser, made on first use (call with the session's lock held). */
    public static String of(VaadinSession session) {
        Object key = session.getAttribute(ATTRIBUTE);
        if (key == null) {
            key = UUID.randomUUID().toString();
            session.setAttribute(ATTRIBUTE, key);
        }
        return key.toString();
    }

    /** The key of the current request's browser, or null outside a request. */
    public static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : of(session);
    }
}
