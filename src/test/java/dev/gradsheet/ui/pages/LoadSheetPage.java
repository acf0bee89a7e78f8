package dev.gradsheet.ui.pages;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The sheet page as a load-test student works it in Chromium: open a sheet, edit a value in the
 * grid, press SGD, build an MLP from the Templates dialog, Play and Pause, and at the end read the
 * numbers on screen and download the sheet. The grid, the training readout and the Download link
 * are read through {@link SheetPage}'s parts; what only a load student does (the Templates dialog's
 * data choice, the editor's text before Enter, rows as text) is here, with ids the page has had for
 * long, so it works the code before this work too.
 */
public final class LoadSheetPage {
    /** JS: every rendered grid row as [name, value, gradient]. */
    static final String ROWS_JS = """
            const grid = document.getElementById('cells');
            const rows = [];
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (tds.length > 4 && tds[0]._content && tds[0]._content.textContent.trim()) {
                rows.push([0, 3, 4].map(i => tds[i]._content.textContent.trim()));
              }
            }
            return rows;
            """;
    /** JS: the value of the focused input (through shadow roots), or null when no input has the focus. */
    static final String FOCUSED_INPUT_JS = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            return a instanceof HTMLInputElement ? a.value : null;
            """;
    public static final int NAME = GridPart.NAME;
    public static final int VALUE = GridPart.VALUE;
    public static final int GRAD = GridPart.GRAD;

    private final LoadBrowser browser;
    private final SheetPage sheet;

    public LoadSheetPage(LoadBrowser browser) {
        this.browser = browser;
        this.sheet = new SheetPage(browser.driver());
    }

    public LoadBrowser browser() {
        return browser;
    }

    /** Opens {@code url} and waits (a first visit may wait for a cold server) until the grid shows {@code cell}. */
    public void open(String url, String cell) {
        browser.driver().get(url);
        browser.waitFor(120, "the grid showing " + cell, d -> cell(cell, NAME) != null);
    }

    /** The sheet's id from the page's address. */
    public String sheetId() {
        String url = browser.driver().getCurrentUrl();
        int at = url.indexOf("/sheet/");
        return at < 0 ? null : url.substring(at + "/sheet/".length()).replaceAll("[?#].*", "");
    }

    /** The text in a grid cell, or null while its row is not rendered. */
    public String cell(String name, int column) {
        return sheet.grid().text(name, column);
    }

    /**
     * Opens the editor on {@code name}'s value (click, then F2: the content kept), replaces what it
     * holds with {@code text} and checks the field holds exactly that; Enter is left to the caller
     * (see {@link #enter()}), so its moment can be measured.
     */
    public void typeValue(String name, String text) {
        selectValue(name);
        new Actions(browser.driver()).sendKeys(Keys.F2).perform();
        browser.waitFor(30, "the editor open on " + name, d -> browser.js(FOCUSED_INPUT_JS) != null);
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
        browser.waitFor(30, "the editor holding " + text, d -> text.equals(browser.js(FOCUSED_INPUT_JS)));
    }

    /**
     * Clicks {@code name}'s value cell until its row is selected: the grid re-renders its rows when
     * another tab on the same sheet changes it, and a click can land on a row moved in between.
     */
    private void selectValue(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement cell = sheet.grid().cell(name, VALUE);
                browser.js("arguments[0].scrollIntoView({block: 'center'})", cell);
                cell.click();
                browser.waitFor(10, name + " selected", d -> sheet.grid().isSelected(name));
                return;
            } catch (WebDriverException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Presses Enter where the keyboard is. */
    public void enter() {
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    }

    /** Edits {@code name}'s value to {@code text} and waits until the grid shows it. */
    public void editValue(String name, String text) {
        typeValue(name, text);
        enter();
        browser.waitFor(60, name + " showing " + text, d -> text.equals(cell(name, VALUE)));
    }

    /**
     * Edits {@code name}'s value on a sheet others edit too, and waits until the grid shows the text
     * typed or any other value than before: another tab's edit or SGD step may change the value
     * right after this one, so the text typed need not stay on screen.
     */
    public void editSharedValue(String name, String text) {
        String before = cell(name, VALUE);
        typeValue(name, text);
        enter();
        browser.waitFor(60, name + " showing " + text + " or a later value", d -> {
            String now = cell(name, VALUE);
            return text.equals(now) || now != null && !now.equals(before);
        });
    }

    public void click(String id) {
        browser.driver().findElement(By.id(id)).click();
    }

    public String text(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    public boolean enabled(String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("disabled") == null;
    }

    /**
     * Builds an MLP from the training tab's Templates dialog: hidden layers {@code hidden} on the
     * built-in data labelled {@code dataLabel} (the dialog's default is XOR), opened as a new sheet.
     */
    public void openTemplate(String hidden, String dataLabel) {
        String before = browser.driver().getCurrentUrl();
        click("tab-training");
        browser.waitFor(30, "the Templates button", d -> d.findElement(By.id("templates")).isDisplayed());
        click("templates");
        browser.waitFor(30, "the Templates dialog", d -> !d.findElements(By.id("template-open")).isEmpty()
                && d.findElement(By.id("template-open")).isDisplayed());
        WebElement hiddenInput = browser.driver().findElement(By.cssSelector("#template-hidden input"));
        clickInView(hiddenInput);
        hiddenInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), hidden);
        if (dataLabel != null) {
            WebElement data = browser.driver().findElement(By.cssSelector("#template-data input"));
            clickInView(data);
            data.sendKeys(Keys.chord(Keys.CONTROL, "a"), dataLabel);
            browser.waitFor(30, "the data choices", d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
            data.sendKeys(Keys.ENTER);
            browser.waitFor(30, dataLabel + " chosen", d -> d.findElement(By.cssSelector("#template-data input")).getDomProperty("value").startsWith(dataLabel));
        }
        clickInView(browser.driver().findElement(By.id("template-open")));
        browser.waitFor(60, "the template's sheet", d -> !d.getCurrentUrl().equals(before));
        browser.waitFor(60, "the Play button", d -> d.findElement(By.id("train-start")).isDisplayed());
    }

    /**
     * As the sheet's owner, lets anyone with the link edit (a new sheet's link is view-only for
     * other browsers, where the page has owners at all), for group work.
     */
    public void letOthersEdit() {
        List<WebElement> mode = browser.driver().findElements(By.id("link-mode"));
        if (mode.isEmpty() || !mode.get(0).isDisplayed()) {
            return;
        }
        mode.get(0).click();
        WebElement edit = browser.waitFor(30, "the link's choices", d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals("Link: anyone can edit")).findFirst().orElse(null));
        edit.click();
        browser.waitFor(30, "the link open to editing", d -> d.findElement(By.id("link-mode")).getText().contains("anyone can edit"));
    }

    /** Clicks {@code element} once scrolled to the middle of its scrolling parent (a dialog's fields may be below its fold). */
    private void clickInView(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Whether the training panel says the run is paused (or Play is offered again). */
    public boolean paused() {
        return text("final-loss").startsWith("Paused") || enabled("train-start") && !enabled("train-stop");
    }

    /** The step count the training readout shows, 0 before any. */
    public long steps() {
        return sheet.training().steps();
    }

    /** The rendered grid rows as [name, value, gradient] texts. */
    @SuppressWarnings("unchecked")
    public List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        for (Object row : (List<Object>) browser.js(ROWS_JS)) {
            out.add(((List<Object>) row).stream().map(String::valueOf).toList());
        }
        return out;
    }

    /** The sheet's text from the Download link. */
    public String download() {
        return sheet.downloaded();
    }
}
