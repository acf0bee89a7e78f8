package dev.gradsheet.export;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real programs the exports are proven with: Debian's LibreOffice ({@code soffice}) and Python
 * with PyTorch ({@code python3-torch}). A test without them is skipped with a message saying what to
 * install, and fails under {@code CI=true}, where {@code .ci/run} installs both.
 */
final class ExternalPrograms {
    private ExternalPrograms() {
    }

    /** The LibreOffice command, or the test is skipped (failed on CI). */
    static String soffice() {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return missing("LibreOffice (apt-get install libreoffice-calc-nogui)");
    }

    /** A python3 that imports torch, or the test is skipped (failed on CI). */
    static String pythonWithTorch() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return missing("Python with PyTorch (apt-get install python3-torch)");
    }

    private static String missing(String what) {
        String message = what + " is not installed: the export's proof with the real program is skipped";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI installs it in .ci/run)");
        }
        Assumptions.assumeTrue(false, message);
        return null;
    }

    /** Runs {@code command} in {@code dir}; returns its output, failing on a non-zero exit or after {@code seconds}. */
    static String run(Path dir, long seconds, List<String> command) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, String.join(" ", command) + " took longer than " + seconds + " s:\n" + out);
        assertTrue(p.exitValue() == 0, String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + out);
        return out;
    }
}
