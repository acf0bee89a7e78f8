package dev.gradsheet.web;

import java.util.function.BiConsumer;

/**
 * The safe-by-default HTTP headers every response carries, written in one place for the servlet
 * filter ({@link SecurityHeadersFilter}, the app's responses) and the Tomcat valve
 * ({@link SecurityHeadersValve}, Tomcat's own error pages: a malformed request's 400, a 404, a 413):
 * no MIME sniffing, no referrer to other sites, framing only by this site, a Content-Security-Policy
 * that Vaadin works under while nothing is loaded from or sent to other origins, and HSTS when the
 * request came over HTTPS (directly, or from a proxy on a private address that says so with
 * {@code X-Forwarded-Proto: https}; see {@code server.forward-headers-strategy}).
 */
public final class SecurityHeaders {
    /** The policy; every source is this origin (Vaadin needs inline scripts/styles and eval). */
    public static final String CSP = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'self'";

    /**
     * Browsers that reached the site over HTTPS keep to HTTPS for a year. Without includeSubDomains:
     * the server cannot know what else runs under its domain.
     */
    public static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    /** Sets every header through {@code setHeader}; HSTS only when {@code secure} (HTTP must not send it). */
    public static void apply(BiConsumer<String, String> setHeader, boolean secure) {
        setHeader.accept("X-Content-Type-Options", "nosniff");
        setHeader.accept("Referrer-Policy", "same-origin");
        setHeader.accept("X-Frame-Options", "SAMEORIGIN");
        setHeader.accept("Content-Security-Policy", CSP);
        if (secure) {
            setHeader.accept("Strict-Transport-Security", HSTS);
        }
    }
}
