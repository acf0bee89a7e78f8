package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A student practises the CS231n neuron's gradients in real Chromium: one answer wrong. */
class PracticeIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    static void answer(WebDriver b, String cell, String text) {
        WebElement input = waitFor(b, 20).until(d -> {
            var found = d.findElements(By.cssSelector("#answer-grad-" + cell + " input"));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", input);
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    static String mark(WebDriver b, String cell) {
        var found = b.findElements(By.id("mark-grad-" + cell));
        return found.isEmpty() ? null : found.get(0).getDomProperty("textContent"); // also when scrolled aside
    }

    @Test
    void studentTypesTheNeuronsGradientsAndSeesTicksAndACross() throws Exception {
        // The teacher's practice sheet: the neuron with the gradients of its inputs and weights hidden.
        SharedSheet sheet = registry.create(SheetFile.parse(Examples.byId("cs231n-neuron").text()
                + "@practice = gradients of w0, x0, w1, x1, w2\n", "neuron.sheet"));
        WebDriver b = newBrowser();
        b.get(url("sheet/" + sheet.id()));
        waitForCell(b, "w0", GRAD, "?", 90);
        assertThat(cell(b, "x1", GRAD)).isEqualTo("?");
        assertThat(cell(b, "f", VALUE)).isEqualTo("0.731059");
        assertThat(b.findElement(By.id("practice-score")).getText()).isEqualTo("Score: 0 of 5 right");

        answer(b, "w0", "-0.1966");
        answer(b, "x0", "0.3932");
        answer(b, "w1", "-0.3932");
        answer(b, "x1", "0.5898"); // the sign is wrong: dx1 = w1·σ' = -0.5898
        answer(b, "w2", "0.1966");
        for (String right : new String[] {"w0", "x0", "w1", "w2"}) {
            waitFor(b, 20).withMessage(() -> right + " should be ticked, is " + mark(b, right))
                    .until(d -> "✓".equals(mark(d, right)));
        }
        waitFor(b, 20).withMessage(() -> "x1 should be crossed, is " + mark(b, "x1")).until(d -> "✗".equals(mark(d, "x1")));
        waitFor(b, 10).until(d -> d.findElement(By.id("practice-score")).getText().equals("Score: 4 of 5 right"));

        screenshot(b, "practice-answers");
        WebElement hint = b.findElement(By.id("hint-grad-x1"));
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", hint);
        hint.click();
        waitFor(b, 10).until(d -> d.findElement(By.id("practice-hint")).getText()
                .startsWith("Hint 1 of 3 for the gradient of x1: x1 feeds f.2: × multiplies it by the other input."));
        screenshot(b, "practice-neuron");
        assertThat(sheet.claims().expectations()).hasSize(5);
    }
}
