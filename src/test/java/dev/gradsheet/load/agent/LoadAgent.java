package dev.gradsheet.load.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load test's hand inside the server: the main class the load test starts the real jar with
 * (Spring Boot's {@code PropertiesLauncher}, this package on {@code loader.path}). It starts the web
 * app as {@code java -jar} would, plus a request counter and a UI gauge, then answers on a
 * control port of its own (printed as {@code load-agent control port N}) on localhost only:
 *
 * <ul>
 *   <li>{@code GET /gauges[?gc=1]}: heap, threads, UIs, push channels, job pool, sheets, requests (JSON);</li>
 *   <li>{@code POST /students?kind=EDITOR|SHARER|XOR|CIRCLES&count=N[&sheet=ID][&seed=S]}: mocked students arrive;</li>
 *   <li>{@code POST /stop}: they stop acting and pause their runs; {@code GET /read}: their reports,
 *       with the numbers their pages show and their downloaded sheets; {@code POST /leave}: they leave;</li>
 *   <li>{@code GET /saved?sheet=ID[&timeoutMs=T]}: answers once the sheet's edits are said to be saved.</li>
 * </ul>
 */
public final class LoadAgent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadAgent() {
    }

    public static void main(String[] args) throws Exception {
        UiGauge uis = new UiGauge();
        RequestCounter requests = new RequestCounter();
        SpringApplication app = new SpringApplication(Class.forName("dev.gradsheet.GradSheetApplication"));
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("loadTestUiGauge", uis);
            FilterRegistrationBean<RequestCounter> filter = new FilterRegistrationBean<>(requests);
            filter.addUrlPatterns("/*");
            context.getBeanFactory().registerSingleton("loadTestRequestCounter", filter);
        });
        ConfigurableApplicationContext context = app.run(args);
        ServerGauges gauges = new ServerGauges(context, uis, requests);
        MockClass students = new MockClass(context);

        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        control.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-agent-control");
            t.setDaemon(true);
            return t;
        }));
        control.createContext("/gauges", ex -> answer(ex, () -> gauges.read(query(ex).containsKey("gc"))));
        control.createContext("/students", ex -> answer(ex, () -> {
            Map<String, String> q = query(ex);
            return students.start(MockStudent.Kind.valueOf(q.get("kind")), Integer.parseInt(q.get("count")),
                    q.get("sheet"), Long.parseLong(q.getOrDefault("seed", "1")));
        }));
        control.createContext("/stop", ex -> answer(ex, () -> students.stop(90)));
        control.createContext("/read", ex -> answer(ex, () -> students.read(60)));
        control.createContext("/leave", ex -> answer(ex, () -> students.leave(60)));
        control.createContext("/saved", ex -> answer(ex, () -> {
            Map<String, String> q = query(ex);
            return SaveStateProbe.awaitSaved(context, q.get("sheet"), Long.parseLong(q.getOrDefault("timeoutMs", "30000")));
        }));
        control.start();
        System.out.println("load-agent control port " + control.getAddress().getPort());
        System.out.flush();
    }

    /** Something an endpoint computes; may throw. */
    private interface Answer {
        Object get() throws Exception;
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body;
        int status;
        try {
            body = JSON.writeValueAsBytes(answer.get());
            status = 200;
        } catch (Exception e) {
            body = JSON.writeValueAsBytes(Map.of("error", e.toString()));
            status = 500;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String q = exchange.getRequestURI().getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
