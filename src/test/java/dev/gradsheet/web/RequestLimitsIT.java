package dev.gradsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a server ({@code java -jar target/gradsheet.jar --gradsheet.limits.upload=8MB
 * --server.port=0 …}: settings only, a gradsheet one first) and its edges, read with raw sockets and
 * a plain HTTP client: every request has a size limit, the page's UI endpoint included; Tomcat's own
 * error pages carry the security headers; HSTS over HTTPS, behind a proxy too; the log never holds a
 * visitor's megabytes.
 */
class RequestLimitsIT {
    static final Path JAR = Path.of("target", "gradsheet.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final long MB = 1024 * 1024;

    static Process server;
    static int port;
    /** Characters the server has logged so far, and its longest line. */
    static final AtomicLong logged = new AtomicLong();
    static final AtomicInteger longestLine = new AtomicInteger();
    static final StringBuffer startLog = new StringBuffer();

    @BeforeAll
    static void startTheJarWithSettingsOnly() throws Exception {
        assertThat(JAR).as("run after mvn package").isRegularFile();
        Path data = Files.createTempDirectory("gradsheet-limits");
        server = new ProcessBuilder(JAVA, "-Xmx512m", "-jar", JAR.toString(), "--gradsheet.limits.upload=8MB",
                "--gradsheet.data-dir=" + data, "--server.port=0").redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern started = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (port == 0 && System.nanoTime() < deadline && (line = log.readLine()) != null) {
            startLog.append(line).append('\n');
            Matcher m = started.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertThat(port).as("the server did not start:%n%s", startLog).isPositive();
        Thread reader = new Thread(() -> {
            try {
                String l;
                while ((l = log.readLine()) != null) {
                    logged.addAndGet(l.length() + 1);
                    longestLine.accumulateAndGet(l.length(), Math::max);
                }
            } catch (IOException ended) {
                // the server stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Sends {@code head} and then {@code bodyBytes} bytes of 'x' (as far as the server reads them); returns the response. */
    static String raw(String head, long bodyBytes) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try {
                for (long sent = 0; sent < bodyBytes; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, bodyBytes - sent));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed without reading the rest: what a limit should do
            }
            return response(s.getInputStream());
        }
    }

    /** Reads one response: its head, then its body by Content-Length, chunks, or to the end. */
    static String response(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int b;
        while (text.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
            text.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n").matcher(text);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readNBytes(64 * 1024);
        return text + new String(body, StandardCharsets.ISO_8859_1);
    }

    static String get(String target, String... headers) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers)
                + "Connection: close\r\n\r\n", 0);
    }

    static void assertSecurityHeaders(String response) {
        assertThat(response).contains("\r\nX-Content-Type-Options: nosniff\r\n")
                .contains("\r\nReferrer-Policy: same-origin\r\n").contains("\r\nX-Frame-Options: SAMEORIGIN\r\n")
                .contains("\r\nContent-Security-Policy: " + SecurityHeaders.CSP + "\r\n");
    }

    @Test
    void settingsGivenBeforeAnyServerOptionStartTheServerAndTakeEffect() {
        assertThat(startLog).contains("uploadBytes=8388608"); // 8 MB as Spring reads it: 8 × 2²⁰
    }

    @Test
    void aHundredMegabyteUiMessageIsRefusedBeforeAnythingReadsIt() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/";
        http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=&query="))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(init.body()).contains("\"v-uiId\":0");
        String session = String.join("; ", http.cookieHandler().orElseThrow().get(URI.create(base), java.util.Map.of())
                .getOrDefault("Cookie", List.of()));
        assertThat(session).contains("JSESSIONID=");
        long before = logged.get();
        long start = System.nanoTime();
        String response = raw("POST /?v-r=uidl&v-uiId=0 HTTP/1.1\r\nHost: localhost\r\nCookie: " + session + "\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\nContent-Length: " + (100 * MB) + "\r\n\r\n", 100 * MB);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(response).startsWith("HTTP/1.1 413").contains("the request is larger than 1048576 bytes");
        assertSecurityHeaders(response);
        assertThat(seconds).as("answered without reading 100 MB").isLessThan(10);
        // a message just under the limit is read: Vaadin refuses its junk and logs it, capped
        HttpResponse<String> junk = http.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat((int) MB - 1000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(junk.body()).contains("Internal error");
        Thread.sleep(500); // the log reader catches up
        assertThat(longestLine.get()).as("longest log line").isLessThan(5_000);
        assertThat(logged.get() - before).as("characters logged").isLessThan(100_000);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String piece = "y".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            chunks.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        String response = raw("POST /?v-r=uidl&v-uiId=0 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n", 0);
        assertThat(response).startsWith("HTTP/1.1 413");
    }

    @Test
    void anUploadMayBeAsLargeAsTheUploadLimitAndNoLarger() throws Exception {
        String over = raw("POST /?v-r=upload&v-uiId=0&v-nodeId=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (8 * MB + 64 * 1024 + 1)
                + "\r\n\r\n", 200_000);
        assertThat(over).startsWith("HTTP/1.1 413");
        assertSecurityHeaders(over);
        // within the limit the filter lets it through (Vaadin then refuses a request for no such upload)
        String within = raw("POST /?v-r=upload&v-uiId=0&v-nodeId=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1500000\r\nConnection: close\r\n\r\n",
                1_500_000);
        assertThat(within).doesNotStartWith("HTTP/1.1 413");
    }

    @Test
    void tomcatsOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        for (String response : List.of(get("/a|b"), get("/%zz"), raw("GARBAGE\r\n\r\n", 0), get("/WEB-INF/web.xml"))) {
            assertThat(response).matches("(?s)HTTP/1\\.1 40[04] .*");
            assertSecurityHeaders(response);
            assertThat(response).doesNotContain("Strict-Transport-Security");
        }
    }

    @Test
    void hstsWhenTheRequestCameOverHttpsAndOnlyThen() throws Exception {
        assertThat(get("/")).startsWith("HTTP/1.1 200").doesNotContain("Strict-Transport-Security");
        String proxied = "X-Forwarded-Proto: https\r\n"; // from a proxy on a private address: localhost
        for (String response : List.of(get("/", proxied), get("/%zz", proxied), get("/WEB-INF/web.xml", proxied))) {
            assertThat(response).contains("\r\nStrict-Transport-Security: max-age=31536000\r\n");
            assertSecurityHeaders(response);
        }
    }
}
