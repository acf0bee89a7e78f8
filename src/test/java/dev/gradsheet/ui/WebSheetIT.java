package dev.gradsheet.ui;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web sheet in a real browser: the worked example, editing z in the grid, an SGD step,
 * a reload and two tabs on one link.
 */
class WebSheetIT extends BrowserTestBase {

    @Test
    void editZInTheGridAndSeeTheGradientsChange() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        assertThat(b.getCurrentUrl()).matches(".*/sheet/[a-z0-9]{16}$");
        assertThat(cell(b, "q", GRAD)).isEqualTo("16");
        assertThat(cell(b, "z", GRAD)).isEqualTo("-12");
        assertThat(cell(b, "L", VALUE)).isEqualTo("4");
        waitFor(b, 20).until(d -> "7".equals(d.findElement(By.id("graph")).getAttribute("nodes")));
        screenshot(b, "01-worked-example");

        editValue(b, "z", "-3");
        waitForCell(b, "q", GRAD, "-6", 20);
        assertThat(cell(b, "z", VALUE)).isEqualTo("-3");
        assertThat(cell(b, "z", GRAD)).isEqualTo("6");
        assertThat(cell(b, "x", GRAD)).isEqualTo("-6");
        assertThat(cell(b, "f", VALUE)).isEqualTo("-9");
        screenshot(b, "02-edited-z");
    }

    @Test
    void applySgdStepShowsFMinus11_64() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        b.findElement(By.id("sgd-apply")).click();
        waitForCell(b, "f", VALUE, "-11.64", 20);
        assertThat(cell(b, "z", VALUE)).isEqualTo("-3.88");
        assertThat(cell(b, "L", VALUE)).isEqualTo("2.6896");
        waitFor(b, 10).until(d -> d.findElement(By.id("sgd-result")).getText().contains("L 4 → 2.6896"));
        screenshot(b, "03-sgd-step");

        // Ctrl+Z undoes the step, Ctrl+Shift+Z redoes it, and so do the buttons
        b.findElement(By.tagName("h2")).click();
        new org.openqa.selenium.interactions.Actions(b).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys("z")
                .keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        waitForCell(b, "f", VALUE, "-12", 20);
        new org.openqa.selenium.interactions.Actions(b).keyDown(org.openqa.selenium.Keys.CONTROL)
                .keyDown(org.openqa.selenium.Keys.SHIFT).sendKeys("z").keyUp(org.openqa.selenium.Keys.SHIFT)
                .keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        waitForCell(b, "f", VALUE, "-11.64", 20);
        b.findElement(By.id("undo")).click();
        waitForCell(b, "f", VALUE, "-12", 20);
        b.findElement(By.id("redo")).click();
        waitForCell(b, "f", VALUE, "-11.64", 20);

        // the download link gives the sheet as .sheet text
        Object text = ((org.openqa.selenium.JavascriptExecutor) b).executeAsyncScript(
                "const done = arguments[0]; fetch(document.getElementById('download').href)"
                        + ".then(r => r.text()).then(done, e => done('failed: ' + e))");
        assertThat((String) text).contains("z = weight(-3.88)\n").contains("L = mse(f, t)\n");
    }

    @Test
    void reloadKeepsTheEdit() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        String link = b.getCurrentUrl();
        editValue(b, "z", "-2.5");
        waitForCell(b, "z", VALUE, "-2.5", 20);
        b.navigate().refresh();
        waitForCell(b, "z", VALUE, "-2.5", 60);
        assertThat(b.getCurrentUrl()).isEqualTo(link);
        assertThat(cell(b, "f", VALUE)).isEqualTo("-7.5");
        // the start page brings this browser back to its sheet
        b.get(url(""));
        waitForCell(b, "z", VALUE, "-2.5", 60);
        assertThat(b.getCurrentUrl()).isEqualTo(link);
        screenshot(b, "04-after-reload");
    }

    @Test
    void twoTabsOnOneLinkSeeEachOthersEdits() throws Exception {
        WebDriver a = newBrowser();
        a.get(url(""));
        waitForWorkedExample(a);
        String link = a.getCurrentUrl();
        WebDriver b = newBrowser(); // another browser profile: another session
        b.get(link);
        waitForWorkedExample(b);
        letTheLinkEdit(a, b); // the sheet is a's; its link is view-only until a opens it

        editValue(a, "x", "1");
        waitForCell(b, "q", VALUE, "6", 20); // pushed to b without a reload
        assertThat(cell(b, "x", VALUE)).isEqualTo("1");
        screenshot(b, "05-second-tab-sees-edit");

        b.findElement(By.id("sgd-apply")).click();
        waitForCell(a, "z", VALUE, "-2.32", 20); // dL/dz = 2(f − t)·q = 2(−24 + 10)·6 = −168, z = −4 + 0.01·168
        screenshot(a, "06-first-tab-sees-step");
    }

    @Test
    void clickingAGraphNodeSelectsItsRowAndExplainsIt() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        waitFor(b, 20).until(d -> "7".equals(d.findElement(By.id("graph")).getAttribute("nodes")));
        // select q through the graph's own API (the canvas has no DOM per node)
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "document.getElementById('graph')._cy.getElementById('q').emit('tap')");
        waitFor(b, 20).until(d -> d.findElement(By.id("why-equation")).getText()
                .equals("dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16"));
        List<WebElement> terms = b.findElements(By.cssSelector("#why-terms li"));
        assertThat(terms).hasSize(1);
        assertThat(terms.get(0).getText()).contains("× multiplies it by the other input");
        screenshot(b, "07-why-this-gradient");
    }

    @Test
    void spreadsheetKeysEnterEscTabAndARefusalNextToTheField() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        // click a read-only column: the row is selected, no editor yet
        cellElement(b, "q", 2).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("why-equation")).getText().startsWith("dL/dq"));
        assertThat(b.findElements(By.cssSelector("#edit-formula input")).stream().noneMatch(WebElement::isDisplayed))
                .isTrue();
        // Enter edits the row; a refused formula is explained under the field and changes nothing
        new org.openqa.selenium.interactions.Actions(b).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        WebElement formula = waitFor(b, 10).until(d -> {
            List<WebElement> f = d.findElements(By.cssSelector("#edit-formula input"));
            return f.isEmpty() || !f.get(0).isDisplayed() ? null : f.get(0);
        });
        waitFor(b, 10).until(d -> "x + y".equals(formula.getAttribute("value")));
        formula.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "x + nope",
                org.openqa.selenium.Keys.ENTER);
        waitFor(b, 10).until(d -> d.findElement(By.id("edit-formula")).getAttribute("invalid") != null);
        String error = (String) ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "return document.getElementById('edit-formula').errorMessage");
        assertThat(error).contains("nope");
        assertThat(b.findElement(By.id("edit-error")).getText()).startsWith("q: ").contains("nope");
        screenshot(b, "10-refused-formula");
        // Esc cancels
        formula.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waitForCell(b, "q", FORMULA, "x + y", 10);
        assertThat(cell(b, "q", VALUE)).isEqualTo("3");
        // double-click the formula (a single click only selects), type, Enter commits
        new org.openqa.selenium.interactions.Actions(b).doubleClick(cellElement(b, "q", FORMULA)).perform();
        WebElement again = waitFor(b, 10).until(d -> {
            List<WebElement> f = d.findElements(By.cssSelector("#edit-formula input"));
            return f.isEmpty() || !f.get(0).isDisplayed() ? null : f.get(0);
        });
        // wait until the editor has put the caret at the end, so Ctrl+A below is not undone by it
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript(ClassroomIT.FOCUSED_INPUT_JS, "x + y")));
        again.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "x - y",
                org.openqa.selenium.Keys.ENTER);
        waitForCell(b, "q", VALUE, "-7", 10); // committed
        waitForCell(b, "f", VALUE, "28", 10); // f = q·z = (-7)·(-4)
    }

    /** Tab at the end of a row commits what was typed there, like Enter. */
    @Test
    void tabAtTheEndOfARowCommitsTheFormula() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        new org.openqa.selenium.interactions.Actions(b).doubleClick(cellElement(b, "q", FORMULA)).perform();
        WebElement formula = waitFor(b, 10).until(d -> {
            List<WebElement> f = d.findElements(By.cssSelector("#edit-formula input"));
            return f.isEmpty() || !f.get(0).isDisplayed() ? null : f.get(0);
        });
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript(ClassroomIT.FOCUSED_INPUT_JS, "x + y")));
        formula.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "x - y",
                org.openqa.selenium.Keys.TAB);
        waitForCell(b, "q", FORMULA, "x - y", 10); // committed by Tab
        waitForCell(b, "q", VALUE, "-7", 10);
        waitForCell(b, "f", VALUE, "28", 10);
        screenshot(b, "11-tab-commits");
    }
}
