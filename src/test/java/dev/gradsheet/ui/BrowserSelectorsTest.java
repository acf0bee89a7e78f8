package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Browser tests reach the page through the page objects in {@code dev.gradsheet.ui.pages}: no
 * selector, element lookup or page script in a test class itself. A change of the page then means a
 * change in one page object, not in every test that touches that part of the page.
 */
class BrowserSelectorsTest {
    /** What reaches into the page's DOM: Selenium's locators and lookups, and scripts run in the page. */
    static final Pattern REACHES_INTO_THE_PAGE = Pattern.compile(
            "\\bBy\\.|findElements?\\(|execute(Async)?Script\\(|getElementById|querySelector|shadowRoot|getShadowRoot");
    static final Pattern BROWSER_TEST = Pattern.compile("\\bclass \\w+ extends BrowserTestBase\\b");
    static final Path TESTS = Path.of("src/test/java");
    static final Path PAGES = TESTS.resolve("dev/gradsheet/ui/pages");

    @Test
    void browserTestsLeaveSelectorsToThePageObjects() throws IOException {
        List<Path> browserTests = browserTests();
        assertThat(browserTests).as("browser tests found under " + TESTS).hasSizeGreaterThan(15);
        List<String> found = new ArrayList<>();
        for (Path file : browserTests) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (REACHES_INTO_THE_PAGE.matcher(lines.get(i)).find()) {
                    found.add(TESTS.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("selectors and page scripts outside " + PAGES + " (move them into a page object)").isEmpty();
    }

    @Test
    void theCheckSeesASelector() {
        assertThat(REACHES_INTO_THE_PAGE.matcher("b.findElement(By.id(\"undo\")).click();").find()).isTrue();
        assertThat(REACHES_INTO_THE_PAGE.matcher("js.executeScript(\"return 1\");").find()).isTrue();
        assertThat(REACHES_INTO_THE_PAGE.matcher("sheet.undo();").find()).isFalse();
    }

    /** The base class and every class that extends it, outside the page objects. */
    private static List<Path> browserTests() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(PAGES)).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return BROWSER_TEST.matcher(text).find() || p.endsWith("BrowserTestBase.java");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
