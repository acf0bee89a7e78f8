package dev.gradsheet.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's CSRF tokens (BREACH-safe, as by default), offered to the app's own forms and
 * endpoints as the request attribute {@code _csrf} only. Under {@code CsrfToken}'s class name, where
 * Spring puts it too, Vaadin would find it and add meta tags and a cookie-reading script to every page;
 * GradSheet's pages use neither (Vaadin guards its own requests itself), so they stay as they were.
 */
final class FormCsrfTokens implements CsrfTokenRequestHandler {
    /** The request attribute holding the token. */
    static final String ATTRIBUTE = "_csrf";
    private final XorCsrfTokenRequestAttributeHandler standard = new XorCsrfTokenRequestAttributeHandler();

    FormCsrfTokens() {
        standard.setCsrfRequestAttributeName(ATTRIBUTE);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        standard.handle(request, response, token);
        request.removeAttribute(CsrfToken.class.getName());
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return standard.resolveCsrfTokenValue(request, token);
    }
}
