package dev.gradsheet.ui;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example in Chromium with keys only (no click anywhere): Tab into the grid,
 * arrow keys to z (its explanation opens), type a new value, Shift+Tab to "Apply SGD step" and Enter,
 * Ctrl+Z twice, then Tab to the graph's text equivalent and Enter on a user's name to select it, +
 * on the focused graph, and Enter on a factor of the chain. The
 * focused thing always has a visible ring (screenshots under target/screenshots/keyboard-*.png).
 */
class KeyboardIT extends BrowserTestBase {
    /** JS: [row name, shown column index] of the focused grid body cell, or null. */
    static final String FOCUSED_CELL_JS = """
            const grid = document.getElementById('cells');
            const td = grid && grid.shadowRoot.activeElement;
            if (document.activeElement !== grid || !td || td.tagName !== 'TD'
                || td.parentElement.parentElement.id !== 'items') return null;
            const tds = [...td.parentElement.querySelectorAll('td')].filter(c => !c.hidden);
            return [tds[0]._content.textContent.trim(), tds.indexOf(td)];
            """;
    /** JS: the focused element's id, or its aria-label, or its title, or its tag. */
    static final String ACTIVE_JS = """
            const a = document.activeElement;
            return a ? (a.id || a.getAttribute('aria-label') || a.getAttribute('title') || a.tagName) : null;
            """;
    /** JS: the focused grid cell's outline (style, width, colour). */
    static final String RING_JS = """
            const td = document.getElementById('cells').shadowRoot.activeElement;
            const s = getComputedStyle(td);
            return [s.outlineStyle, s.outlineWidth, s.outlineColor];
            """;

    @SuppressWarnings("unchecked")
    static List<Object> focusedCell(WebDriver b) {
        return (List<Object>) ((JavascriptExecutor) b).executeScript(FOCUSED_CELL_JS);
    }

    static String active(WebDriver b) {
        return (String) ((JavascriptExecutor) b).executeScript(ACTIVE_JS);
    }

    static void press(WebDriver b, CharSequence... keys) {
        new Actions(b).sendKeys(keys).perform();
    }

    /** Presses {@code key} with {@code modifier} held (Actions.sendKeys would release it at once). */
    static void chord(WebDriver b, Keys modifier, CharSequence key) {
        new Actions(b).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Presses {@code key} (with {@code modifier} held, if not null) until {@code done} holds (at most 80 times). */
    static void pressUntil(WebDriver b, Keys modifier, CharSequence key, java.util.function.Predicate<WebDriver> done,
                           String what) {
        for (int i = 0; i < 80 && !done.test(b); i++) {
            if (modifier == null) {
                press(b, key);
            } else {
                chord(b, modifier, key);
            }
        }
        assertThat(done.test(b)).as(what + " (focus is on " + active(b) + ")").isTrue();
    }

    @Test
    void theWorkedExampleByKeyboardOnly() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url(""));
        waitForWorkedExample(b);

        // Tab into the grid's body, then the arrow keys to z's value
        pressUntil(b, null, Keys.TAB, d -> focusedCell(d) != null, "Tab reaches a grid cell");
        pressUntil(b, null, Keys.ARROW_DOWN, d -> "z".equals(focusedCell(d).get(0)), "arrow down to z");
        for (int i = 0; i < 8 && ((Number) focusedCell(b).get(1)).intValue() != VALUE; i++) {
            press(b, ((Number) focusedCell(b).get(1)).intValue() < VALUE ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
        }
        assertThat(focusedCell(b)).containsExactly("z", (long) VALUE);
        // selecting z opened its explanation
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().equals("Why is dL/dz = -12?"));
        @SuppressWarnings("unchecked")
        List<String> ring = (List<String>) ((JavascriptExecutor) b).executeScript(RING_JS);
        assertThat(ring.get(0)).as("focus ring style").isEqualTo("solid");
        assertThat(ring.get(1)).as("focus ring width").isEqualTo("3px");
        screenshot(b, "keyboard-1-z-focused");

        // the edit: type -3 and Enter (f = 3·(-3) = -9, L = 1, dL/dz = 2·(f - t)·q = 6)
        press(b, "-3", Keys.ENTER);
        waitForCell(b, "z", VALUE, "-3", 20);
        waitForCell(b, "f", VALUE, "-9", 20);
        waitForCell(b, "z", GRAD, "6", 20);

        // an SGD step: Shift+Tab back to "Apply SGD step", Enter (z = -3 - 0.01·6 = -3.06)
        pressUntil(b, Keys.SHIFT, Keys.TAB, d -> "sgd-apply".equals(active(d)), "Shift+Tab to Apply SGD step");
        screenshot(b, "keyboard-2-apply-focused");
        press(b, Keys.ENTER);
        waitForCell(b, "z", VALUE, "-3.06", 20);
        waitForCell(b, "f", VALUE, "-9.18", 20);

        // undo twice: the step, then the edit; the worked example is back
        chord(b, Keys.CONTROL, "z");
        waitForCell(b, "z", VALUE, "-3", 20);
        chord(b, Keys.CONTROL, "z");
        waitForCell(b, "z", VALUE, "-4", 20);
        waitForCell(b, "f", VALUE, "-12", 20);
        waitForCell(b, "L", VALUE, "4", 20);

        // the graph in words: Enter after the edit moved the selection one row down, to q; Tab to
        // q's user f and Enter selects it (and explains it)
        waitFor(b, 20).until(d -> d.findElement(By.id("graph-text-selected")).getText().equals("Selected q (add) = x + y."));
        pressUntil(b, null, Keys.TAB, d -> "select f".equals(active(d)), "Tab to the graph text's 'f'");
        screenshot(b, "keyboard-3-graph-text-focused");
        press(b, Keys.ENTER);
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().equals("Why is dL/df = -4?"));
        waitFor(b, 20).until(d -> d.findElement(By.id("graph-text-selected")).getText().equals("Selected f (mul) = q * z."));

        // the graph picture itself takes the focus (with a ring) and zooms with +
        pressUntil(b, Keys.SHIFT, Keys.TAB, d -> "graph".equals(active(d)), "Shift+Tab to the graph");
        Object zoomBefore = ((JavascriptExecutor) b).executeScript("return document.getElementById('graph')._cy.zoom()");
        press(b, "+");
        Object zoomAfter = ((JavascriptExecutor) b).executeScript("return document.getElementById('graph')._cy.zoom()");
        assertThat(((Number) zoomAfter).doubleValue()).isGreaterThan(((Number) zoomBefore).doubleValue());
        assertThat((String) ((JavascriptExecutor) b).executeScript(
                "return getComputedStyle(document.getElementById('graph')).outlineStyle")).isEqualTo("solid");
        screenshot(b, "keyboard-4-graph-focused");

        // "Why this gradient?": Shift+Tab back to a factor of f's chain (∂L/∂f) and Enter opens L's explanation
        pressUntil(b, Keys.SHIFT, Keys.TAB, d -> "why is this L's derivative?".equals(active(d)), "Shift+Tab to a chain factor");
        press(b, Keys.ENTER);
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().equals("Why is dL/dL = 1?"));

        // the side tabs: Tab to the bar, the right arrow moves to "Add a cell" and Enter shows it; then
        // "Data & training" the same way
        pressUntil(b, null, Keys.TAB, d -> "tab-graph".equals(active(d)), "Tab to the Graph tab");
        press(b, Keys.ARROW_RIGHT);
        assertThat(active(b)).isEqualTo("tab-add");
        press(b, Keys.ENTER);
        waitFor(b, 10).until(d -> !d.findElements(By.id("add-name")).isEmpty() && d.findElement(By.id("add-name")).isDisplayed());
        press(b, Keys.ARROW_RIGHT, Keys.ENTER);
        waitFor(b, 10).until(d -> !d.findElements(By.id("train-start")).isEmpty() && d.findElement(By.id("train-start")).isDisplayed());
        screenshot(b, "keyboard-5-training-tab");
    }
}
