package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core in real Chromium reports no serious or critical violation
 * on the sheet (the worked example with a cell's "Why this gradient?" open), each side tab (the
 * training panel among them), the Examples menu, the templates dialog, the lesson pages and practice
 * mode with answers marked. Every
 * violation found is printed (rule, impact, elements, help) before the test fails.
 */
class AccessibilityIT extends BrowserTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    SheetRegistry registry;
    private final Map<String, List<AxeCore.Violation>> found = new LinkedHashMap<>();

    private void check(WebDriver b, String where) throws Exception {
        List<AxeCore.Violation> v = AxeCore.violations(b);
        found.put(where, v);
        System.out.println("axe-core " + AxeCore.VERSION + " on " + where + ": " + v.size()
                + " serious or critical violation(s)");
        v.forEach(x -> System.out.println("  " + x));
    }

    @Test
    void noSeriousOrCriticalViolations() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url(""));
        waitForWorkedExample(b);
        cellElement(b, "z", 2).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().equals("Why is dL/dz = -12?"));
        waitFor(b, 20).until(d -> "7".equals(d.findElement(By.id("graph")).getAttribute("nodes")));
        check(b, "the sheet (worked example, z selected, Why this gradient? and the graph)");
        screenshot(b, "a11y-1366x768");

        b.findElement(By.id("tab-add")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("add-name")).isDisplayed());
        check(b, "the Add a cell tab");

        b.findElement(By.id("tab-practice")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("practice")).isDisplayed());
        check(b, "the Practice tab");

        b.findElement(By.id("tab-training")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("train-start")).isDisplayed());
        check(b, "the Data & training tab");

        b.findElement(By.xpath("//vaadin-button[contains(., 'Templates')]")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("template-open")).isDisplayed());
        check(b, "the templates dialog");
        new Actions(b).sendKeys(Keys.ESCAPE).perform();
        waitFor(b, 10).until(d -> d.findElements(By.id("template-open")).isEmpty());

        b.findElement(By.cssSelector("#examples-menu vaadin-menu-bar-button")).click();
        waitFor(b, 10).until(d -> !d.findElements(By.id("example-empty")).isEmpty()
                && d.findElement(By.id("example-empty")).isDisplayed());
        check(b, "the Examples menu");
        new Actions(b).sendKeys(Keys.ESCAPE).perform();

        b.get(url("lesson/activations"));
        waitFor(b, 30).until(d -> !d.findElements(By.id("chart-sigmoid")).isEmpty());
        check(b, "the lesson page /lesson/activations");

        b.get(url("lesson/losses"));
        waitFor(b, 30).until(d -> !d.findElements(By.id("losses-run")).isEmpty());
        check(b, "the lesson page /lesson/losses");

        // the sheet again at a tablet's 800 px (the parts stacked), with its screenshot
        LayoutIT.viewport(b, 800, 1000);
        b.get(url(""));
        waitForWorkedExample(b);
        check(b, "the sheet at 800x1000");
        screenshot(b, "a11y-800x1000");

        // practice mode with a right and a wrong answer on screen (✓, ✗, Hint, the score)
        SharedSheet practice = registry.create(dev.gradsheet.sheet.SheetFile.parse(
                dev.gradsheet.sheet.Examples.byId("cs231n-neuron").text() + "@practice = gradients of w0, x1\n",
                "neuron.sheet"));
        LayoutIT.viewport(b, 1366, 768);
        b.get(url("sheet/" + practice.id()));
        waitForCell(b, "w0", GRAD, "?", 30);
        PracticeIT.answer(b, "w0", "-0.1966");
        PracticeIT.answer(b, "x1", "0.5898"); // the sign is wrong
        waitFor(b, 20).until(d -> "✓".equals(PracticeIT.mark(d, "w0")) && "✗".equals(PracticeIT.mark(d, "x1")));
        assertThat(b.findElement(By.id("mark-grad-x1")).getAttribute("aria-label")).isEqualTo("not right yet");
        check(b, "practice mode with a right and a wrong answer");

        List<String> failures = new ArrayList<>();
        found.forEach((where, v) -> v.forEach(x -> failures.add(where + ": " + x)));
        assertThat(failures).as("serious or critical axe-core violations").isEmpty();
    }

    /** JS: the live region's text (it is visually hidden, so Selenium's getText would say ""). */
    static String live(WebDriver d) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.getElementById('live-region').textContent");
    }

    @Test
    void anotherTabsEditIsAnnouncedPolitely() throws Exception {
        WebDriver a = newBrowser();
        a.get(url(""));
        waitForWorkedExample(a);
        WebDriver b = newBrowser();
        b.get(a.getCurrentUrl());
        waitForWorkedExample(b);
        assertThat(b.findElement(By.id("live-region")).getAttribute("aria-live")).isEqualTo("polite");
        editValue(a, "z", "-3.88");
        waitForCell(b, "f", VALUE, "-11.64", 20);
        // f = 3 · (-3.88) = -11.64, L = (f + 10)^2 = 2.6896
        waitFor(b, 20).until(d -> "z changed to -3.88 by another tab. L = 2.6896.".equals(live(d)));
        // the tab that made the edit sees it; nothing is announced there
        assertThat(live(a)).isEmpty();
    }
    /** The sheet in Korean (chosen with the switch) passes axe too, with {@code <html lang="ko">}. */
    @Test
    void theKoreanSheetHasNoSeriousOrCriticalViolations() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url(""));
        waitForWorkedExample(b);
        b.findElement(By.id("lang-ko")).click();
        waitFor(b, 30).until(d -> "ko".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.documentElement.lang")));
        waitForWorkedExample(b);
        cellElement(b, "z", 2).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().equals("dL/dz = -12인 이유는?"));
        check(b, "the Korean sheet (z selected)");
        b.findElement(By.id("tab-add")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("add-name")).isDisplayed());
        check(b, "the Korean Add a cell tab");
        b.findElement(By.id("tab-practice")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("practice")).isDisplayed());
        check(b, "the Korean Practice tab");
        b.findElement(By.id("tab-history")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("history")).isDisplayed());
        check(b, "the Korean History tab");
        List<String> failures = new ArrayList<>();
        found.forEach((where, v) -> v.forEach(x -> failures.add(where + ": " + x)));
        assertThat(failures).as("serious or critical axe-core violations").isEmpty();
    }
}
