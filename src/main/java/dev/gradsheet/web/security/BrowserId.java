package dev.gradsheet.web.security;

import dev.gradsheet.server.SheetStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The anonymous browser's id: a random id in the HttpOnly cookie {@code gradsheet-browser}, given on
 * the first request that lacks it. Sheets an anonymous visitor makes are owned by it, so the same
 * browser keeps editing them and other browsers with the link only watch (unless the owner opens the
 * link). The id is a secret like a sheet's link: set by the server only, never readable by scripts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BrowserId extends OncePerRequestFilter {
    /** The cookie's name. */
    public static final String COOKIE = "gradsheet-browser";
    /** The request attribute holding the id for the request that set the cookie. */
    static final String ATTRIBUTE = "gradsheet.browserId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (of(request) == null) {
            String id = SheetStore.newId() + SheetStore.newId();
            response.addCookie(StudentCookie.secret(COOKIE, id, request));
            request.setAttribute(ATTRIBUTE, id);
        }
        chain.doFilter(request, response);
    }

    /** The browser's id in this request (its cookie, or the one just given), or null. */
    public static String of(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && isId(c.getValue())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    static boolean isId(String s) {
        return s != null && s.length() == 32 && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
}
