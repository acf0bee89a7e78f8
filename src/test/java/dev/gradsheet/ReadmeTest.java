package dev.gradsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the README shows is what is run elsewhere: its test command is the one CI runs, its install
 * command and its Java are those of docs/library.md, whose project LibraryConsumerIT builds and runs
 * as written. So the README's few lines cannot drift from code and commands that work.
 */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Path GUIDE = Path.of("docs/library.md");

    @Test
    void theTestCommandIsTheOneCiRuns() throws IOException {
        String readme = Files.readString(README);
        assertTrue(readme.contains("| run the tests (unit, Karibu UI, headless Chromium end-to-end) | `mvn -B verify` |"), readme);
        List<String> ci = Files.readAllLines(Path.of(".ci/run"));
        assertEquals("mvn -B verify", ci.get(ci.size() - 1), ".ci/run ends with the README's test command");
    }

    @Test
    void theInstallCommandIsTheGuides() throws IOException {
        String install = MarkdownDoc.read(GUIDE).block("install");
        assertTrue(Files.readString(README).contains("```\n" + install + "```\n"), install);
    }

    @Test
    void theJavaIsAnExcerptOfTheGuidesProgram() throws IOException {
        String excerpt = trimmed(MarkdownDoc.read(README).block("excerpt"));
        String program = trimmed(MarkdownDoc.read(GUIDE).block("src/main/java/example/WorkedExample.java"));
        assertTrue(excerpt.lines().count() > 5, excerpt);
        assertTrue(program.contains(excerpt), () -> "the README's Java is not a piece of docs/library.md's program:\n" + excerpt);
    }

    /** Lines without their indentation: the excerpt stands outside the method it comes from. */
    private static String trimmed(String code) {
        return code.lines().map(String::strip).collect(Collectors.joining("\n", "", "\n"));
    }
}
