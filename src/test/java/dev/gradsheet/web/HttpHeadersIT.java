package dev.gradsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.server.SheetRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app's HTTP responses, read with a plain HTTP client: security headers and the server-set cookie. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpHeadersIT {
    @LocalServerPort
    int port;
    @Autowired
    SheetRegistry registry;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("gradsheet-http");
        registry.add("gradsheet.data-dir", dir::toString);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/sheet/aaaaaaaaaaaaaaaa", "/lesson/losses", "/no-such-page")) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("SAMEORIGIN");
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("frame-ancestors 'self'").contains("default-src 'self'")
                    .contains("object-src 'none'").doesNotContain("*");
        }
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void theLastSheetCookieIsSetByTheServerHttpOnlyAndSameSiteLax() throws Exception {
        String id = registry.create(Examples.WORKED.load()).id();
        HttpResponse<String> r = get("/sheet/" + id);
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LastSheetCookie.NAME + "=")).findFirst().orElse("");
        assertThat(cookie).startsWith(LastSheetCookie.NAME + "=" + id + ";").contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        // behind an HTTPS proxy (X-Forwarded-Proto from a trusted local proxy) the cookie is Secure
        HttpResponse<String> https = get("/sheet/" + id, "X-Forwarded-Proto", "https");
        assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith(LastSheetCookie.NAME + "=").contains("Secure").contains("HttpOnly"));
        // the page never sets it from script
        assertThat(r.body()).doesNotContain("document.cookie");
        // a path that is not a sheet id sets nothing
        assertThat(get("/sheet/..%2F..%2Fetc").headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith(LastSheetCookie.NAME));
    }
}
