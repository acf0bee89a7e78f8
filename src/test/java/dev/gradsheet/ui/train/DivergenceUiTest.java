package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.TrainingJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The panel tells a diverged run by the refusal's typed reason, not by its words, and
 * shows the engine's one divergence message — the same one the SGD button and the command line show.
 */
class DivergenceUiTest extends TrainKaribuTestBase {

    @Test
    void aPlainSgdRunThatDivergesIsToldAsStoppedByItselfWithTheEnginesMessage() throws Exception {
        // ∂L/∂w = 0.5: at lr 1e308 each step moves w by −5e307, so the fourth would pass −1.8e308
        TrainingPanel panel = open("w = weight(0)\nL = w * 0.5\n");
        Sheet sheet = panel.shared().sheet();
        TrainingJob run = panel.shared().training().start(() -> TrainingJob.sgd(sheet, 1e308, 10, registry.jobs(),
                TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS));
        // follow it as the panel's own Play does: a run this short may be over before the sheet's slot
        // tells the panel about it, and a tab does not follow a run that already ended
        panel.follow(run);
        assertThatThrownBy(() -> run.result().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(EditRefusedException.class)
                .extracting(e -> ((EditRefusedException) e).reason()).isEqualTo(EditRefusedException.Reason.DIVERGED);
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();

        assertThat(panel.error.getText()).isEqualTo("SGD diverged: the next step would make w -Infinity"
                + " (its gradient is 0.5); try a smaller learning rate");
        assertThat(panel.summary.finalLoss.getText()).startsWith("Stopped by itself:");
        assertThat(sheet.value("w")).isFinite().isLessThan(-1e308); // the three finite steps are kept
        assertThat(sheet.undo()).isTrue();
        assertThat(sheet.value("w")).isEqualTo(0.0);
    }

    @Test
    void inKoreanTheSameRunIsToldInKoreanWithTheSameNumbers() throws Exception {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.KOREAN);
        TrainingPanel panel = open("w = weight(0)\nL = w * 0.5\n");
        Sheet sheet = panel.shared().sheet();
        TrainingJob run = panel.shared().training().start(() -> TrainingJob.sgd(sheet, 1e308, 10, registry.jobs(),
                TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS));
        panel.follow(run);
        assertThatThrownBy(() -> run.result().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();

        assertThat(panel.error.getText())
                .isEqualTo("SGD가 발산했습니다: 다음 단계에서 w의 값이 -Infinity이(가) 됩니다(기울기 0.5). 학습률을 더 작게 해 보세요");
        assertThat(panel.summary.finalLoss.getText()).startsWith("SGD가 발산해 학습이 저절로 멈췄습니다.");
    }

    @Test
    void aRefusalAfterSomeStepsOfOneCallIsWordedAsTheEngineWordsIt() {
        // the engine's wording (Divergence.message) for 2 steps before: the panel's English must match it
        EditRefusedException refused = new EditRefusedException(EditRefusedException.Reason.DIVERGED,
                "SGD diverged after 2 steps: the next step would make w -Infinity (its gradient is 1.0E308); try a smaller"
                        + " learning rate", 0, java.util.List.of("2", "w", "-Infinity", "1.0E308"));
        assertThat(TrainingRefusals.text(refused, null)).isEqualTo(refused.getMessage());
        EditRefusedException one = new EditRefusedException(EditRefusedException.Reason.DIVERGED,
                "SGD diverged after 1 step: the next step would make v NaN (its gradient is NaN); try a smaller"
                        + " learning rate", 0, java.util.List.of("1", "v", "NaN", "NaN"));
        assertThat(TrainingRefusals.text(one, null)).isEqualTo(one.getMessage());
    }
}
