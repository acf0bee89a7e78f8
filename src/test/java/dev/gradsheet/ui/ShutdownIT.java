package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/**
 * Stopping the server the way a process manager does (SIGTERM) while a visitor has a page open: it
 * exits within 10 s, logs no error, and after a restart the visitor's edit is there.
 */
class ShutdownIT extends BrowserTestBase {
    private Process server;

    @AfterEach
    void killLeftovers() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    /** Starts the jar on {@code data}, logging to {@code log}; returns its port. */
    private int start(Path data, Path log) throws Exception {
        Path jar = buildDir().resolve("gradsheet.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "Skipping: " + jar + " is not built (mvn package first)");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", "0");
        builder.environment().put("GRADSHEET_DATA_DIR", data.toString());
        server = builder.start();
        Pattern started = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher m = started.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the web app did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void sigtermWithAPageOpenExitsWithin10SecondsWithoutErrorsAndKeepsTheEdit() throws Exception {
        Path data = Files.createTempDirectory("gradsheet-shutdown");
        Path log = data.resolve("server.log");
        int port = start(data, log);
        WebDriver browser = newBrowser();
        browser.get("http://localhost:" + port + "/");
        waitForWorkedExample(browser);
        editValue(browser, "z", "-3");
        waitForCell(browser, "z", VALUE, "-3", 30);
        Thread.sleep(1500); // the autosave's delay, with room

        long t0 = System.nanoTime();
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" ERROR ") || l.contains("Unexpected error") || l.contains("Exception")).toList();
        assertThat(errors).as("error lines in the log after SIGTERM (exit took %.1f s)", seconds).isEmpty();

        Path again = data.resolve("server-again.log");
        int portAgain = start(data, again);
        browser.get("http://localhost:" + portAgain + "/"); // the browser's last sheet, from its cookie
        waitForCell(browser, "z", VALUE, "-3", 90);
    }
}
