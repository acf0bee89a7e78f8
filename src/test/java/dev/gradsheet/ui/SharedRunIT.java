package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.TrainingPart;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        SheetPage a = openSheet(newBrowser(), shared.id());
        SheetPage b = openSheet(newBrowser(), shared.id());
        a.training().waitForSamples(100, 90);
        b.training().waitForSamples(100, 90);
        TrainingPart started = a.training();
        started.setBatch("1");
        started.setEpochs("100000");
        started.play();
        // the other tab: progress moves, Start is disabled, Stop enabled, the loss curve grows
        TrainingPart other = b.training();
        b.waitUntil(30, "the other tab should show more than 2000 steps", () -> other.steps() > 2000);
        long points = other.chart().epochPoints();
        b.waitUntil(30, "the other tab's curve should grow", () -> other.chart().epochPoints() > points + 2);
        assertThat(other.pauseDisabled()).isFalse();
        assertThat(other.playDisabled()).isTrue();
        screenshot(b, "shared-run-01-other-tab-running");
        // Pause from the other tab: the run stops, and both tabs say where it paused
        var run = shared.training().current();
        assertThat(run).isNotNull();
        other.pause();
        assertThat(run.result().get(30, java.util.concurrent.TimeUnit.SECONDS).stopped()).isTrue();
        for (SheetPage tab : List.of(b, a)) {
            tab.training().waitForFinalLoss("Paused at step", 30);
            tab.training().waitUntilPlayEnabled();
        }
        screenshot(a, "shared-run-02-paused-from-the-other-tab");
    }
}
