package dev.gradsheet.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the panel tells a diverged run by the refusal's typed reason, not by its words, and
 * shows the engine's one divergence message — the same one the SGD button and the command line show.
 */
class DivergenceUiTest extends TrainKaribuTestBase {

    @Test
    void aPlainSgdRunThatDivergesIsToldAsStoppedByItselfWithTheEnginesMessage() throws Exception {
        // ∂L/∂w = 0.5: at lr 1e308 each step moves w by −5e307, so the fourth would pass −1.8e308
        TrainingPanel panel = open("w = weight(0)\nL = w * 0.5\n");
        Sheet sheet = panel.shared().sheet();
        TrainingJob run = panel.shared().training().start(() -> TrainingJob.sgd(sheet, 1e308, 10, registry.jobs(),
                TrainingPanel.PUBLISH_MS, TrainingPanel.NOTIFY_MS));
        roundtrip(); // the panel follows the sheet's run
        assertThatThrownBy(() -> run.result().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(EditRefusedException.class)
                .extracting(e -> ((EditRefusedException) e).reason()).isEqualTo(EditRefusedException.Reason.DIVERGED);
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();

        assertThat(panel.error.getText()).isEqualTo("SGD diverged: the next step would make w -Infinity"
                + " (its gradient is 0.5); try a smaller learning rate");
        assertThat(panel.finalLoss.getText()).startsWith("Stopped by itself:");
        assertThat(sheet.value("w")).isFinite().isLessThan(-1e308); // the three finite steps are kept
        assertThat(sheet.undo()).isTrue();
        assertThat(sheet.value("w")).isEqualTo(0.0);
    }
}
