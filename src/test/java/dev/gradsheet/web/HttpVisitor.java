package dev.gradsheet.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a page, for HTTP tests: its own cookies (per host, as a browser keeps them),
 * redirects followed one at a time, forms posted with the session's CSRF token.
 */
final class HttpVisitor {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String app;

    HttpVisitor(String app) {
        this.app = app;
    }

    /** A GET as a browser's page load asks (Accept: text/html, and no JSON: Spring remembers such a request across a sign-in). */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(url)).header("Accept", "text/html,*/*;q=0.8").GET().build());
    }

    HttpResponse<String> send(String method, String url, Map<String, String> form, boolean withCsrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
        if (withCsrf) {
            b.header("X-CSRF-TOKEN", csrf());
        }
        return send(b.build());
    }

    /** Posts a form with the CSRF token as its {@code _csrf} field, as a page's form does. */
    HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf());
        return send("POST", url, all, false);
    }

    /** The session's CSRF token (a fresh one: sign-ins change it). */
    String csrf() throws IOException, InterruptedException {
        HttpResponse<String> r = get(app + "/api/csrf");
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in " + r.body());
        }
        return m.group(1);
    }

    /** Follows {@code r}'s redirects (GET each Location) to the end. */
    HttpResponse<String> follow(HttpResponse<String> r) throws IOException, InterruptedException {
        for (int i = 0; i < 12 && r.statusCode() / 100 == 3; i++) {
            String location = r.headers().firstValue("Location").orElseThrow();
            r = get(r.uri().resolve(location).toString());
        }
        return r;
    }

    /** The value of cookie {@code name} kept for {@code url}'s host, or null. */
    String cookie(String url, String name) {
        return cookies.getCookieStore().get(uri(url)).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Sends a request with {@code cookie} set by hand (an old session id, say), not the kept ones. */
    HttpResponse<String> getWithCookie(String url, String cookie) throws IOException, InterruptedException {
        HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return bare.send(HttpRequest.newBuilder(uri(url)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String url) {
        return URI.create(url.startsWith("http") ? url : app + url);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
