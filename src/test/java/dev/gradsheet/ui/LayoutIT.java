package dev.gradsheet.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium at a laptop's 1366×768, a tablet's 800×1000 and 1920×1080: the
 * grid's name, value and gradient columns, the selected cell's explanation, "Add a cell" and the
 * training panel are inside the viewport without scrolling. The screenshots go to the docs too.
 */
class LayoutIT extends BrowserTestBase {
    /** JS: the element's rectangle [left, top, right, bottom] in the viewport. */
    static final String RECT_JS = """
            const r = arguments[0].getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom];
            """;
    /** JS: the grid's header cell of column arguments[0] (0-based), as its content element. */
    static final String HEADER_JS = """
            const grid = document.getElementById('cells');
            const th = grid.shadowRoot.querySelectorAll('thead tr th')[arguments[0]];
            return th ? th._content || th.querySelector('slot').assignedNodes()[0] : null;
            """;

    static void viewport(WebDriver b, int width, int height) {
        ((ChromeDriver) b).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    @SuppressWarnings("unchecked")
    static double[] rect(WebDriver b, WebElement e) {
        List<Number> r = (List<Number>) ((JavascriptExecutor) b).executeScript(RECT_JS, e);
        return r.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** Asserts that {@code e} is wholly inside the viewport (and not of zero size). */
    static void assertInView(WebDriver b, WebElement e, String what, int width, int height) {
        double[] r = rect(b, e);
        assertThat(r[2] - r[0]).as(what + " width").isPositive();
        assertThat(r[0]).as(what + " left").isGreaterThanOrEqualTo(-0.5);
        assertThat(r[1]).as(what + " top").isGreaterThanOrEqualTo(-0.5);
        assertThat(r[2]).as(what + " right").isLessThanOrEqualTo(width + 0.5);
        assertThat(r[3]).as(what + " bottom").isLessThanOrEqualTo(height + 0.5);
    }

    private void checkAt(int width, int height, boolean wide) throws Exception {
        WebDriver b = newBrowser();
        viewport(b, width, height);
        b.get(url(""));
        waitForWorkedExample(b);
        JavascriptExecutor js = (JavascriptExecutor) b;
        // select z (its Kind cell: a click there selects without editing)
        cellElement(b, "z", 2).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().equals("Why is dL/dz = -12?"));
        waitFor(b, 20).until(d -> "7".equals(d.findElement(By.id("graph")).getAttribute("nodes")));

        // the page itself does not scroll, either way
        assertThat(((Number) js.executeScript("return document.scrollingElement.scrollHeight")).intValue())
                .isLessThanOrEqualTo(height);
        assertThat(((Number) js.executeScript("return document.scrollingElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(width);
        // the grid needs no sideways scrolling, and z's name, value and gradient are in view
        WebElement grid = b.findElement(By.id("cells"));
        Number overflow = (Number) js.executeScript(
                "const t = arguments[0].$.table; return t.scrollWidth - t.clientWidth", grid);
        assertThat(overflow.intValue()).as("grid scrolls sideways by").isLessThanOrEqualTo(0);
        for (int column : new int[] {NAME, VALUE, GRAD}) {
            assertInView(b, cellElement(b, "z", column), "z column " + column, width, height);
            assertInView(b, (WebElement) js.executeScript(HEADER_JS, column), "header " + column, width, height);
        }
        assertThat(cell(b, "z", GRAD)).isEqualTo("-12");
        // the explanation of the selected cell, whole, without scrolling
        assertInView(b, b.findElement(By.id("why-title")), "Why title", width, height);
        assertInView(b, b.findElement(By.id("why-equation")), "Why equation", width, height);
        assertInView(b, b.findElement(By.cssSelector("#why-terms li")), "Why term", width, height);
        assertInView(b, b.findElement(By.id("graph")), "graph", width, height);
        screenshot(b, "layout-" + width + "x" + height);
        readme(b, "sheet-" + width + "x" + height);

        // "Add a cell" is one click away and then in view
        b.findElement(By.id("tab-add")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("add-cell")).isDisplayed());
        assertInView(b, b.findElement(By.id("add-cell")), "Add cell button", width, height);
        assertInView(b, b.findElement(By.id("add-name")), "Add cell name", width, height);

        // training: beside the grid on wide screens, below it on narrow ones; Start in view either way
        b.findElement(By.id("tab-training")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("train-start")).isDisplayed());
        assertInView(b, b.findElement(By.id("train-start")), "Start training", width, height);
        double[] gridRect = rect(b, grid);
        double[] training = rect(b, b.findElement(By.id("training")));
        if (wide) {
            assertThat(training[0]).as("training beside the grid").isGreaterThanOrEqualTo(gridRect[2]);
        } else {
            assertThat(training[1]).as("training below the grid").isGreaterThanOrEqualTo(gridRect[3]);
        }
        // the grid keeps its rows while training is open (it used to shrink to three)
        assertThat(gridRect[3] - gridRect[1]).as("grid height").isGreaterThan(wide ? 250 : 200);
        assertInView(b, b.findElement(By.id("why-title")), "Why title (training open)", width, height);
        screenshot(b, "layout-" + width + "x" + height + "-training");
    }

    @Test
    void laptop1366x768() throws Exception {
        checkAt(1366, 768, true);
    }

    @Test
    void tablet800x1000() throws Exception {
        checkAt(800, 1000, false);
    }

    @Test
    void desktop1920x1080() throws Exception {
        checkAt(1920, 1080, true);
    }

    /**
     * Takes a screenshot and, with {@code -Dreadme.screenshots=true}, copies it to src/site/screenshots
     * for the README and docs/ (so ordinary test runs leave the sources alone).
     */
    static void readme(WebDriver b, String name) throws Exception {
        Path shot = screenshot(b, name);
        Path site = buildDir().getParent().resolve("src/site/screenshots");
        if (Boolean.getBoolean("readme.screenshots") && Files.isDirectory(site.getParent().getParent())) {
            Files.createDirectories(site);
            Files.copy(shot, site.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
