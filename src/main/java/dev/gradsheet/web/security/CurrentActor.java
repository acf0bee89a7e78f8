package dev.gradsheet.web.security;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting in a request: the signed-in user (read again from the database, so a renamed or
 * promoted user is seen at once), else the anonymous browser of the {@link BrowserId} cookie, else
 * nobody (a request without cookies).
 */
public final class CurrentActor {
    private CurrentActor() {
    }

    /** The acting person of {@code request} under the current security context, or null. */
    public static Actor of(HttpServletRequest request, UserStore users) {
        return user(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(), users)
                .map(User::actor)
                .orElseGet(() -> {
                    String browser = BrowserId.of(request);
                    return browser == null ? null : Actor.browser(browser);
                });
    }

    /** The signed-in user of {@code auth}, if any. */
    public static Optional<User> user(Authentication auth, UserStore users) {
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof SignedIn s) {
            return users.find(s.userId());
        }
        if (principal instanceof GradSheetOidcUser o) {
            return users.find(o.userId());
        }
        return Optional.empty();
    }
}
