package dev.gradsheet.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a person runs it ({@code java -jar target/gradsheet.jar}): a command runs
 * from the plain classes at the jar's root without loading Spring, Vaadin, Jackson's databind or
 * RxJava's subjects and operators; no command still starts the web app through Spring Boot's launcher.
 */
class JarLauncherIT {
    static final Path JAR = Path.of("target", "gradsheet.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void aCommandRunsFromTheJarRootWithoutTheWebStack() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR.toAbsolutePath());
        Path sheet = dir.resolve("worked.sheet");
        Files.writeString(sheet, new String(getClass().getResourceAsStream("/examples/worked-example.sheet")
                .readAllBytes(), StandardCharsets.UTF_8));
        Path classes = dir.resolve("classes.txt");
        Process p = new ProcessBuilder(JAVA, "-Xlog:class+load=info:file=" + classes, "-jar", JAR.toString(),
                "eval", sheet.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("""
                name  kind    formula     value  grad
                x     input   input(-2)      -2    16
                y     input   input(5)        5    16
                z     weight  weight(-4)     -4   -12
                q     add     x + y           3    16
                f     mul     q * z         -12    -4
                t     input   input(-10)    -10     4
                L *   mse     mse(f, t)       4     1
                * objective L = 4
                """, out);

        List<String> loaded = Files.readAllLines(classes);
        String cli = loaded.stream().filter(l -> l.contains(" dev.gradsheet.cli.GradSheetCli ")).findFirst()
                .orElseThrow(() -> new AssertionError("GradSheetCli was not loaded"));
        // From the jar itself (the root), not from a nested jar inside BOOT-INF.
        assertTrue(cli.contains("source: file:") && cli.endsWith("gradsheet.jar"), cli);
        // RxJava's Observable and Subject types may be loaded to verify the engine's code, but no
        // subject or operator is created: nothing observes a command's sheet.
        for (String absent : List.of(" org.springframework.", " com.vaadin.", " com.fasterxml.jackson.databind.",
                " io.reactivex.rxjava3.subjects.PublishSubject", " io.reactivex.rxjava3.subjects.BehaviorSubject",
                " io.reactivex.rxjava3.internal.operators.", " org.apache.poi.", " org.apache.xmlbeans.")) {
            assertFalse(loaded.stream().anyMatch(l -> l.contains(absent)),
                    absent.strip() + " classes were loaded by a command: "
                    + loaded.stream().filter(l -> l.contains(absent)).limit(3).toList());
        }
    }

    @Test
    void jsonOfACommandIsTheSameFromTheJar() throws Exception {
        Path sheet = dir.resolve("worked.sheet");
        Files.writeString(sheet, "x = input(-2)\ny = input(5)\nz = weight(-4)\nf = (x + y) * z\nL = mse(f, -10)\n");
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "step", sheet.toString(), "--json")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\"objectiveBefore\" : 4.0"), out);
        assertTrue(out.contains("\"value\" : -11.64"), out);
    }

    @Test
    void everyCommandFindsItsClassesAtTheJarRoot() throws Exception {
        Path sheet = dir.resolve("mlp.sheet");
        String mlp = runJar("new", "mlp", "--hidden", "2", "--seed", "1");
        Files.writeString(sheet, mlp + "@expect x1 = 0\n"); // a claim: without one, check fails the file
        assertTrue(runJar("check", sheet.toString()).contains("OK"));
        Path neuron = dir.resolve("neuron.sheet");
        Files.writeString(neuron, runJar("new", "sigmoid-neuron"));
        assertTrue(runJar("train", neuron.toString(), "--builtin", "and", "--epochs", "2").contains("epoch  loss"));
        // the exports and the workbook library (Apache POI, at the jar's root), writing and reading
        Path book = dir.resolve("mlp.xlsx");
        String exported = runJar("export", sheet.toString(), "--xlsx", book.toString(), "--pytorch", dir.resolve("mlp.py").toString());
        assertTrue(exported.startsWith("wrote " + book + ": "), exported);
        assertFalse(exported.contains("StatusLogger") || exported.contains("WARN"), "no logging noise: " + exported);
        assertEquals(runJar("eval", sheet.toString()), runJar("eval", book.toString()), "the workbook reads back as the sheet");
    }

    /** Runs the jar with a command that must succeed; returns its output. */
    private static String runJar(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args) + ":\n" + out);
        return out;
    }

    @Test
    void withoutACommandTheJarServesTheWebApp() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("GRADSHEET_DATA_DIR", dir.resolve("data").toString());
        Process p = builder.start();
        try {
            int port = ServerLog.awaitPort(p);
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<html") || page.body().contains("<!doctype html"), page.body());
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
