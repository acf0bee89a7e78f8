package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One divergence refusal. The SGD button ({@link Sheet#sgdStep}) and a training run's step
 * ({@link TrainingSession#step}) refuse a step that would move a weight to ±∞ with the same typed
 * reason and the same words, and change nothing.
 */
class DivergenceTest {
    /** L = 2w, so ∂L/∂w = 2; at lr 1e308 the step would be 1e300 − 2e308 = −∞. */
    private static final String SHEET = "w = weight(1e300)\nL = w * 2\n";
    private static final String MESSAGE = "SGD diverged: the next step would make w -Infinity (its gradient is 2.0);"
            + " try a smaller learning rate";

    @Test
    void theButtonAndTrainingRefuseWithTheSameReasonAndMessage() {
        Sheet button = Sheets.of(SHEET);
        long version = button.version();
        EditRefusedException fromButton = assertThrows(EditRefusedException.class, () -> button.sgdStep(1e308, 1));
        assertThat(fromButton.reason()).isEqualTo(EditRefusedException.Reason.DIVERGED);
        assertThat(fromButton.getMessage()).isEqualTo(MESSAGE);
        assertThat(button.value("w")).isEqualTo(1e300);
        assertThat(button.version()).isEqualTo(version);

        Sheet trained = Sheets.of(SHEET);
        TrainingSession session = trained.startTraining(List.of());
        double[] meanGradient = new double[1];
        session.batchGradient(new double[][] {{}}, new int[] {0}, 0, 1, meanGradient);
        assertThat(meanGradient[0]).isEqualTo(2.0);
        EditRefusedException fromTraining = assertThrows(EditRefusedException.class, () -> session.step(1e308, meanGradient));
        assertThat(fromTraining.reason()).isEqualTo(EditRefusedException.Reason.DIVERGED);
        assertThat(fromTraining.getMessage()).isEqualTo(fromButton.getMessage());
        assertThat(trained.value("w")).isEqualTo(1e300);
    }

    @Test
    void aLaterStepOfTheButtonSaysHowManyStepsCameBeforeAndPutsThemBack() {
        // ∂L/∂w = 0.5: at lr 1e308 each step moves w by −5e307, so the fourth passes −1.8e308 (Double.MAX_VALUE)
        Sheet s = Sheets.of("w = weight(0)\nL = w * 0.5\n");
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> s.sgdStep(1e308, 10));
        assertThat(e.reason()).isEqualTo(EditRefusedException.Reason.DIVERGED);
        assertThat(e.getMessage()).isEqualTo("SGD diverged after 3 steps: the next step would make w -Infinity"
                + " (its gradient is 0.5); try a smaller learning rate");
        // the particulars a view words in its own language: steps before, weight, value it would get, gradient
        assertThat(e.arguments()).containsExactly("3", "w", "-Infinity", "0.5");
        assertThat(s.value("w")).isEqualTo(0.0);
        assertThat(s.value("L")).isEqualTo(0.0);
        assertThat(s.canUndo()).isFalse();
    }
}
