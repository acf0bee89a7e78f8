package dev.gradsheet.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code gradsheet-student} cookie: the login secret of a student who joined a class, so their
 * browser signs them in again on every return (HttpOnly, SameSite=Lax, Secure over HTTPS). A student
 * has no password: this cookie is their key, and the teacher can merge a second one into the first.
 */
public final class StudentCookie {
    /** The cookie's name. */
    public static final String NAME = "gradsheet-student";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private StudentCookie() {
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String secret) {
        response.addCookie(secret(NAME, secret, request));
    }

    /** A year-long cookie only the server reads: HttpOnly, SameSite=Lax, Secure over HTTPS, for the whole site. */
    static Cookie secret(String name, String value, HttpServletRequest request) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(NAME, "");
        cookie.setPath("/");
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }

    static String of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
