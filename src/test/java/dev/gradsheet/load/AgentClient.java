package dev.gradsheet.load;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.load.agent.StudentReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Talks to the load agent inside the server (see {@link dev.gradsheet.load.agent.LoadAgent}). */
public final class AgentClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    AgentClient(int port) {
        this.port = port;
    }

    /** The server's gauges; {@code collect}: after a full garbage collection. */
    public Map<String, Object> gauges(boolean collect) {
        return call("GET", "/gauges" + (collect ? "?gc=1" : ""), new TypeReference<>() { });
    }

    /** Mocked students of {@code kind} arrive ({@code sheet}: the shared sheet, for sharers). */
    public List<String> students(String kind, int count, String sheet, long seed) {
        String q = "?kind=" + kind + "&count=" + count + "&seed=" + seed
                + (sheet == null ? "" : "&sheet=" + URLEncoder.encode(sheet, StandardCharsets.UTF_8));
        return call("POST", "/students" + q, new TypeReference<>() { });
    }

    /** The mocked students stop acting and pause their runs; returns how many are quiet. */
    public int stop() {
        return call("POST", "/stop", new TypeReference<Integer>() { });
    }

    /** The mocked students' reports, with their pages' numbers and downloaded sheets. */
    public List<StudentReport> read() {
        return call("GET", "/read", new TypeReference<>() { });
    }

    /** The mocked students leave; returns how many did. */
    public int leave() {
        return call("POST", "/leave", new TypeReference<Integer>() { });
    }

    /** Waits until sheet {@code id}'s edits are said to be saved: SAVED, or TIMEOUT. */
    public String awaitSaved(String id, long timeoutMs) {
        return call("GET", "/saved?sheet=" + id + "&timeoutMs=" + timeoutMs, new TypeReference<String>() { });
    }

    private <T> T call(String method, String path, TypeReference<T> type) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofMinutes(3)).method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
