package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.SheetPage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example in Chromium with keys only (no click anywhere): Tab into the grid,
 * arrow keys to z (its explanation opens), type a new value, Shift+Tab to "Apply SGD step" and Enter,
 * Ctrl+Z twice, then Tab to the graph's text equivalent and Enter on a user's name to select it, +
 * on the focused graph, and Enter on a factor of the chain. The
 * focused thing always has a visible ring (screenshots under target/screenshots/keyboard-*.png).
 */
class KeyboardIT extends BrowserTestBase {

    @Test
    void theWorkedExampleByKeyboardOnly() throws Exception {
        SheetPage sheet = workedExample(1366, 768);
        GridPart grid = sheet.grid();

        // Tab into the grid's body, then the arrow keys to z's value
        sheet.pressUntil(null, Keys.TAB, () -> grid.focusedCell() != null, "Tab reaches a grid cell");
        sheet.pressUntil(null, Keys.ARROW_DOWN, () -> "z".equals(grid.focusedCell().get(0)), "arrow down to z");
        for (int i = 0; i < 8 && ((Number) grid.focusedCell().get(1)).intValue() != VALUE; i++) {
            sheet.press(((Number) grid.focusedCell().get(1)).intValue() < VALUE ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
        }
        assertThat(grid.focusedCell()).containsExactly("z", (long) VALUE);
        // selecting z opened its explanation
        sheet.why().waitForTitle("Why is dL/dz = -12?");
        List<String> ring = grid.focusRing();
        assertThat(ring.get(0)).as("focus ring style").isEqualTo("solid");
        assertThat(ring.get(1)).as("focus ring width").isEqualTo("3px");
        screenshot(sheet, "keyboard-1-z-focused");

        // the edit: type -3 and Enter (f = 3·(-3) = -9, L = 1, dL/dz = 2·(f - t)·q = 6)
        sheet.press("-3", Keys.ENTER);
        grid.waitFor("z", VALUE, "-3", 20);
        grid.waitFor("f", VALUE, "-9", 20);
        grid.waitFor("z", GRAD, "6", 20);

        // an SGD step: Shift+Tab back to "Apply SGD step", Enter (z = -3 - 0.01·6 = -3.06)
        sheet.pressUntil(Keys.SHIFT, Keys.TAB, () -> "sgd-apply".equals(sheet.focused()), "Shift+Tab to Apply SGD step");
        screenshot(sheet, "keyboard-2-apply-focused");
        sheet.press(Keys.ENTER);
        grid.waitFor("z", VALUE, "-3.06", 20);
        grid.waitFor("f", VALUE, "-9.18", 20);

        // undo twice: the step, then the edit; the worked example is back
        sheet.chord(Keys.CONTROL, "z");
        grid.waitFor("z", VALUE, "-3", 20);
        sheet.chord(Keys.CONTROL, "z");
        grid.waitFor("z", VALUE, "-4", 20);
        grid.waitFor("f", VALUE, "-12", 20);
        grid.waitFor("L", VALUE, "4", 20);

        // the graph in words: Enter after the edit moved the selection one row down, to q; Tab to
        // q's user f and Enter selects it (and explains it)
        sheet.graph().waitForTextSelected("Selected q (add) = x + y.");
        sheet.pressUntil(null, Keys.TAB, () -> "select f".equals(sheet.focused()), "Tab to the graph text's 'f'");
        screenshot(sheet, "keyboard-3-graph-text-focused");
        sheet.press(Keys.ENTER);
        sheet.why().waitForTitle("Why is dL/df = -4?");
        sheet.graph().waitForTextSelected("Selected f (mul) = q * z.");

        // the graph picture itself takes the focus (with a ring) and zooms with +
        sheet.pressUntil(Keys.SHIFT, Keys.TAB, () -> "graph".equals(sheet.focused()), "Shift+Tab to the graph");
        double zoomBefore = sheet.graph().cytoscapeZoom();
        sheet.press("+");
        assertThat(sheet.graph().cytoscapeZoom()).isGreaterThan(zoomBefore);
        assertThat(sheet.graph().outlineStyle()).isEqualTo("solid");
        screenshot(sheet, "keyboard-4-graph-focused");

        // "Why this gradient?": Shift+Tab back to a factor of f's chain (∂L/∂f) and Enter opens L's explanation
        sheet.pressUntil(Keys.SHIFT, Keys.TAB, () -> "why is this L's derivative?".equals(sheet.focused()),
                "Shift+Tab to a chain factor");
        sheet.press(Keys.ENTER);
        sheet.why().waitForTitle("Why is dL/dL = 1?");

        // the side tabs: Tab to the bar, the right arrow moves to "Add a cell" and Enter shows it; then
        // "Data & training" the same way
        sheet.pressUntil(null, Keys.TAB, () -> "tab-graph".equals(sheet.focused()), "Tab to the Graph tab");
        sheet.press(Keys.ARROW_RIGHT);
        assertThat(sheet.focused()).isEqualTo("tab-add");
        sheet.press(Keys.ENTER);
        sheet.addCell().waitUntilShown();
        sheet.press(Keys.ARROW_RIGHT, Keys.ENTER);
        sheet.training().waitUntilShown();
        screenshot(sheet, "keyboard-5-training-tab");
    }
}
