package dev.gradsheet.web;

import dev.gradsheet.server.SheetStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gradsheet-last} cookie: the id of the sheet a browser worked on last, so {@code /}
 * brings it back after a server restart. The id is the sheet's secret link, so the cookie is set
 * by the server only, HttpOnly (scripts cannot read it), SameSite=Lax, and Secure over HTTPS.
 */
public final class LastSheetCookie {
    /** The cookie's name. */
    public static final String NAME = "gradsheet-last";
    private static final Pattern SHEET_PATH = Pattern.compile("/sheet/([^/?#]+)/?");
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private LastSheetCookie() {
    }

    /** Remembers sheet {@code id} in the response (ignored unless it has the shape of an id). */
    public static void set(HttpServletRequest request, HttpServletResponse response, String id) {
        if (response == null || !SheetStore.isValidId(id)) {
            return;
        }
        Cookie cookie = new Cookie(NAME, id);
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** A page load of {@code /sheet/<id>} remembers that sheet. */
    static void onPageRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = SHEET_PATH.matcher(path);
        if (m.matches() && SheetStore.isValidId(m.group(1))) {
            set(request, response, m.group(1));
        }
    }
}
