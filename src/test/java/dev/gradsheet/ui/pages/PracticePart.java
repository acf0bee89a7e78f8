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

    /** JS: the grid's rows as [name, gradient shown] pairs. */
    private static final String GRADIENTS_JS = """
            const grid = document.getElementById('cells');
            const out = [];
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (!tds.length || !tds[0]._content) continue;
              out.push([tds[0]._content.textContent.trim(), tds[arguments[0]]._content.textContent.trim()]);
            }
            return out;""";
    /** JS: the grid's header cells whose words are wider than the cell. */
    private static final String CUT_HEADERS_JS = """
            const grid = document.getElementById('cells');
            const out = [];
            for (const th of grid.shadowRoot.querySelectorAll('thead tr th')) {
              if (th.hidden || !th._content || th.offsetWidth === 0) continue;
              const range = document.createRange();
              range.selectNodeContents(th._content);
              const text = range.getBoundingClientRect();
              const cell = th.getBoundingClientRect();
              if (text.width > 0 && (text.right > cell.right + 1 || text.left < cell.left - 1)) out.push(th._content.textContent.trim());
            }
            return out;""";

    /** Ticks Practice and waits for the score. */
    public PracticePart tickPractice() {
        click("practice");
        awaitShown("practice-score", 20);
        return this;
    }

    /** The label over "Cells asked" (a label, not a placeholder). */
    public String cellsAskedLabel() {
        return (String) js("const l = document.getElementById('practice-cells-list').querySelector('label');"
                + " return l ? l.textContent.trim() : null");
    }

    /** Ticks {@code cells} in "Cells asked", clicking each in its list, then leaves the list. */
    public void ask(List<String> cells) {
        for (String cell : cells) {
            WebElement input = driver.findElement(By.cssSelector("#practice-cells-list input"));
            input.click();
            input.sendKeys(cell);
            WebElement item = waitUpTo(10).withMessage("the list should offer " + cell)
                    .until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                            .filter(i -> i.isDisplayed() && cell.equals(i.getText().trim())).findFirst().orElse(null));
            item.click();
            input.sendKeys(Keys.ESCAPE);
        }
        click("practice-score"); // away from the list, which closes it
    }

    /** The answer field of the gradient of {@code cell}, once shown. */
    public WebElement answerField(String cell) {
        return awaitShown("answer-grad-" + cell, 20);
    }

    /** The Hint button beside the answer about {@code cell}. */
    public WebElement hintButton(String cell) {
        return byId("hint-grad-" + cell);
    }

    /** The names of the rows whose gradient shows as "?", in the grid's order (rows drawn only). */
    @SuppressWarnings("unchecked")
    public List<String> hidden() {
        return ((List<List<String>>) js(GRADIENTS_JS, GridPart.GRAD)).stream().filter(r -> "?".equals(r.get(1)))
                .map(r -> r.get(0)).toList();
    }

    /** The grid's headers that show less than their words (cut). */
    @SuppressWarnings("unchecked")
    public List<String> cutHeaders() {
        return (List<String>) js(CUT_HEADERS_JS);
    }
}
