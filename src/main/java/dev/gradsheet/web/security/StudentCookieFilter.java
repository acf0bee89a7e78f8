package dev.gradsheet.web.security;

import dev.gradsheet.server.people.UserStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a returning student in from their {@link StudentCookie} when a page is loaded and nobody is
 * signed in yet: what lets a student come back to their copies with no password. A cookie whose
 * student no longer exists is dropped.
 */
final class StudentCookieFilter extends OncePerRequestFilter {
    private final UserStore users;

    StudentCookieFilter(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = StudentCookie.of(request);
        if (secret != null && "GET".equals(request.getMethod()) && request.getParameter("v-r") == null
                && !signedIn(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication())) {
            var user = users.bySecret(secret);
            if (user.isPresent()) {
                SignIns.signIn(user.get(), request, response);
            } else {
                StudentCookie.clear(request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
