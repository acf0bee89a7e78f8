package dev.gradsheet.ui.train;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.ui.common.PageVisibility;
import dev.gradsheet.ui.common.TabAccess;
import dev.gradsheet.ui.frames.Tab;
import dev.gradsheet.ui.i18n.GradSheetI18N;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The training panel on a server busy with a class: the readout says when the tab gets fewer updates,
 * a hidden tab is not redrawn until it is shown, and a run that paused because nobody watched it is
 * found paused, with its state and why, when the sheet is opened again.
 */
class ClassAtOnceUiTest extends TrainKaribuTestBase {
    /** The XOR template with the dialog's defaults (2-4-1 sigmoid, cross-entropy, seed 1). */
    private TrainingPanel xorTemplate() throws Exception {
        open(Examples.WORKED.text());
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.open();
        dialog.open.click();
        roundtrip();
        TrainingPanel panel = _get(TrainingPanel.class);
        assertThat(panel.shared().data()).isEqualTo(BuiltInData.XOR.table());
        return panel;
    }

    private static Tab tab() {
        return TabAccess.existing(UI.getCurrent()).orElseThrow();
    }

    /** Frames of this tab took {@code ms} each from being due to being on the page, {@code n} times. */
    private static void framesTook(long ms, int n) {
        for (int i = 0; i < n; i++) {
            tab().pace().record(TimeUnit.MILLISECONDS.toNanos(ms));
        }
    }

    @Test
    void theReadoutSaysWhenTheTabGetsFewerUpdatesBecauseTheServerIsBusy() throws Exception {
        TrainingPanel panel = xorTemplate();
        assertThat(panel.readout.busy.isVisible()).isFalse();
        framesTook(600, 4);
        assertThat(panel.readout.busy.isVisible()).isTrue();
        assertThat(panel.readout.busy.getText()).isEqualTo("showing fewer updates: the server is busy");
        assertThat(tab().pace().intervalMs()).isGreaterThan(1000);
        framesTook(10, 12);
        assertThat(panel.readout.busy.isVisible()).isFalse();
    }

    @Test
    void theBusyNoteIsKorean() throws Exception {
        UI.getCurrent().setLocale(GradSheetI18N.KOREAN);
        TrainingPanel panel = xorTemplate();
        framesTook(600, 4);
        assertThat(panel.readout.busy.isVisible()).isTrue();
        assertThat(panel.readout.busy.getText()).isEqualTo("서버가 바빠서 화면을 덜 자주 고칩니다");
    }

    @Test
    void aHiddenTabIsNotRedrawnUntilItIsShownAgain() throws Exception {
        TrainingPanel panel = xorTemplate();
        var before = panel.heatmap.map();
        assertThat(before).isNotNull();
        _get(PageVisibility.class).report(true); // the browser hid the tab
        assertThat(tab().isShown()).isFalse();
        panel.transport.stepOnce.click(); // the weights move: the pictures are stale
        roundtrip();
        assertThat(panel.heatmap.map()).as("not redrawn while hidden").isSameAs(before);
        _get(PageVisibility.class).report(false);
        roundtrip();
        assertThat(panel.heatmap.map()).isNotSameAs(before);
        assertThat(panel.heatmap.map().outputs()).isNotEqualTo(before.outputs());
    }

    @Test
    void aRunNobodyWatchedIsFoundPausedWithItsStateAndWhyReadyToPlayOn() throws Exception {
        TrainingPanel panel = xorTemplate();
        SharedSheet shared = panel.shared();
        panel.transport.start.click(); // until paused
        TrainingJob run = panel.job();
        await().atMost(30, TimeUnit.SECONDS).until(() -> run.progress().step() > 100);
        UI.getCurrent().navigate("lesson/losses"); // the only tab leaves the sheet
        roundtrip();
        run.pauseUnwatched(); // what the registry does once no tab has shown it for gradsheet.train.unwatched-pause
        run.result().get(30, TimeUnit.SECONDS);
        long step = shared.training().play().loop().steps();
        long epoch = shared.training().play().loop().epochs();

        TrainingPanel reopened = open(shared);
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            roundtrip();
            assertThat(reopened.summary.finalLoss.getText()).startsWith("Paused by itself at step " + step
                    + " (epoch " + epoch + "): nobody had this sheet open.").contains("Play goes on from here");
        });
        assertThat(reopened.readout.status.getText()).startsWith("step " + step + " · epoch " + epoch + " · loss ");
        assertThat(reopened.curve.chart.series("loss per step").points()).isNotEmpty();
        assertThat(reopened.transport.start.isEnabled()).isTrue();
        reopened.transport.start.click();
        TrainingJob again = reopened.job();
        assertThat(again).isNotSameAs(run);
        await().atMost(30, TimeUnit.SECONDS).until(() -> again.progress().step() > step);
        reopened.transport.stop.click();
        reopened.finished().get(30, TimeUnit.SECONDS);
    }
}
