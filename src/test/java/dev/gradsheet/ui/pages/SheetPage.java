package dev.gradsheet.ui.pages;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The sheet page ({@code /sheet/ID}): its header (the objective, the language switch), its toolbar
 * (Open, Examples, Download, Undo/Redo, Delete, Apply SGD step) and the messages that go with them,
 * and the way to each of its parts: the grid, the explanation of the selected cell, the access bar
 * and the side tabs (Graph, Add a cell, Data &amp; training, Practice, History).
 */
public final class SheetPage extends PagePart {
    public SheetPage(WebDriver driver) {
        super(driver);
    }

    /** Opens {@code url} (a sheet's link) in {@code driver}; the page is not drawn yet. */
    public static SheetPage open(WebDriver driver, String url) {
        driver.get(url);
        return new SheetPage(driver);
    }

    /** Waits until the grid shows the worked example (the first load may wait for the server to warm up). */
    public SheetPage waitForWorkedExample() {
        grid().waitFor("f", GridPart.FORMULA, "q * z", 90);
        return this;
    }

    /** The browser's address (the sheet's link). */
    public String link() {
        return driver.getCurrentUrl();
    }

    // the parts

    public GridPart grid() {
        return new GridPart(driver);
    }

    public WhyPart why() {
        return new WhyPart(driver);
    }

    public GraphPart graph() {
        return new GraphPart(driver);
    }

    public StepThroughPart stepThrough() {
        return new StepThroughPart(driver);
    }

    public AddCellPart addCell() {
        return new AddCellPart(driver);
    }

    public TrainingPart training() {
        return new TrainingPart(driver);
    }

    public PracticePart practice() {
        return new PracticePart(driver);
    }

    public HistoryPart history() {
        return new HistoryPart(driver);
    }

    public AccessPart access() {
        return new AccessPart(driver);
    }

    public DownloadMenuPart downloadMenu() {
        return new DownloadMenuPart(driver);
    }

    // the side tabs

    public AddCellPart showAddCell() {
        click("tab-add");
        return addCell().waitUntilShown();
    }

    public TrainingPart showTraining() {
        click("tab-training");
        return training().waitUntilShown();
    }

    /** Chooses the Data &amp; training tab without waiting (a test may wait for something else on it). */
    public TrainingPart chooseTrainingTab() {
        click("tab-training");
        return training();
    }

    public PracticePart showPractice() {
        click("tab-practice");
        return practice().waitUntilShown();
    }

    public HistoryPart showHistory() {
        click("tab-history");
        return history().waitUntilShown();
    }

    /**
     * Waits until the database holds the edit labelled {@code edit}: the History tab lists it (the
     * list is read from the database after each autosave, and again on every load of the page, so a
     * save slower than the list's refresh is seen at the next load).
     */
    public void waitUntilSaved(String edit, int seconds) {
        HistoryPart history = showHistory();
        waitUpTo(seconds).pollingEvery(Duration.ofSeconds(2)).withMessage(() -> "the history should list '" + edit + "'")
                .until(d -> {
                    if (history.listed().contains(edit)) {
                        return true;
                    }
                    d.navigate().refresh();
                    grid().waitForRows(60);
                    showHistory();
                    return history.listed().contains(edit);
                });
    }

    // the header

    /** The objective as the header shows it ("L = 4"). */
    public String objective() {
        return text("status");
    }

    public void waitForObjective(String expected) {
        waitUpTo(20).withMessage(() -> "the objective should read " + expected + ", reads " + objective())
                .until(d -> expected.equals(objective()));
    }

    /** Switches the page's language with the header's switch ({@code "en"}, {@code "ko"}). */
    public void switchLanguage(String language) {
        click("lang-" + language);
    }

    /** Whether the switch shows {@code language} as the chosen one. */
    public String languagePressed(String language) {
        return byId("lang-" + language).getAttribute("aria-pressed");
    }

    /** The page's language ({@code <html lang>}). */
    public String lang() {
        return (String) js("return document.documentElement.lang");
    }

    public void waitForLang(String language) {
        waitUpTo(30).withMessage(() -> "the page should be in " + language + ", is in " + lang())
                .until(d -> language.equals(lang()));
    }

    /** Clicks the sheet's title (the keyboard focus leaves the grid). */
    public void clickTitle() {
        driver.findElement(By.tagName("h2")).click();
    }

    // the toolbar

    public void applySgdStep() {
        click("sgd-apply");
    }

    /** What the last SGD step did ("1 step at lr 0.01: L 4 → 2.6896"), empty when nothing is said. */
    public String sgdResult() {
        return firstLine("sgd-result");
    }

    public void waitForSgdResult(String part) {
        waitUpTo(10).withMessage(() -> "the step's result should say '" + part + "': " + sgdResult())
                .until(d -> text("sgd-result").contains(part));
    }

    public void waitForNoSgdResult() {
        waitUpTo(10).withMessage(() -> "the step's result should be gone: " + sgdResult()).until(d -> sgdResult().isEmpty());
    }

    public void undo() {
        click("undo");
    }

    public void redo() {
        click("redo");
    }

    /** The Undo button's own words ("Undo set z = -3"), without its tooltip. */
    public String undoText() {
        return firstLine("undo");
    }

    public String redoText() {
        return firstLine("redo");
    }

    public void waitForUndoText(String expected, int seconds) {
        waitUpTo(seconds).withMessage(() -> "Undo should read '" + expected + "', reads '" + undoText() + "'")
                .until(d -> expected.equals(undoText()));
    }

    /** Waits until the Undo button's words contain {@code part}. */
    public void waitForUndoTextContaining(String part) {
        waitUpTo(20).withMessage(() -> "Undo should mention '" + part + "': " + undoText())
                .until(d -> text("undo").contains(part));
    }

    /** The first line of Undo's rendered text (innerText: what a person reads, also while it is disabled). */
    public String undoShown() {
        return (String) js("const e = document.getElementById('undo'); return e ? e.innerText.split('\\n')[0].trim() : null");
    }

    /** Waits until Undo shows {@code expected} (in whatever language the page is). */
    public void waitForUndoShown(String expected) {
        waitUpTo(60).withMessage(() -> "#undo should read " + expected + ", reads " + undoShown())
                .until(d -> expected.equals(undoShown()));
    }

    public boolean undoDisabled() {
        return isDisabled("undo");
    }

    public void waitUntilUndoEnabled() {
        waitUpTo(20).withMessage("Undo should be enabled").until(d -> !undoDisabled());
    }

    /** Deletes the selected cell with the toolbar's Delete. */
    public void deleteSelected() {
        click("delete");
    }

    /** The message about the last edit of a cell that was refused ("cannot delete q: used by f"). */
    public String cellError() {
        return firstLine("cell-error");
    }

    public void waitForCellError(String expected) {
        waitUpTo(10).withMessage(() -> "the cell message should read '" + expected + "': " + cellError())
                .until(d -> expected.equals(cellError()));
    }

    /**
     * The sheet as the Download link gives it (.sheet text). The link is in the toolbar's "⋯" menu,
     * drawn while the menu is open: it is opened for the link, and closed again.
     */
    public String downloaded() {
        js("document.getElementById('more-menu').closest('vaadin-menu-bar-button').click()");
        awaitShown("download", 10);
        String text = (String) asyncJs("const done = arguments[0]; fetch(document.getElementById('download').href)"
                + ".then(r => r.text()).then(done, e => done('failed: ' + e))");
        press(org.openqa.selenium.Keys.ESCAPE);
        return text;
    }

    // Open (a .sheet file)

    /** Chooses {@code file} with the Open button. */
    public void upload(Path file) {
        fileInput("upload").sendKeys(file.toString());
    }

    /** Lets Open take a file of any size, as an old tab would: the server's limit decides. */
    public void liftUploadLimit() {
        liftUploadLimit("upload");
    }

    /** The messages next to Open, empty when there are none. */
    public String uploadErrors() {
        return firstLine("upload-errors");
    }

    /** All the messages next to Open, or "" when there are none (or no place for them yet). */
    public String uploadErrorsIfAny() {
        return textIfPresent("upload-errors");
    }

    public void waitForUploadError(String part) {
        waitUpTo(20).withMessage(() -> "Open should say '" + part + "': " + uploadErrors())
                .until(d -> uploadErrors().contains(part));
    }

    /** Waits until Open lists no file (a refused file is not left in its list). */
    public void waitUntilNoFileListed() {
        waitUpTo(10).withMessage("Open should list no file").until(d -> filesListed("upload") == 0);
    }

    /** Waits until the browser has left {@code link} for another sheet's. */
    public SheetPage waitForOtherLinkThan(String link, int seconds) {
        waitUpTo(seconds).withMessage("the browser should leave " + link).until(d -> !d.getCurrentUrl().equals(link));
        return this;
    }

    // Examples and the empty sheet's guide

    /** Opens the Examples menu and waits until its item {@code exampleId} is shown. */
    public void openExamples(String exampleId) {
        driver.findElement(By.cssSelector("#examples-menu vaadin-menu-bar-button")).click();
        awaitShown("example-" + exampleId, 10);
    }

    /** Chooses example {@code exampleId} in the open Examples menu. */
    public void chooseExample(String exampleId) {
        click("example-" + exampleId);
    }

    /** Waits until the empty sheet's "start here" guide is shown and answers its text. */
    public String waitForStartGuide() {
        awaitShown("start-guide", 30);
        return firstLine("start-guide");
    }

    public boolean startGuideShown() {
        return byId("start-guide").isDisplayed();
    }

    /** Fills the empty sheet with the guide's first model. */
    public void fillFirstModel() {
        click("start-fill");
    }

    // what the page says by itself

    /** The live region's words for screen readers (visually hidden, so read from the DOM). */
    public String announced() {
        return (String) js("return document.getElementById('live-region').textContent");
    }

    public String announcementPoliteness() {
        return byId("live-region").getAttribute("aria-live");
    }

    public void waitForAnnouncement(String expected) {
        waitUpTo(20).withMessage(() -> "the page should announce '" + expected + "', announces '" + announced() + "'")
                .until(d -> expected.equals(announced()));
    }

    /** The text of the notification shown, or "" when there is none. */
    public String notification() {
        return String.valueOf(js("const c = document.querySelector('vaadin-notification-card'); return c ? c.innerText : '';"));
    }

    public void waitForNotification(String part) {
        waitUpTo(20).withMessage(() -> "a notification should say '" + part + "': " + notification())
                .until(d -> notification().contains(part));
    }

    // the page as a whole

    /** Whether the objective's box is near the top left (the first thing a person reads). */
    public boolean objectiveStandsFirst() {
        return Boolean.TRUE.equals(js("const r = document.getElementById('status').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom < 120 && r.left < 400;"));
    }

    /** How far the page itself scrolls down (its scroll height). */
    public int scrollHeight() {
        return ((Number) js("return document.scrollingElement.scrollHeight")).intValue();
    }

    public int scrollWidth() {
        return ((Number) js("return document.scrollingElement.scrollWidth")).intValue();
    }

    public void scrollToTop() {
        js("window.scrollTo(0, 0)");
    }

    // the page at a glance

    /** Shows the Graph tab. */
    public GraphPart showGraph() {
        click("tab-graph");
        return graph();
    }

    /** The head and the toolbar as laid out (lines, boxes, undo's cut label). */
    public ToolbarPart toolbar() {
        return new ToolbarPart(driver);
    }

    /** The viewport the page is in. */
    public ScreenPart screen() {
        return new ScreenPart(driver);
    }

    /** Every text the page shows. */
    public PageTextPart pageText() {
        return new PageTextPart(driver);
    }
}
