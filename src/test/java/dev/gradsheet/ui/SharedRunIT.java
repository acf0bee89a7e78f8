package dev.gradsheet.ui;

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
 * Issue 8 item 10 in Chromium: a training run belongs to the sheet. Two tabs (two browsers, two
 * sessions) on one link: the run started in one shows its progress, loss curve and Stop (Start
 * disabled) in the other.
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
        // Stopping from the other tab is covered by the Karibu test (TrainingPanelTest
        // everyTabOnTheLinkShowsTheRunAndCanStopIt); here the run is stopped on the server.
        var run = shared.training().current();
        assertThat(run).isNotNull();
        run.stop();
        assertThat(run.result().get(30, java.util.concurrent.TimeUnit.SECONDS).stopped()).isTrue();
    }
}
