package dev.gradsheet.web.security;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.people.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Signs a user in from the server's own code (a student joining a class, or returning with their
 * cookie) the way Spring Security's own sign-ins do: the session gets a new id first (no session
 * fixation), then holds the authentication.
 */
final class SignIns {
    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private SignIns() {
    }

    static List<GrantedAuthority> authorities(Actor.Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    /** An authentication for {@code user} (a teacher with the local password, or a student). */
    static Authentication authentication(User user) {
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(user.id()), null, authorities(user.role()));
    }

    static void signIn(User user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication(user));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
