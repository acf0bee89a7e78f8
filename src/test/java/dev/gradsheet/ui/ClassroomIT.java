package dev.gradsheet.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web sheet, ready for a class, in real Chromium at 1366×768: the objective stays put, spreadsheet keys in the grid, input
 * or weight, messages that go with the next action, uploads after a refused one, the empty sheet's
 * "start here", and named undo shared between two tabs. Screenshots under target/screenshots/.
 */
class ClassroomIT extends BrowserTestBase {

    private WebDriver laptop() throws Exception {
        WebDriver b = newBrowser();
        b.manage().window().setSize(new Dimension(1366, 768));
        return b;
    }

    private WebDriver workedExample() throws Exception {
        WebDriver b = laptop();
        b.get(url(""));
        waitForWorkedExample(b);
        return b;
    }

    @Test
    void theObjectiveStandsFirst() throws Exception {
        WebDriver b = workedExample();
        assertThat(text(b, "status")).isEqualTo("L = 4");
        assertThat((Boolean) js(b, "const r = document.getElementById('status').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom < 120 && r.left < 400;")).isTrue();
        screenshot(b, "i8-00-objective-first");
    }

    private static Object js(WebDriver b, String script, Object... args) {
        return ((JavascriptExecutor) b).executeScript(script, args);
    }

    /** The element's own visible text (a button's tooltip, also in its text, is left out). */
    private static String text(WebDriver b, String id) {
        return b.findElement(By.id(id)).getText().split("\n")[0];
    }

    /** Shows the "Add a cell" tab beside the grid (the add form lives there). */
    private static void showAddTab(WebDriver b) {
        b.findElement(By.id("tab-add")).click();
        waitFor(b, 10).until(d -> d.findElement(By.cssSelector("#add-name input")).isDisplayed());
    }

    /** Types into a Vaadin text field (its inner input). */
    private static void type(WebDriver b, String id, String text) {
        if (id.startsWith("add-")) {
            showAddTab(b);
        }
        WebElement input = b.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    @Test
    void addingACellKeepsTheObjective() throws Exception {
        WebDriver b = workedExample();
        assertThat(text(b, "status")).isEqualTo("L = 4");
        type(b, "add-name", "scratch");
        type(b, "add-formula", "x * 2");
        b.findElement(By.id("add-cell")).click();
        waitForCell(b, "scratch", VALUE, "-4", 20);
        assertThat(cell(b, "z", GRAD)).isEqualTo("-12");
        assertThat(cell(b, "x", GRAD)).isEqualTo("16");
        assertThat(cell(b, "scratch", GRAD)).isEqualTo("0");
        assertThat(text(b, "status")).isEqualTo("L = 4");
        js(b, "window.scrollTo(0, 0)");
        screenshot(b, "i8-01-objective-stays-after-adding-scratch");
    }

    @Test
    void spreadsheetKeysInTheGrid() throws Exception {
        WebDriver b = workedExample();
        // click z's value, type -3, Enter: replaces -4 (it used to append: "-4-3")
        editValue(b, "z", "-3"); // at Selenium's speed: the three keys arrive within one round trip
        waitForCell(b, "z", VALUE, "-3", 20);
        waitForCell(b, "q", GRAD, "-6", 20);
        assertThat(cell(b, "f", VALUE)).isEqualTo("-9");
        // Enter moved the selection one row down (to q) and the keyboard focus stayed in the grid
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(js(d, SELECTED_JS, "q")));
        waitFor(b, 10).withMessage("focus should stay in the grid, on q's row").until(d -> "q".equals(js(d, FOCUSED_ROW_JS)));
        screenshot(b, "i8-02-after-enter-focus-on-q");
        // arrow keys move the selection
        new Actions(b).sendKeys(Keys.ARROW_DOWN).perform();
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(js(d, SELECTED_JS, "f")));
        waitFor(b, 10).until(d -> text(d, "why-title").startsWith("Why is dL/df"));
        // F2 edits with the content kept, Esc cancels
        new Actions(b).sendKeys(Keys.ARROW_UP).sendKeys(Keys.ARROW_UP).perform();
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(js(d, SELECTED_JS, "z")));
        new Actions(b).sendKeys(Keys.F2).perform();
        // the keyboard is in z's value field, its content kept, the caret at the end
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(js(d, FOCUSED_INPUT_JS, "-3")));
        new Actions(b).sendKeys("5").perform();
        screenshot(b, "i8-03-f2-caret-at-end");
        new Actions(b).sendKeys(Keys.ESCAPE).perform();
        waitFor(b, 10).until(d -> "z".equals(js(d, FOCUSED_ROW_JS))); // editor closed, keyboard back on z
        waitForCell(b, "z", VALUE, "-3", 10);
        // double click edits too; Tab moves right to the value
        new Actions(b).doubleClick(cellElement(b, "x", FORMULA)).perform();
        WebElement formula = waitFor(b, 10).until(d -> d.findElements(By.cssSelector("#edit-formula input")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(formula.getDomProperty("value")).isEqualTo("input(-2)");
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(js(d, FOCUSED_INPUT_JS, "input(-2)")));
        new Actions(b).sendKeys(Keys.TAB).perform();
        waitFor(b, 10).until(d -> Boolean.TRUE.equals(js(d, FOCUSED_INPUT_JS, "-2")));
        new Actions(b).sendKeys(Keys.ESCAPE).perform();
        waitFor(b, 10).until(d -> "x".equals(js(d, FOCUSED_ROW_JS)));
    }

    /** JS: whether the focused element is an input holding {@code arguments[0]} with the caret at its end. */
    static final String FOCUSED_INPUT_JS = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            return a instanceof HTMLInputElement && a.value === arguments[0]
                && a.selectionStart === a.value.length && a.selectionEnd === a.value.length;
            """;

    /** JS: the name in the grid row holding the keyboard focus, or null. */
    static final String FOCUSED_ROW_JS = """
            const grid = document.getElementById('cells');
            if (document.activeElement !== grid) return null;
            const td = grid.shadowRoot.activeElement;
            if (!td || !td.parentElement) return null;
            const first = td.parentElement.querySelector('td');
            return first && first._content ? first._content.textContent.trim() : null;
            """;

    @Test
    void aNumberAsksInputOrWeightAndTheGridSwitchesKinds() throws Exception {
        WebDriver b = workedExample();
        type(b, "add-name", "w0");
        type(b, "add-formula", "2");
        b.findElement(By.id("add-cell")).click();
        waitFor(b, 10).until(d -> d.findElement(By.id("add-kind-question")).isDisplayed());
        assertThat(text(b, "add-kind-question")).isEqualTo("w0 = 2 is a number. Is it");
        screenshot(b, "i8-04-input-or-weight");
        b.findElement(By.id("add-as-weight")).click();
        waitForCell(b, "w0", FORMULA, "weight(2)", 20);
        // the ⇄ in z's Kind cell makes it an input (one undoable edit)
        WebElement kind = cellElement(b, "z", 2);
        kind.findElement(By.cssSelector("button.gs-kind-switch")).click();
        waitForCell(b, "z", FORMULA, "input(-4)", 20);
        waitFor(b, 10).until(d -> text(d, "undo").equals("Undo make z an input"));
        screenshot(b, "i8-05-z-switched-to-input");
        b.findElement(By.id("undo")).click();
        waitForCell(b, "z", FORMULA, "weight(-4)", 20);
    }

    @Test
    void aMessageGoesWithTheNextAction() throws Exception {
        WebDriver b = workedExample();
        cellElement(b, "q", NAME).click();
        waitFor(b, 10).until(d -> text(d, "why-title").startsWith("Why is dL/dq"));
        b.findElement(By.id("delete")).click();
        waitFor(b, 10).until(d -> text(d, "cell-error").equals("cannot delete q: used by f"));
        screenshot(b, "i8-06-refused-delete");
        b.findElement(By.id("sgd-apply")).click();
        waitForCell(b, "f", VALUE, "-11.64", 20);
        waitFor(b, 10).until(d -> text(d, "cell-error").isEmpty());
        assertThat(text(b, "sgd-result")).isEqualTo("1 step at lr 0.01: L 4 → 2.6896");
        b.findElement(By.id("undo")).click();
        waitForCell(b, "f", VALUE, "-12", 20);
        waitFor(b, 10).until(d -> text(d, "sgd-result").isEmpty());
        screenshot(b, "i8-07-after-undo-no-stale-message");
    }

    @Test
    void aRefusedUploadDoesNotBlockTheNextOne() throws Exception {
        WebDriver b = workedExample();
        String first = b.getCurrentUrl();
        Path dir = Files.createTempDirectory("gradsheet-upload");
        Path big = dir.resolve("big.sheet");
        Files.write(big, ("x = input(1)\n" + "# padding\n".repeat(120_000)).getBytes(StandardCharsets.UTF_8));
        Path good = dir.resolve("mine.sheet");
        Files.writeString(good, "a = weight(2)\nb = a * a\n");
        fileInput(b, "upload").sendKeys(big.toString());
        waitFor(b, 20).until(d -> text(d, "upload-errors").contains("big.sheet was not opened"));
        assertThat(text(b, "upload-errors")).contains("larger than 1000 kB");
        // the refused file is not left in the upload's list
        waitFor(b, 10).until(d -> ((Number) js(d, "return document.getElementById('upload').files.length")).intValue() == 0);
        screenshot(b, "i8-08-refused-upload");
        fileInput(b, "upload").sendKeys(good.toString());
        waitFor(b, 30).until(d -> !d.getCurrentUrl().equals(first));
        waitForCell(b, "b", VALUE, "4", 30);
        assertThat(text(b, "status")).isEqualTo("b = 4");
        screenshot(b, "i8-09-next-upload-opened");
    }

    @Test
    void anUploadTheServerRefusesIsSaidNextToTheButton() throws Exception {
        WebDriver b = workedExample();
        String first = b.getCurrentUrl();
        Path big = Files.createTempDirectory("gradsheet-upload").resolve("big.sheet");
        // over every upload limit of the server (the training table's 5 MB is the largest)
        Files.write(big, ("x = input(1)\n" + "# padding\n".repeat(600_000)).getBytes(StandardCharsets.UTF_8));
        // a page whose own check lets it through (an old tab, a changed setting): the server refuses it
        js(b, "document.getElementById('upload').maxFileSize = Infinity");
        fileInput(b, "upload").sendKeys(big.toString());
        waitFor(b, 20).until(d -> text(d, "upload-errors").contains("big.sheet was not opened"));
        assertThat(text(b, "upload-errors")).contains("the server did not take it (HTTP 413; at most 1000 kB)");
        screenshot(b, "i13-upload-refused-by-the-server");
        assertThat(b.getCurrentUrl()).isEqualTo(first);
        assertThat(cell(b, "f", FORMULA)).isEqualTo("q * z");
        waitFor(b, 10).until(d -> ((Number) js(d, "return document.getElementById('upload').files.length")).intValue() == 0);
    }

    @Test
    void anEmptySheetSaysWhereToStart() throws Exception {
        WebDriver b = workedExample();
        b.findElement(By.cssSelector("#examples-menu vaadin-menu-bar-button")).click();
        waitFor(b, 10).until(d -> !d.findElements(By.id("example-empty")).isEmpty()
                && d.findElement(By.id("example-empty")).isDisplayed());
        b.findElement(By.id("example-empty")).click();
        waitFor(b, 30).until(d -> !d.findElements(By.id("start-guide")).isEmpty()
                && d.findElement(By.id("start-guide")).isDisplayed());
        assertThat(text(b, "start-guide")).contains("Start here");
        assertThat(text(b, "status")).isEqualTo("none yet");
        screenshot(b, "i8-10-empty-sheet-start-here");
        b.findElement(By.id("start-fill")).click();
        waitForCell(b, "p", VALUE, "1", 20);
        assertThat(cell(b, "w", GRAD)).isEqualTo("2");
        waitFor(b, 10).until(d -> text(d, "add-notice").startsWith("p is the objective now"));
        waitFor(b, 10).until(d -> !d.findElement(By.id("start-guide")).isDisplayed());
        assertThat(text(b, "status")).isEqualTo("p = 1");
        screenshot(b, "i8-11-first-model-filled");
    }

    @Test
    void undoIsNamedAndTheOtherTabIsTold() throws Exception {
        WebDriver a = workedExample();
        WebDriver b = laptop();
        b.get(a.getCurrentUrl());
        waitForWorkedExample(b);
        letTheLinkEdit(a, b); // b is another browser; the sheet is a's and its link view-only until a opens it
        a.findElement(By.id("sgd-apply")).click();
        waitForCell(a, "f", VALUE, "-11.64", 20);
        waitFor(a, 10).until(d -> text(d, "undo").equals("Undo SGD step (lr 0.01)"));
        waitFor(b, 20).until(d -> text(d, "undo").equals("Undo SGD step (lr 0.01)"));
        screenshot(a, "i8-12-named-undo");
        b.findElement(By.id("undo")).click();
        waitForCell(a, "f", VALUE, "-12", 20);
        waitFor(a, 20).until(d -> String.valueOf(js(d, "const c = document.querySelector('vaadin-notification-card');"
                + " return c ? c.innerText : '';")).contains("Undone in another tab: SGD step (lr 0.01)"));
        assertThat(text(a, "redo")).isEqualTo("Redo SGD step (lr 0.01)");
        screenshot(a, "i8-13-told-of-undo-in-other-tab");
    }
}
