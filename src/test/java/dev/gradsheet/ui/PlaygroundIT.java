package dev.gradsheet.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 in a real browser: the XOR template with the panel's default settings, Play, and the loss
 * read from the page falls below 0.05 within ten seconds; Pause and Reset from the page.
 */
class PlaygroundIT extends BrowserTestBase {

    @Test
    void playOnTheXorTemplateLearnsWithinTenSeconds() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url(""));
        waitForWorkedExample(b);
        String first = b.getCurrentUrl();
        b.findElement(By.id("tab-training")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("templates")).isDisplayed());
        b.findElement(By.id("templates")).click();
        waitFor(b, 20).until(d -> !d.findElements(By.id("template-open")).isEmpty()
                && d.findElement(By.id("template-open")).isDisplayed());
        b.findElement(By.id("template-open")).click(); // the dialog's defaults: MLP 2-4-1 on XOR
        waitFor(b, 30).until(d -> !d.getCurrentUrl().equals(first));
        waitFor(b, 20).until(d -> d.findElement(By.id("data-summary")).getText().contains("M = 4 samples"));
        waitFor(b, 20).until(d -> d.findElement(By.id("train-start")).isDisplayed());

        b.findElement(By.id("train-start")).click(); // Play, default settings
        long clicked = System.nanoTime();
        waitFor(b, 10).withMessage(() -> "status after 10 s: " + b.findElement(By.id("train-status")).getText())
                .until(d -> loss(d) < 0.05);
        double seconds = (System.nanoTime() - clicked) / 1e9;
        assertThat(seconds).isLessThan(10);
        assertThat(b.findElement(By.id("train-stop")).getAttribute("disabled")).isNull(); // still playing
        screenshot(b, "playground-01-xor-playing-1366x768");
        LayoutIT.viewport(b, 800, 1000);
        screenshot(b, "playground-02-xor-playing-800x1000");
        LayoutIT.viewport(b, 1366, 768);

        b.findElement(By.id("train-stop")).click(); // Pause
        waitFor(b, 20).withMessage(() -> "after Pause: " + b.findElement(By.id("final-loss")).getText() + " | "
                        + b.findElement(By.id("train-status")).getText() + " | " + b.findElement(By.id("train-error")).getText())
                .until(d -> d.findElement(By.id("final-loss")).getText().startsWith("Paused at step "));
        assertThat(loss(b)).isLessThan(0.05);
        long paused = TrainingIT.steps(b);
        assertThat(paused).isGreaterThan(100);

        b.findElement(By.id("train-step")).click(); // one batch more
        waitFor(b, 20).until(d -> TrainingIT.steps(d) == paused + 1);

        b.findElement(By.id("train-reset")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("train-status")).getText().equals("step 0 · epoch 0"));
        waitFor(b, 20).until(d -> d.findElement(By.id("undo")).getText().contains("reset"));
        screenshot(b, "playground-03-xor-reset-1366x768");
    }

    @Test
    void networkViewShowsTheLayersAndAClickOnANeuronSelectsItsCell() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        openXorTemplate(b);
        waitFor(b, 20).until(d -> !d.findElements(By.cssSelector("#network circle[data-cell='h1_2']")).isEmpty());
        assertThat(b.findElements(By.cssSelector("#network circle[data-cell]"))).hasSize(7);
        assertThat(b.findElements(By.cssSelector("#network line"))).hasSize(12);
        org.openqa.selenium.WebElement neuron = b.findElement(By.cssSelector("#network circle[data-cell='h1_2']"));
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'center'})", neuron);
        new org.openqa.selenium.interactions.Actions(b).moveToElement(neuron).perform();
        screenshot(b, "playground-04-network-hover-1366x768");
        neuron.click();
        waitFor(b, 20).withMessage(() -> "why: " + b.findElement(By.id("why-title")).getText())
                .until(d -> d.findElement(By.id("why-title")).getText().contains("h1_2"));
        LayoutIT.viewport(b, 800, 1000);
        screenshot(b, "playground-05-network-800x1000");
    }

    /** Opens the start page, then the Templates dialog's default (MLP 2-4-1 on XOR) as a new sheet. */
    void openXorTemplate(WebDriver b) {
        b.get(url(""));
        waitForWorkedExample(b);
        String first = b.getCurrentUrl();
        b.findElement(By.id("tab-training")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("templates")).isDisplayed());
        b.findElement(By.id("templates")).click();
        waitFor(b, 20).until(d -> !d.findElements(By.id("template-open")).isEmpty()
                && d.findElement(By.id("template-open")).isDisplayed());
        b.findElement(By.id("template-open")).click();
        waitFor(b, 30).until(d -> !d.getCurrentUrl().equals(first));
        waitFor(b, 20).until(d -> d.findElement(By.id("data-summary")).getText().contains("M = 4 samples"));
    }

    /** The loss in the status line ("step 12 · epoch 12 · loss 0.0413 · 51234 steps/s"), or +∞ before. */
    static double loss(WebDriver d) {
        String t = d.findElement(By.id("train-status")).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("· loss (\\S+)").matcher(t);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.POSITIVE_INFINITY;
    }
}
