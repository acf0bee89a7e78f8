package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.jobs.TrainingJob;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A long "Apply SGD step" request runs as the sheet's background job; limits are refused. */
class LongSgdJobTest extends KaribuTestBase {

    @Test
    void aLongSgdRequestRunsInTheBackgroundWithProgressAndStopAndIsOneUndoableEdit() throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(Generators.text(w -> Generators.mlp(64, 1, w)), "mlp.sheet"));
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        SheetView view = _get(SheetView.class);
        Sheet sheet = shared.sheet();
        assertThat((long) sheet.size() * 10_000).isGreaterThan(SheetPresenter.BACKGROUND_CELL_STEPS);
        String w = sheet.weights().get(0);
        double before = sheet.value(w);
        SgdPanel sgd = view.sgdPanel();
        sgd.steps.setValue(10_000);
        sgd.apply.click(); // returns at once: the request thread does not run 10,000 steps
        TrainingJob job = shared.training().current();
        assertThat(job).isNotNull();
        assertThat(job.plainSteps()).isTrue();
        assertThat(sgd.result.getText()).contains("10000 steps").contains("Data & training");
        await().atMost(30, TimeUnit.SECONDS).until(() -> job.progress().step() >= 3);
        // a second request while it runs is refused: one job per sheet
        sgd.steps.setValue(1);
        sgd.apply.click();
        assertThat(sgd.error.getText()).isEqualTo("this sheet is training; wait for the run to end or stop it");
        job.stop();
        var result = job.result().get(60, TimeUnit.SECONDS);
        assertThat(result.stopped()).isTrue();
        assertThat(result.steps()).isBetween(3, 9_999);
        assertThat(sheet.value(w)).isNotEqualTo(before);
        assertThat(sheet.undoLabel().english()).isEqualTo("10000 SGD steps (lr 0.01), stopped at step " + result.steps());
        assertThat(sheet.undo()).isTrue();
        assertThat(sheet.value(w)).isEqualTo(before);
    }

    @Test
    void stepsBeyondTheServersLimitAreRefusedNextToTheField() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        long version = sheet.version();
        SgdPanel sgd = view.sgdPanel();
        int max = registry.limits().stepsPerClick();
        sgd.steps.setValue(max + 1);
        sgd.apply.click();
        assertThat(sgd.steps.isInvalid()).isTrue();
        assertThat(sgd.steps.getErrorMessage()).isEqualTo("steps must be between 1 and " + max + " (this server's limit per click)");
        assertThat(sheet.version()).isEqualTo(version);
        assertThat(List.of(max)).containsExactly(10_000); // the documented default
    }
}
