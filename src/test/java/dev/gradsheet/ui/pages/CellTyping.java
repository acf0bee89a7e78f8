package dev.gradsheet.ui.pages;

import java.time.Duration;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Typing into the cell grid at a person's pace: select a cell's value, type a number a key at a time
 * with no wait for the page between keys, and press Enter — the keys going wherever the page sends
 * them, as a person's would (on a busy server the cell's editor may not have opened yet).
 */
public final class CellTyping extends PagePart {
    private final GridPart grid;

    public CellTyping(WebDriver driver) {
        super(driver);
        this.grid = new GridPart(driver);
    }

    /**
     * Clicks row {@code name}'s value and waits until the server has selected the row, then types
     * {@code text} and Enter, {@code keysPerSecond} keys a second.
     */
    public void typeValue(String name, String text, int keysPerSecond) {
        grid.click(name, GridPart.VALUE);
        grid.waitUntilSelected(name);
        Duration between = Duration.ofMillis(1000 / keysPerSecond);
        Actions keys = new Actions(driver);
        for (char c : text.toCharArray()) {
            keys.sendKeys(String.valueOf(c)).pause(between);
        }
        keys.sendKeys(Keys.ENTER).perform();
    }
}
