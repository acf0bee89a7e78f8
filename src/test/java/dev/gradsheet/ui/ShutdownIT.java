package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Stopping the server the way a process manager does (SIGTERM) while a visitor has a page open: it
 * exits within 10 s, logs no error, and after a restart the visitor's edit is there.
 */
class ShutdownIT extends BrowserTestBase {
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
    private Process server;

    @AfterEach
    void killLeftovers() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    /**
     * Starts the jar on {@code data}, logging to {@code log} (a file, so that the lines it wrote while
     * stopping can be read once it has exited); returns its port once the log names it.
     */
    private int start(Path data, Path log) throws Exception {
        Path jar = buildDir().resolve("gradsheet.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "Skipping: " + jar + " is not built (mvn package first)");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", "0");
        builder.environment().put("GRADSHEET_DATA_DIR", data.toString());
        server = builder.start();
        try {
            return new FluentWait<>(log).withTimeout(Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(100))
                    .until(file -> {
                        Matcher m = STARTED.matcher(read(file));
                        if (m.find()) {
                            return Integer.parseInt(m.group(1));
                        }
                        if (!server.isAlive()) {
                            throw new AssertionError("the web app exited:\n" + read(file));
                        }
                        return null;
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("the web app did not start:\n" + read(log), e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sigtermWithAPageOpenExitsWithin10SecondsWithoutErrorsAndKeepsTheEdit() throws Exception {
        Path data = Files.createTempDirectory("gradsheet-shutdown");
        Path log = data.resolve("server.log");
        int port = start(data, log);
        SheetPage sheet = StartPage.workedExample(newBrowser(), "http://localhost:" + port + "/");
        sheet.grid().editValue("z", "-3");
        sheet.grid().waitFor("z", VALUE, "-3", 30);
        sheet.waitUntilSaved("set z = -3", 30); // the autosave has written the edit to the database

        long t0 = System.nanoTime();
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" ERROR ") || l.contains("Unexpected error") || l.contains("Exception")).toList();
        assertThat(errors).as("error lines in the log after SIGTERM (exit took %.1f s)", seconds).isEmpty();

        Path again = data.resolve("server-again.log");
        int portAgain = start(data, again);
        // the browser's last sheet, from its cookie
        StartPage.visit(sheet.driver(), "http://localhost:" + portAgain + "/").grid().waitFor("z", VALUE, "-3", 90);
    }
}
