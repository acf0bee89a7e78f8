package dev.gradsheet.ui.pages;

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cell grid as a person types into it: select a cell's value, type a number at a person's speed
 * and press Enter — the keys going wherever the page sends them, as a person's would.
 */
public final class CellTyping {
    /** JS: the body cell of column {@code arguments[1]} in the row named {@code arguments[0]}, or null. */
    private static final String CELL_JS = """
            const grid = document.getElementById('cells');
            if (!grid || !grid.shadowRoot) return null;
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (tds.length > arguments[1] && tds[0]._content && tds[0]._content.textContent.trim() === arguments[0]) {
                return arguments[2] ? tds[arguments[1]]._content.textContent.trim() : tds[arguments[1]]._content;
              }
            }
            return null;
            """;
    /** JS: whether the row named {@code arguments[0]} is selected. */
    private static final String SELECTED_JS = """
            const grid = document.getElementById('cells');
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              const td = tr.querySelector('td');
              if (!tr.hidden && td && td._content && td._content.textContent.trim() === arguments[0]) {
                return tr.hasAttribute('selected');
              }
            }
            return false;
            """;
    /** The value column among the grid's shown columns (name, formula, kind, value, gradient). */
    public static final int VALUE = 3;

    private final WebDriver browser;

    public CellTyping(WebDriver browser) {
        this.browser = browser;
    }

    /** The text the grid shows in column {@code column} of row {@code name}, or null while it is not drawn. */
    public String shown(String name, int column) {
        return (String) ((JavascriptExecutor) browser).executeScript(CELL_JS, name, column, true);
    }

    /** Clicks the value of row {@code name} and waits until the server has selected the row. */
    public void select(String name) {
        WebElement cell = (WebElement) ((JavascriptExecutor) browser).executeScript(CELL_JS, name, VALUE, false);
        cell.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(name + " is not selected")
                .until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(SELECTED_JS, name)));
    }

    /** Types {@code text} then Enter, {@code perSecond} keys a second, with no wait for the page between keys. */
    public void type(String text, int perSecond) {
        Duration between = Duration.ofMillis(1000 / perSecond);
        Actions keys = new Actions(browser);
        for (char c : text.toCharArray()) {
            keys.sendKeys(String.valueOf(c)).pause(between);
        }
        keys.sendKeys(Keys.ENTER).perform();
    }
}
