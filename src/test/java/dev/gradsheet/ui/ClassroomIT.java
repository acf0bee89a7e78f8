package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;
import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.NAME;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.ui.pages.AddCellPart;
import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

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

    private SheetPage laptopWorkedExample() throws Exception {
        return StartPage.workedExample(laptop(), url(""));
    }

    @Test
    void theObjectiveStandsFirst() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        assertThat(sheet.objective()).isEqualTo("L = 4");
        assertThat(sheet.objectiveStandsFirst()).isTrue();
        screenshot(sheet, "i8-00-objective-first");
    }

    @Test
    void addingACellKeepsTheObjective() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        GridPart grid = sheet.grid();
        assertThat(sheet.objective()).isEqualTo("L = 4");
        sheet.showAddCell().add("scratch", "x * 2");
        grid.waitFor("scratch", VALUE, "-4", 20);
        assertThat(grid.text("z", GRAD)).isEqualTo("-12");
        assertThat(grid.text("x", GRAD)).isEqualTo("16");
        assertThat(grid.text("scratch", GRAD)).isEqualTo("0");
        assertThat(sheet.objective()).isEqualTo("L = 4");
        sheet.scrollToTop();
        screenshot(sheet, "i8-01-objective-stays-after-adding-scratch");
    }

    @Test
    void spreadsheetKeysInTheGrid() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        GridPart grid = sheet.grid();
        // click z's value, type -3, Enter: replaces -4 (it used to append: "-4-3")
        grid.editValue("z", "-3"); // at Selenium's speed: the three keys arrive within one round trip
        grid.waitFor("z", VALUE, "-3", 20);
        grid.waitFor("q", GRAD, "-6", 20);
        assertThat(grid.text("f", VALUE)).isEqualTo("-9");
        // Enter moved the selection one row down (to q) and the keyboard focus stayed in the grid
        grid.waitUntilSelected("q");
        grid.waitForFocusedRow("q");
        screenshot(sheet, "i8-02-after-enter-focus-on-q");
        // arrow keys move the selection
        sheet.press(Keys.ARROW_DOWN);
        grid.waitUntilSelected("f");
        sheet.why().waitForTitleStartingWith("Why is dL/df");
        // F2 edits with the content kept, Esc cancels
        sheet.press(Keys.ARROW_UP, Keys.ARROW_UP);
        grid.waitUntilSelected("z");
        sheet.press(Keys.F2);
        // the keyboard is in z's value field, its content kept, the caret at the end
        sheet.waitForFocusedInput("-3");
        sheet.press("5");
        screenshot(sheet, "i8-03-f2-caret-at-end");
        sheet.press(Keys.ESCAPE);
        grid.waitForFocusedRow("z"); // editor closed, keyboard back on z
        grid.waitFor("z", VALUE, "-3", 10);
        // double click edits too; Tab moves right to the value
        grid.doubleClick("x", FORMULA);
        WebElement formula = grid.formulaEditor();
        assertThat(formula.getDomProperty("value")).isEqualTo("input(-2)");
        sheet.waitForFocusedInput("input(-2)");
        sheet.press(Keys.TAB);
        sheet.waitForFocusedInput("-2");
        sheet.press(Keys.ESCAPE);
        grid.waitForFocusedRow("x");
    }

    @Test
    void aNumberAsksInputOrWeightAndTheGridSwitchesKinds() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        GridPart grid = sheet.grid();
        AddCellPart add = sheet.showAddCell();
        add.add("w0", "2");
        assertThat(add.waitForKindQuestion()).isEqualTo("w0 = 2 is a number. Is it");
        screenshot(sheet, "i8-04-input-or-weight");
        add.answerWeight();
        grid.waitFor("w0", FORMULA, "weight(2)", 20);
        // the ⇄ in z's Kind cell makes it an input (one undoable edit)
        grid.switchKind("z");
        grid.waitFor("z", FORMULA, "input(-4)", 20);
        sheet.waitForUndoText("Undo make z an input", 10);
        screenshot(sheet, "i8-05-z-switched-to-input");
        sheet.undo();
        grid.waitFor("z", FORMULA, "weight(-4)", 20);
    }

    @Test
    void aMessageGoesWithTheNextAction() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        GridPart grid = sheet.grid();
        grid.click("q", NAME);
        sheet.why().waitForTitleStartingWith("Why is dL/dq");
        sheet.deleteSelected();
        sheet.waitForCellError("cannot delete q: used by f");
        screenshot(sheet, "i8-06-refused-delete");
        sheet.applySgdStep();
        grid.waitFor("f", VALUE, "-11.64", 20);
        sheet.waitForCellError("");
        assertThat(sheet.sgdResult()).isEqualTo("1 step at lr 0.01: L 4 → 2.6896");
        sheet.undo();
        grid.waitFor("f", VALUE, "-12", 20);
        sheet.waitForNoSgdResult();
        screenshot(sheet, "i8-07-after-undo-no-stale-message");
    }

    @Test
    void aRefusedUploadDoesNotBlockTheNextOne() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        String first = sheet.link();
        Path dir = Files.createTempDirectory("gradsheet-upload");
        Path big = dir.resolve("big.sheet");
        Files.write(big, ("x = input(1)\n" + "# padding\n".repeat(120_000)).getBytes(StandardCharsets.UTF_8));
        Path good = dir.resolve("mine.sheet");
        Files.writeString(good, "a = weight(2)\nb = a * a\n");
        sheet.upload(big);
        sheet.waitForUploadError("big.sheet was not opened");
        assertThat(sheet.uploadErrors()).contains("larger than 1000 kB");
        // the refused file is not left in the upload's list
        sheet.waitUntilNoFileListed();
        screenshot(sheet, "i8-08-refused-upload");
        sheet.upload(good);
        sheet.waitForOtherLinkThan(first, 30);
        sheet.grid().waitFor("b", VALUE, "4", 30);
        assertThat(sheet.objective()).isEqualTo("b = 4");
        screenshot(sheet, "i8-09-next-upload-opened");
    }

    @Test
    void anUploadTheServerRefusesIsSaidNextToTheButton() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        String first = sheet.link();
        Path big = Files.createTempDirectory("gradsheet-upload").resolve("big.sheet");
        // over every upload limit of the server (the training table's 5 MB is the largest)
        Files.write(big, ("x = input(1)\n" + "# padding\n".repeat(600_000)).getBytes(StandardCharsets.UTF_8));
        // a page whose own check lets it through (an old tab, a changed setting): the server refuses it
        sheet.liftUploadLimit();
        sheet.upload(big);
        sheet.waitForUploadError("big.sheet was not opened");
        assertThat(sheet.uploadErrors()).contains("the server did not take it (HTTP 413; at most 1000 kB)");
        screenshot(sheet, "i13-upload-refused-by-the-server");
        assertThat(sheet.link()).isEqualTo(first);
        assertThat(sheet.grid().text("f", FORMULA)).isEqualTo("q * z");
        sheet.waitUntilNoFileListed();
    }

    @Test
    void anEmptySheetSaysWhereToStart() throws Exception {
        SheetPage sheet = laptopWorkedExample();
        sheet.openExamples("empty");
        sheet.chooseExample("empty");
        assertThat(sheet.waitForStartGuide()).contains("Start here");
        assertThat(sheet.objective()).isEqualTo("none yet");
        screenshot(sheet, "i8-10-empty-sheet-start-here");
        sheet.fillFirstModel();
        sheet.grid().waitFor("p", VALUE, "1", 20);
        assertThat(sheet.grid().text("w", GRAD)).isEqualTo("2");
        sheet.waitUntil(10, "the notice should say p is the objective now",
                () -> sheet.addCell().notice().startsWith("p is the objective now"));
        sheet.waitUntil(10, "the start guide should be hidden", () -> !sheet.startGuideShown());
        assertThat(sheet.objective()).isEqualTo("p = 1");
        screenshot(sheet, "i8-11-first-model-filled");
    }

    @Test
    void undoIsNamedAndTheOtherTabIsTold() throws Exception {
        SheetPage a = laptopWorkedExample();
        SheetPage b = SheetPage.open(laptop(), a.link()).waitForWorkedExample();
        a.access().letAnyoneWithTheLinkEdit(b); // b is another browser; the sheet is a's and its link view-only until a opens it
        a.applySgdStep();
        a.grid().waitFor("f", VALUE, "-11.64", 20);
        a.waitForUndoText("Undo SGD step (lr 0.01)", 10);
        b.waitForUndoText("Undo SGD step (lr 0.01)", 20);
        screenshot(a, "i8-12-named-undo");
        b.undo();
        a.grid().waitFor("f", VALUE, "-12", 20);
        a.waitForNotification("Undone in another tab: SGD step (lr 0.01)");
        assertThat(a.redoText()).isEqualTo("Redo SGD step (lr 0.01)");
        screenshot(a, "i8-13-told-of-undo-in-other-tab");
    }
}
