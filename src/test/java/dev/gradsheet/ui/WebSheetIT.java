package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;
import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.KIND;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web sheet in a real browser: the worked example, editing z in the grid, an SGD step,
 * a reload and two tabs on one link.
 */
class WebSheetIT extends BrowserTestBase {

    @Test
    void editZInTheGridAndSeeTheGradientsChange() throws Exception {
        SheetPage sheet = workedExample();
        GridPart grid = sheet.grid();
        assertThat(sheet.link()).matches(".*/sheet/[a-z0-9]{16}$");
        assertThat(grid.text("q", GRAD)).isEqualTo("16");
        assertThat(grid.text("z", GRAD)).isEqualTo("-12");
        assertThat(grid.text("L", VALUE)).isEqualTo("4");
        sheet.graph().waitForNodes(7);
        screenshot(sheet, "01-worked-example");

        grid.editValue("z", "-3");
        grid.waitFor("q", GRAD, "-6", 20);
        assertThat(grid.text("z", VALUE)).isEqualTo("-3");
        assertThat(grid.text("z", GRAD)).isEqualTo("6");
        assertThat(grid.text("x", GRAD)).isEqualTo("-6");
        assertThat(grid.text("f", VALUE)).isEqualTo("-9");
        screenshot(sheet, "02-edited-z");
    }

    @Test
    void applySgdStepShowsFMinus11_64() throws Exception {
        SheetPage sheet = workedExample();
        GridPart grid = sheet.grid();
        sheet.applySgdStep();
        grid.waitFor("f", VALUE, "-11.64", 20);
        assertThat(grid.text("z", VALUE)).isEqualTo("-3.88");
        assertThat(grid.text("L", VALUE)).isEqualTo("2.6896");
        sheet.waitForSgdResult("L 4 → 2.6896");
        screenshot(sheet, "03-sgd-step");

        // Ctrl+Z undoes the step, Ctrl+Shift+Z redoes it, and so do the buttons
        sheet.clickTitle();
        sheet.chord(Keys.CONTROL, "z");
        grid.waitFor("f", VALUE, "-12", 20);
        sheet.chord(Keys.CONTROL, Keys.SHIFT, "z");
        grid.waitFor("f", VALUE, "-11.64", 20);
        sheet.undo();
        grid.waitFor("f", VALUE, "-12", 20);
        sheet.redo();
        grid.waitFor("f", VALUE, "-11.64", 20);

        // the download link gives the sheet as .sheet text
        assertThat(sheet.downloaded()).contains("z = weight(-3.88)\n").contains("L = mse(f, t)\n");
    }

    @Test
    void reloadKeepsTheEdit() throws Exception {
        SheetPage sheet = workedExample();
        GridPart grid = sheet.grid();
        String link = sheet.link();
        grid.editValue("z", "-2.5");
        grid.waitFor("z", VALUE, "-2.5", 20);
        sheet.driver().navigate().refresh();
        grid.waitFor("z", VALUE, "-2.5", 60);
        assertThat(sheet.link()).isEqualTo(link);
        assertThat(grid.text("f", VALUE)).isEqualTo("-7.5");
        // the start page brings this browser back to its sheet
        StartPage.visit(sheet.driver(), url("")).grid().waitFor("z", VALUE, "-2.5", 60);
        assertThat(sheet.link()).isEqualTo(link);
        screenshot(sheet, "04-after-reload");
    }

    @Test
    void twoTabsOnOneLinkSeeEachOthersEdits() throws Exception {
        SheetPage a = workedExample();
        String link = a.link();
        SheetPage b = SheetPage.open(newBrowser(), link).waitForWorkedExample(); // another browser profile: another session
        a.access().letAnyoneWithTheLinkEdit(b); // the sheet is a's; its link is view-only until a opens it

        a.grid().editValue("x", "1");
        b.grid().waitFor("q", VALUE, "6", 20); // pushed to b without a reload
        assertThat(b.grid().text("x", VALUE)).isEqualTo("1");
        screenshot(b, "05-second-tab-sees-edit");

        b.applySgdStep();
        a.grid().waitFor("z", VALUE, "-2.32", 20); // dL/dz = 2(f − t)·q = 2(−24 + 10)·6 = −168, z = −4 + 0.01·168
        screenshot(a, "06-first-tab-sees-step");
    }

    @Test
    void clickingAGraphNodeSelectsItsRowAndExplainsIt() throws Exception {
        SheetPage sheet = workedExample();
        sheet.graph().waitForNodes(7);
        // select q through the graph's own API (the canvas has no DOM per node)
        sheet.graph().tap("q");
        sheet.why().waitForEquation("dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16");
        List<WebElement> terms = sheet.why().terms();
        assertThat(terms).hasSize(1);
        assertThat(terms.get(0).getText()).contains("× multiplies it by the other input");
        screenshot(sheet, "07-why-this-gradient");
    }

    @Test
    void spreadsheetKeysEnterEscTabAndARefusalNextToTheField() throws Exception {
        SheetPage sheet = workedExample();
        GridPart grid = sheet.grid();
        // click a read-only column: the row is selected, no editor yet
        grid.click("q", KIND);
        sheet.why().waitForTitleStartingWith("Why is dL/dq");
        assertThat(grid.formulaEditorShown()).isFalse();
        // Enter edits the row; a refused formula is explained under the field and changes nothing
        sheet.press(Keys.ENTER);
        WebElement formula = grid.formulaEditorHolding("x + y");
        formula.sendKeys(Keys.chord(Keys.CONTROL, "a"), "x + nope", Keys.ENTER);
        String error = grid.waitForRefusedFormula();
        assertThat(error).contains("nope");
        assertThat(grid.editError()).startsWith("q: ").contains("nope");
        screenshot(sheet, "10-refused-formula");
        // Esc cancels: once the editor has closed and the server has answered, q is as it was
        formula.sendKeys(Keys.ESCAPE);
        grid.waitUntilEditorClosed();
        sheet.waitForServer();
        grid.waitFor("q", FORMULA, "x + y", 10);
        assertThat(grid.text("q", VALUE)).isEqualTo("3");
        // double-click the formula (a single click only selects), type, Enter commits
        grid.doubleClick("q", FORMULA);
        WebElement again = grid.formulaEditor();
        // wait until the editor has put the caret at the end, so Ctrl+A below is not undone by it
        sheet.waitForFocusedInput("x + y");
        again.sendKeys(Keys.chord(Keys.CONTROL, "a"), "x - y", Keys.ENTER);
        grid.waitFor("q", VALUE, "-7", 10); // committed
        grid.waitFor("f", VALUE, "28", 10); // f = q·z = (-7)·(-4)
    }

    /** Tab at the end of a row commits what was typed there, like Enter. */
    @Test
    void tabAtTheEndOfARowCommitsTheFormula() throws Exception {
        SheetPage sheet = workedExample();
        GridPart grid = sheet.grid();
        grid.doubleClick("q", FORMULA);
        WebElement formula = grid.formulaEditor();
        sheet.waitForFocusedInput("x + y");
        formula.sendKeys(Keys.chord(Keys.CONTROL, "a"), "x - y", Keys.TAB);
        grid.waitFor("q", FORMULA, "x - y", 10); // committed by Tab
        grid.waitFor("q", VALUE, "-7", 10);
        grid.waitFor("f", VALUE, "28", 10);
        screenshot(sheet, "11-tab-commits");
    }
}
