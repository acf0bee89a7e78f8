package dev.gradsheet.train;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Playground loop keeps its place across calls, and its speed control slows it down. */
class TrainingLoopTest {

    static Sheet mlp() throws Exception {
        return SheetFile.parse(Templates.mlp(2, List.of(4), Activation.TANH, Templates.Loss.CROSS_ENTROPY, false, 3),
                "mlp.sheet").sheet();
    }

    /** Play 10 epochs, Pause, Play 20 more = Play 30 at once: same shuffles, same weights, to the bit. */
    @Test
    void pauseAndPlayGoOnExactlyWhereTheyStopped() throws Exception {
        Sheet once = mlp();
        TrainingLoop a = new TrainingLoop(once, BuiltInData.TWO_MOONS.table(), 7, 5, true, 0.2);
        a.run(0.3, 30, 0, 100, new TrainingLoop.Listener() { }, () -> false);
        Sheet twice = mlp();
        TrainingLoop b = new TrainingLoop(twice, BuiltInData.TWO_MOONS.table(), 7, 5, true, 0.2);
        b.run(0.3, 10, 0, 100, new TrainingLoop.Listener() { }, () -> false);
        b.step(0.3, new TrainingLoop.Listener() { }); // a Step in between counts as one of the batches
        b.run(0.3, 20, 0, 100, new TrainingLoop.Listener() { }, () -> false);
        assertThat(a.trainSize()).isEqualTo(80);
        assertThat(a.stepsPerEpoch()).isEqualTo(12); // ⌈80 / 7⌉
        assertThat(a.steps()).isEqualTo(30 * 12);
        assertThat(b.steps()).isEqualTo(30 * 12);
        assertThat(b.epochs()).isEqualTo(30);
        assertThat(weights(twice)).isEqualTo(weights(once));
    }

    /** Stopped between steps: the outcome says paused, and the loop's counts are the steps taken. */
    @Test
    void stopPausesBetweenSteps() throws Exception {
        Sheet sheet = mlp();
        TrainingLoop loop = new TrainingLoop(sheet, BuiltInData.XOR.table(), 4, 1, false, 0);
        long[] seen = {0};
        TrainingLoop.Outcome o = loop.run(0.5, 0, 0, 100, new TrainingLoop.Listener() {
            @Override
            public void onStep(long step, long epoch, double loss) {
                seen[0] = step;
            }
        }, () -> seen[0] >= 37);
        assertThat(o.paused()).isTrue();
        assertThat(o.steps()).isEqualTo(37);
        assertThat(loop.epochs()).isEqualTo(37); // full batch: one step per epoch
        assertThat(sheet.undoLabel().english()).isEqualTo("train at lr 0.5 (batch 4): 37 steps to epoch 37");
    }

    /**
     * 10 steps per 200 ms screen update: 25 steps wait for the next update after steps 10 and 20, each
     * time until the update 200 ms after the last; at full speed the loop never waits. A clock of the
     * test's own moves only when the loop waits, so nothing here measures time.
     */
    @Test
    void aSpeedOfStepsPerUpdateWaitsForTheNextUpdateAfterThatManySteps() throws Exception {
        List<long[]> waits = new java.util.ArrayList<>(); // {steps taken, deadline}
        TrainingLoop loop = new TrainingLoop(mlp(), BuiltInData.XOR.table(), 4, 1, false, 0);
        loop.useClock(new TrainingLoop.Clock() {
            long now = 1_000;

            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public void sleepUntil(long deadline, java.util.function.BooleanSupplier stop) {
                waits.add(new long[] {loop.steps(), deadline});
                now = deadline;
            }
        });
        TrainingLoop.Outcome o = loop.run(0.5, 25, 10, 200, new TrainingLoop.Listener() { }, () -> false);
        assertThat(o.steps()).isEqualTo(25);
        assertThat(waits).extracting(w -> w[0]).containsExactly(10L, 20L);
        assertThat(waits).extracting(w -> w[1]).containsExactly(1_000 + 200_000_000L, 1_000 + 400_000_000L);
        assertThat(o.seconds()).isEqualTo(0.4);

        waits.clear();
        assertThat(loop.run(0.5, 25, 0, 200, new TrainingLoop.Listener() { }, () -> false).steps()).isEqualTo(25);
        assertThat(waits).isEmpty();
    }

    /** A loss that is not a number from the start is not blamed on the learning rate, and nothing moves. */
    @Test
    void aNonFiniteLossAtTheStartChangesNothing() throws Exception {
        Sheet sheet = SheetFile.parse("x1 = input(0)\nw = weight(1)\nout = log(w * x1)\ny = input(0)\nL = mse(out, y)\n",
                "bad.sheet").sheet();
        TrainingLoop loop = new TrainingLoop(sheet, BuiltInData.NOISY_LINE.table(), 30, 1, false, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loop.step(0.1, new TrainingLoop.Listener() { }))
                .isInstanceOf(TrainingLoop.Diverged.class)
                .hasMessageStartingWith("training did not start: the loss is NaN on the first batch");
        assertThat(sheet.value("w")).isEqualTo(1.0);
        assertThat(loop.steps()).isZero();
    }

    private static Map<String, Double> weights(Sheet sheet) {
        return sheet.weights().stream().collect(Collectors.toMap(w -> w, sheet::value));
    }

    /**
     * A step that would move a weight to ±∞ stops the run with the engine's one divergence
     * message (the one the SGD button shows), told where the run stopped.
     */
    @Test
    void aWeightThatWouldOverflowStopsTheRunWithTheEnginesMessage() throws Exception {
        Sheet sheet = SheetFile.parse("x1 = input(2)\nw = weight(1e300)\nL = w * x1\n", "big.sheet").sheet();
        TrainingLoop loop = new TrainingLoop(sheet, new dev.gradsheet.sheet.DataTable(List.of("x1"), new double[][] {{2}}),
                1, 1, false, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loop.step(1e308, new TrainingLoop.Listener() { }))
                .isInstanceOf(TrainingLoop.Diverged.class)
                .hasMessage("SGD diverged: the next step would make w -Infinity (its gradient is 2.0); try a smaller"
                        + " learning rate (training stopped at step 1; the weights of step 0 are kept)");
        assertThat(sheet.value("w")).isEqualTo(1e300);
    }
}
