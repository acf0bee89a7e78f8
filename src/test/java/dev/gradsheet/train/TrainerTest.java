package dev.gradsheet.train;

import dev.gradsheet.engine.Activation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Mini-batch SGD: what it learns, that it is exactly the textbook loop, and how it stops. */
class TrainerTest {
    private static final String LINEAR = "x1 = input(0)\nw = weight(0.3)\nb = weight(-0.1)\nyhat = w * x1 + b\n"
            + "y = input(0)\nL = mse(yhat, y)\n";

    private static Sheet sheet(String text) throws Exception {
        return SheetFile.parse(text, "t.sheet").sheet();
    }

    private static DataTable line(int samples) {
        double[][] rows = new double[samples][];
        for (int i = 0; i < samples; i++) {
            double x = -1 + 0.37 * i;
            rows[i] = new double[] {x, 3 * x - 0.5 + 0.1 * Math.sin(7 * i)};
        }
        return new DataTable(List.of("x1", "y"), rows);
    }

    /** The textbook loop, by hand: batches in table order, mean gradient, w ← w − lr·mean. */
    private static double[] reference(DataTable data, int batch, int epochs, double lr) {
        double w = 0.3;
        double b = -0.1;
        for (int e = 0; e < epochs; e++) {
            for (int from = 0; from < data.size(); from += batch) {
                int to = Math.min(data.size(), from + batch);
                double gw = 0;
                double gb = 0;
                for (int r = from; r < to; r++) {
                    double err = 2 * (w * data.get(r, 0) + b - data.get(r, 1));
                    gw += err * data.get(r, 0);
                    gb += err;
                }
                w -= lr * gw / (to - from);
                b -= lr * gb / (to - from);
            }
        }
        return new double[] {w, b};
    }

    @Test
    void xorIsLearnedByASigmoidMlpWithCrossEntropy() throws Exception {
        Sheet s = sheet(Templates.mlp(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1));
        DataTable xor = BuiltInData.XOR.table();
        Trainer.Result r = new Trainer(s, xor, new TrainingConfig(4, 2000, 1.0, 1, true)).run();
        assertTrue(r.finalLoss() < 0.05, "final loss " + r.finalLoss());
        assertTrue(r.epochLosses().get(0) > 0.5);
        var probe = s.probe(List.of("x1", "x2"), "out");
        double[] out = probe.outputs(List.of(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}, new double[] {1, 1}));
        assertTrue(out[0] < 0.1 && out[1] > 0.9 && out[2] > 0.9 && out[3] < 0.1, java.util.Arrays.toString(out));
    }

    @Test
    void fullBatchTrainingEqualsThePlainReferenceLoop() throws Exception {
        Sheet s = sheet(LINEAR);
        DataTable data = line(10);
        new Trainer(s, data, TrainingConfig.fullBatch(10, 50, 0.05)).run();
        double[] expected = reference(data, 10, 50, 0.05);
        assertEquals(expected[0], s.value("w"), 1e-9);
        assertEquals(expected[1], s.value("b"), 1e-9);
    }

    @Test
    void miniBatchesOfThreeOutOfTenMakeFourStepsTheLastOfOneSample() throws Exception {
        Sheet s = sheet(LINEAR);
        DataTable data = line(10);
        TrainingConfig config = new TrainingConfig(3, 7, 0.05, 0, false);
        assertEquals(4, config.stepsPerEpoch(10));
        AtomicInteger steps = new AtomicInteger();
        List<Integer> epochs = new ArrayList<>();
        Trainer.Result r = new Trainer(s, data, config).run(new Trainer.Listener() {
            @Override
            public void onStep(int step, int epoch, double loss, double speed) {
                steps.incrementAndGet();
            }

            @Override
            public void onEpoch(int epoch, double loss) {
                epochs.add(epoch);
            }
        }, () -> false);
        assertEquals(28, r.steps());
        assertEquals(28, steps.get());
        assertEquals(7, r.epochLosses().size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), epochs);
        double[] expected = reference(data, 3, 7, 0.05); // batches 3, 3, 3, 1
        assertEquals(expected[0], s.value("w"), 1e-9);
        assertEquals(expected[1], s.value("b"), 1e-9);
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentShuffle() throws Exception {
        DataTable data = line(10);
        double[] first = run(data, 5);
        double[] again = run(data, 5);
        double[] other = run(data, 6);
        assertEquals(first[0], again[0], 0);
        assertEquals(first[1], again[1], 0);
        assertNotEquals(first[0], other[0]);
    }

    private static double[] run(DataTable data, long seed) throws Exception {
        Sheet s = sheet(LINEAR);
        Trainer.Result r = new Trainer(s, data, new TrainingConfig(2, 3, 0.05, seed, true)).run();
        assertEquals(15, r.steps());
        return new double[] {s.value("w"), s.value("b")};
    }

    @Test
    void trainingIsOneUndoableEdit() throws Exception {
        Sheet s = sheet(LINEAR);
        String before = s.cells().toString();
        new Trainer(s, line(10), new TrainingConfig(3, 5, 0.05, 2, true)).run();
        assertNotEquals(before, s.cells().toString());
        assertTrue(s.undoLabel().english().startsWith("train 5 epochs"));
        s.undo();
        assertEquals(before, s.cells().toString());
        assertFalse(s.canUndo());
    }

    @Test
    void stoppingHalfwayLeavesAConsistentUndoableSheet() throws Exception {
        Sheet s = sheet(LINEAR);
        String before = s.cells().toString();
        AtomicInteger polls = new AtomicInteger();
        Trainer.Result r = new Trainer(s, line(10), new TrainingConfig(1, 100, 0.01, 3, true))
                .run(new Trainer.Listener() { }, () -> polls.incrementAndGet() > 37);
        assertTrue(r.stopped());
        assertEquals(37, r.steps());
        // consistent: the sheet equals itself saved and reloaded (every value recomputed from scratch)
        Sheet reloaded = sheet(SheetFile.format(s, ""));
        assertEquals(reloaded.cells(), s.cells());
        assertTrue(s.undoLabel().english().contains("stopped at step 37"), s.undoLabel().english());
        s.undo();
        assertEquals(before, s.cells().toString());
    }

    /** A loss that blows up stops the run by the Playground's rule, in its words; the run stays undoable. */
    @Test
    void divergingTrainingStopsWithAMessageAndStaysUndoable() throws Exception {
        Sheet s = sheet(LINEAR);
        String before = s.cells().toString();
        TrainingLoop.Diverged e = assertThrows(TrainingLoop.Diverged.class,
                () -> new Trainer(s, line(10), TrainingConfig.fullBatch(10, 5000, 1e3)).run());
        assertTrue(e.getMessage().startsWith("training stopped: the loss blew up from "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (the learning rate is too large). Lower it."), e.getMessage());
        s.undo();
        assertEquals(before, s.cells().toString());
    }

    /** A step that would make a weight infinite is refused in the engine's one wording, undoable too. */
    @Test
    void aWeightThatWouldOverflowStopsTheRunWithTheEnginesRefusal() throws Exception {
        Sheet s = sheet("x1 = input(2)\nw = weight(1e300)\nL = w * x1\n");
        String before = s.cells().toString();
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> new Trainer(s,
                new DataTable(List.of("x1"), new double[][] {{2}}), TrainingConfig.fullBatch(1, 5, 1e308)).run());
        assertTrue(e.getMessage().startsWith("SGD diverged: the next step would make "), e.getMessage());
        assertEquals(EditRefusedException.Reason.DIVERGED, e.reason());
        s.undo();
        assertEquals(before, s.cells().toString());
    }

    @Test
    void progressIsPublishedToObserversWhileTraining() throws Exception {
        Sheet s = sheet(LINEAR);
        List<String> labels = new ArrayList<>();
        s.changes().subscribe(c -> labels.add(c.label().english()));
        new Trainer(s, line(10), new TrainingConfig(1, 3000, 0.001, 1, true)).publishEvery(1).run();
        assertTrue(labels.size() >= 2, labels.toString());
        assertTrue(labels.get(labels.size() - 1).startsWith("train 3000 epochs"));
    }

    @Test
    void stepNeuronCannotLearnItsGradientIsZero() throws Exception {
        Sheet s = sheet(Templates.stepNeuron());
        String weights = s.weights().stream().map(w -> w + "=" + s.value(w)).toList().toString();
        Trainer.Result r = new Trainer(s, BuiltInData.LINE_SEPARATION.table(), new TrainingConfig(8, 3, 0.5, 1, true)).run();
        assertEquals(weights, s.weights().stream().map(w -> w + "=" + s.value(w)).toList().toString());
        r.batchGradient().values().forEach(g -> assertEquals(0, g, 0));
    }
}
