package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: a training run belongs to the sheet. Two tabs (two browsers, two
 * sessions) on one link: the run started in one shows its progress, loss curve and Pause (Play
 * disabled) in the other, and Pause pressed there stops it in both.
 */
class SharedRunIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    @Test
    void aRunStartedInOneTabIsShownInAnother() throws Exception {
        String text = Templates.mlp(2, List.of(8), Activation.TANH, Templates.Loss.CROSS_ENTROPY, true, 1);
        var loaded = SheetFile.parse(text, "moons.sheet");
        SharedSheet shared = registry.create(new SheetFile.Loaded(loaded.sheet(), loaded.description(),
                BuiltInData.TWO_MOONS.table()));
        WebDriver a = newBrowser();
        WebDriver b = newBrowser();
        a.get(url("sheet/" + shared.id()));
        b.get(url("sheet/" + shared.id()));
        waitFor(a, 90).until(d -> d.findElement(By.id("data-summary")).getText().contains("M = 100 samples"));
        waitFor(b, 90).until(d -> d.findElement(By.id("data-summary")).getText().contains("M = 100 samples"));
        TrainingIT.type(a, "train-batch", "1");
        TrainingIT.type(a, "train-epochs", "100000");
        a.findElement(By.id("train-start")).click();
        // the other tab: progress moves, Start is disabled, Stop enabled, the loss curve grows
        waitFor(b, 30).until(d -> TrainingIT.steps(d) > 2000);
        AtomicReference<Long> points = new AtomicReference<>(TrainingIT.epochPoints(b));
        waitFor(b, 30).until(d -> TrainingIT.epochPoints(d) > points.get() + 2);
        // (a vaadin-button is disabled by its attribute; Selenium's isEnabled only knows form controls)
        assertThat(b.findElement(By.id("train-stop")).getAttribute("disabled")).isNull();
        assertThat(b.findElement(By.id("train-start")).getAttribute("disabled")).isNotNull();
        screenshot(b, "shared-run-01-other-tab-running");
        // Pause from the other tab: the run stops, and both tabs say where it paused
        var run = shared.training().current();
        assertThat(run).isNotNull();
        clickWhenStill(b, "train-stop");
        assertThat(run.result().get(30, java.util.concurrent.TimeUnit.SECONDS).stopped()).isTrue();
        for (WebDriver tab : List.of(b, a)) {
            AtomicReference<String> shown = new AtomicReference<>();
            waitFor(tab, 30).withMessage(() -> "final-loss reads: " + shown.get()).until(d -> {
                shown.set(d.findElement(By.id("final-loss")).getText());
                return shown.get().startsWith("Paused at step");
            });
            waitFor(tab, 30).until(d -> d.findElement(By.id("train-start")).getAttribute("disabled") == null);
        }
        screenshot(a, "shared-run-02-paused-from-the-other-tab");
    }
}
