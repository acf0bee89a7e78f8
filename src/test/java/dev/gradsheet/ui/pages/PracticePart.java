package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Practice mode: the gradients a teacher hid show "?", a student types an answer beside each, the
 * page marks it ✓ or ✗, keeps the score and gives hints.
 */
public final class PracticePart extends PagePart {
    PracticePart(WebDriver driver) {
        super(driver);
    }

    /** Waits until the Practice tab's page is shown. */
    public PracticePart waitUntilShown() {
        awaitShown("practice", 10);
        return this;
    }

    /** Types {@code text} as the answer for the gradient of {@code cell} and presses Enter. */
    public void answer(String cell, String text) {
        By field = By.cssSelector("#answer-grad-" + cell + " input");
        WebElement input = waitUpTo(20).withMessage("the answer field of " + cell + " should be shown").until(d -> {
            List<WebElement> found = d.findElements(field);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
        scrollToMiddle(input);
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** The mark beside the answer for {@code cell} (✓, ✗), also when scrolled aside; null before one. */
    public String mark(String cell) {
        return textContent("mark-grad-" + cell);
    }

    public void waitForMark(String cell, String mark) {
        waitUpTo(20).withMessage(() -> cell + " should be marked " + mark + ", is " + mark(cell))
                .until(d -> mark.equals(mark(cell)));
    }

    /** The mark's words for a screen reader. */
    public String markLabel(String cell) {
        return byId("mark-grad-" + cell).getAttribute("aria-label");
    }

    public String score() {
        return text("practice-score");
    }

    public void waitForScore(String expected) {
        waitForText("practice-score", expected, 10);
    }

    /** Asks for a hint on the gradient of {@code cell}. */
    public void askHint(String cell) {
        WebElement hint = byId("hint-grad-" + cell);
        scrollToMiddle(hint);
        hint.click();
    }

    public String hint() {
        return text("practice-hint");
    }

    public void waitForHintStartingWith(String start) {
        waitUpTo(10).withMessage(() -> "the hint should start with '" + start + "': " + hint())
                .until(d -> hint().startsWith(start));
    }
}
