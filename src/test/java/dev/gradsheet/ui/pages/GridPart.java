package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The grid of cells (a Vaadin grid: its rows live in its shadow root, each cell's content in the
 * light DOM): read a cell's text, select a row, type into a cell as in a spreadsheet, open the
 * formula editor, follow the keyboard focus. Rows are found by the name in their first column; a
 * row the grid has not rendered (scrolled away) reads as null.
 */
public final class GridPart extends PagePart {
    public static final int NAME = 0;
    public static final int FORMULA = 1;
    /** The Kind column: a click there selects the row without editing anything. */
    public static final int KIND = 2;
    public static final int VALUE = 3;
    public static final int GRAD = 4;

    /** JS: the text (or, with {@code arguments[2]}, the element) of column {@code arguments[1]} in row {@code arguments[0]}. */
    static final String CELL_JS = """
            const grid = document.getElementById('cells');
            if (!grid || !grid.shadowRoot) return null;
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (tds.length > arguments[1] && tds[0]._content
                  && tds[0]._content.textContent.trim() === arguments[0]) {
                return arguments[2] ? tds[arguments[1]]._content : tds[arguments[1]]._content.textContent.trim();
              }
            }
            return null;
            """;
    /** JS: whether the grid row named {@code arguments[0]} is selected. */
    static final String SELECTED_JS = """
            const grid = document.getElementById('cells');
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              const td = tr.querySelector('td');
              if (!tr.hidden && td && td._content && td._content.textContent.trim() === arguments[0]) {
                return tr.hasAttribute('selected');
              }
            }
            return false;
            """;
    /** JS: [row name, shown column index] of the focused body cell, or null. */
    private static final String FOCUSED_CELL_JS = """
            const grid = document.getElementById('cells');
            const td = grid && grid.shadowRoot.activeElement;
            if (document.activeElement !== grid || !td || td.tagName !== 'TD'
                || td.parentElement.parentElement.id !== 'items') return null;
            const tds = [...td.parentElement.querySelectorAll('td')].filter(c => !c.hidden);
            return [tds[0]._content.textContent.trim(), tds.indexOf(td)];
            """;
    /** JS: the name in the row holding the keyboard focus, or null. */
    private static final String FOCUSED_ROW_JS = """
            const grid = document.getElementById('cells');
            if (document.activeElement !== grid) return null;
            const td = grid.shadowRoot.activeElement;
            if (!td || !td.parentElement) return null;
            const first = td.parentElement.querySelector('td');
            return first && first._content ? first._content.textContent.trim() : null;
            """;
    /** JS: the focused cell's outline [style, width, colour]. */
    private static final String RING_JS = """
            const td = document.getElementById('cells').shadowRoot.activeElement;
            const s = getComputedStyle(td);
            return [s.outlineStyle, s.outlineWidth, s.outlineColor];
            """;
    /** JS: the header cell of column {@code arguments[0]}, as its content element. */
    private static final String HEADER_JS = """
            const grid = document.getElementById('cells');
            const th = grid.shadowRoot.querySelectorAll('thead tr th')[arguments[0]];
            return th ? th._content || th.querySelector('slot').assignedNodes()[0] : null;
            """;
    /** JS: whether the grid shows at least one row with a name. */
    private static final String ROWS_DRAWN_JS = """
            const grid = document.getElementById('cells');
            if (!grid || !grid.shadowRoot) return false;
            return [...grid.shadowRoot.querySelectorAll('tbody#items tr')].some(tr => {
              const td = tr.querySelector('td');
              return !tr.hidden && td && td._content && td._content.textContent.trim() !== '';
            });
            """;
    private static final By FORMULA_EDITOR = By.cssSelector("#edit-formula input");

    GridPart(WebDriver driver) {
        super(driver);
    }

    /** The text in column {@code column} of row {@code name}, or null while the row is not rendered. */
    public String text(String name, int column) {
        return (String) js(CELL_JS, name, column, false);
    }

    /** The content element of that cell (to click, or to measure). */
    public WebElement cell(String name, int column) {
        return (WebElement) js(CELL_JS, name, column, true);
    }

    /** Waits until the grid shows {@code expected} in column {@code column} of row {@code name}. */
    public void waitFor(String name, int column, String expected, int seconds) {
        waitUpTo(seconds).withMessage(() -> name + "[" + column + "] should be " + expected + " but is "
                + text(name, column)).until(d -> expected.equals(text(name, column)));
    }

    /** Waits until the grid has drawn rows (after a load or a reload of the page). */
    public void waitForRows(int seconds) {
        waitUpTo(seconds).withMessage("the grid should draw its rows").until(d -> Boolean.TRUE.equals(js(ROWS_DRAWN_JS)));
    }

    /** Clicks the cell: on the value it selects the cell for typing, on the Kind or name it selects the row. */
    public void click(String name, int column) {
        cell(name, column).click();
    }

    /** Double-clicks the cell: on a formula or value this opens its editor. */
    public void doubleClick(String name, int column) {
        new Actions(driver).doubleClick(cell(name, column)).perform();
    }

    /**
     * Types {@code text} into the value cell of row {@code name} and presses Enter, as in a
     * spreadsheet: a click selects the cell, typing replaces its content.
     */
    public void editValue(String name, String text) {
        click(name, VALUE);
        waitUntilSelected(name);
        new Actions(driver).sendKeys(text).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    }

    public boolean isSelected(String name) {
        return Boolean.TRUE.equals(js(SELECTED_JS, name));
    }

    public void waitUntilSelected(String name) {
        waitUpTo(20).withMessage(() -> name + "'s row should be selected").until(d -> isSelected(name));
    }

    /** Waits until the formula editor (the field under the grid) is shown and answers its input. */
    public WebElement formulaEditor() {
        return waitUpTo(10).withMessage("the formula editor should open").until(d -> {
            List<WebElement> f = d.findElements(FORMULA_EDITOR);
            return f.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    /** Waits until the formula editor is shown holding {@code formula}, and answers its input. */
    public WebElement formulaEditorHolding(String formula) {
        WebElement input = formulaEditor();
        waitUpTo(10).withMessage(() -> "the formula editor should hold " + formula + ", holds " + input.getAttribute("value"))
                .until(d -> formula.equals(input.getAttribute("value")));
        return input;
    }

    /** Waits until the formula editor is closed. */
    public void waitUntilEditorClosed() {
        waitUpTo(10).withMessage("the formula editor should close").until(d -> !formulaEditorShown());
    }

    /** Whether the formula editor is shown. */
    public boolean formulaEditorShown() {
        return driver.findElements(FORMULA_EDITOR).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Waits until the formula editor is marked invalid and answers the message it shows under the field. */
    public String waitForRefusedFormula() {
        waitUpTo(10).withMessage("the formula editor should be marked invalid")
                .until(d -> byId("edit-formula").getAttribute("invalid") != null);
        return (String) js("return document.getElementById('edit-formula').errorMessage");
    }

    /** The refusal shown next to the editor ("q: …"). */
    public String editError() {
        return text("edit-error");
    }

    /** Clicks the ⇄ in row {@code name}'s Kind cell (input ⇄ weight). */
    public void switchKind(String name) {
        cell(name, KIND).findElement(By.cssSelector("button.gs-kind-switch")).click();
    }

    /** [row name, shown column index] of the focused grid cell, or null when the focus is elsewhere. */
    @SuppressWarnings("unchecked")
    public List<Object> focusedCell() {
        return (List<Object>) js(FOCUSED_CELL_JS);
    }

    /** The name of the row holding the keyboard focus, or null. */
    public String focusedRow() {
        return (String) js(FOCUSED_ROW_JS);
    }

    public void waitForFocusedRow(String name) {
        waitUpTo(10).withMessage(() -> "the keyboard focus should be on " + name + "'s row, is on " + focusedRow())
                .until(d -> name.equals(focusedRow()));
    }

    /** The focused cell's outline: [style, width, colour]. */
    @SuppressWarnings("unchecked")
    public List<String> focusRing() {
        return (List<String>) js(RING_JS);
    }

    /** The header cell of column {@code column}. */
    public WebElement header(int column) {
        return (WebElement) js(HEADER_JS, column);
    }

    /** The grid as a whole. */
    public WebElement element() {
        return byId("cells");
    }

    /** By how many pixels the grid's table scrolls sideways (0 or less: it needs no sideways scrolling). */
    public int sidewaysOverflow() {
        return ((Number) js("const t = arguments[0].$.table; return t.scrollWidth - t.clientWidth", element())).intValue();
    }

    /** Scrolls the grid so that row {@code index} is rendered. */
    public void scrollToIndex(int index) {
        js("document.getElementById('cells').scrollToIndex(arguments[0])", index);
    }

    /** JS: the cells (of the columns arguments[0]) in which a number is broken across lines. */
    private static final String BROKEN_NUMBERS_JS = """
            const grid = document.getElementById('cells');
            const bad = [];
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              for (const col of arguments[0]) {
                const c = tds[col] && tds[col]._content;
                if (!c) continue;
                const chars = [];
                const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < n.length; i++) chars.push([n, i]);
                const text = chars.map(([n, i]) => n.data[i]).join('');
                const numbers = /-?\\d+(\\.\\d+)?(e-?\\d+)?/g;
                let m;
                while ((m = numbers.exec(text))) {
                  const tops = new Set();
                  for (let k = m.index; k < m.index + m[0].length; k++) {
                    const r = document.createRange();
                    r.setStart(chars[k][0], chars[k][1]);
                    r.setEnd(chars[k][0], chars[k][1] + 1);
                    const box = r.getBoundingClientRect();
                    if (box.width > 0) tops.add(Math.round(box.top / 4));
                  }
                  if (tops.size > 1) bad.push(text + ' breaks ' + m[0]);
                }
              }
            }
            return bad;""";

    /** The cells of {@code columns} in which a number is broken across lines, each as "text breaks number". */
    @SuppressWarnings("unchecked")
    public List<String> numbersBrokenAcrossLines(List<Integer> columns) {
        return (List<String>) js(BROKEN_NUMBERS_JS, columns);
    }

    /** Scrolls the grid's table back to its first column. */
    public void scrollSidewaysToStart() {
        js("arguments[0].$.table.scrollLeft = 0", element());
    }

    /** Waits until the grid is shown (it is hidden while training takes its place). */
    public void waitUntilShown() {
        awaitShown("cells", 10);
    }
}
