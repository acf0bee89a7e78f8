package dev.gradsheet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers behind the lesson's views: decision picture, activations, MSE vs cross-entropy. */
class LessonViewsTest {
    @Test
    void stepNeuronsDecisionMapIsTheLineX1PlusX2EqualsOne() throws Exception {
        Sheet s = SheetFile.parse(Templates.stepNeuron(), "step").sheet();
        String before = s.cells().toString();
        DecisionMap map = DecisionMap.compute(s, "x1", "x2", "out", 0, 2, 0, 2, 20);
        for (int j = 0; j < 20; j++) {
            for (int i = 0; i < 20; i++) {
                double x = (i + 0.5) / 10;
                double y = (j + 0.5) / 10;
                assertEquals(x + y > 1 ? 1 : 0, map.at(i, j), 0, x + "," + y);
            }
        }
        assertEquals(before, s.cells().toString()); // the probe left the sheet as it was
    }

    @Test
    void decisionMapSpansTheData() throws Exception {
        Sheet s = SheetFile.parse(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 1, 1, -1), "n").sheet();
        DataTable data = BuiltInData.LINE_SEPARATION.table();
        DecisionMap map = DecisionMap.compute(s, "x1", "x2", "p", data, 16);
        assertEquals(256, map.outputs().length);
        assertTrue(map.x0() < 0 && map.x1() > 1.5);
        assertEquals(Activation.SIGMOID.f(1.0 * (map.x0() + (map.x1() - map.x0()) / 32) + 1.0 * (map.y0() + (map.y1() - map.y0()) / 32) - 1),
                map.at(0, 0), 1e-12);
    }

    @Test
    void activationsAndTheirDerivatives() {
        assertEquals(0.25, Activation.SIGMOID.df(0), 0);
        assertEquals(1, Activation.TANH.df(0), 0);
        assertEquals(0, Activation.RELU.df(0), 0);
        assertEquals(1, Activation.RELU.df(2), 0);
        assertEquals(0, Activation.STEP.df(0.3), 0);
        assertEquals(1, Activation.STEP.f(0.3), 0);
        assertTrue(Activation.SIGMOID.df(5) < Activation.SATURATION);
        assertTrue(Activation.SIGMOID.df(4) > Activation.SATURATION);
    }

    @Test
    void saturatedSigmoidCellsAreFlagged() throws Exception {
        Sheet s = SheetFile.parse("z = weight(6)\np = sigmoid(z)\nq = sigmoid(z * 0.1)\n", "s").sheet();
        assertTrue(s.cell("p").orElseThrow().isSaturated());
        assertTrue(!s.cell("q").orElseThrow().isSaturated());
    }

    @Test
    void crossEntropyLearnsFasterThanMseFromASaturatedStart() {
        // a bad start: the neuron says 1 (z = 6) where the answer is 0
        DataTable data = new DataTable(List.of("x1", "x2", "y"), new double[][] {{1, 1, 0}});
        LossComparison c = LossComparison.run(data, 3, 3, 0, TrainingConfig.fullBatch(1, 30, 0.5));
        double a = Activation.SIGMOID.f(6);
        assertEquals(2 * a * a * (1 - a), c.mseStart(), 1e-12); // 2(a − y)·σ′
        assertEquals(a, c.ceStart(), 1e-12);                      // a − y
        // after the same 30 steps the cross-entropy neuron has moved much further toward 0
        double mseOut = c.mse().epochLosses().get(29);
        double ceLoss = c.crossEntropy().epochLosses().get(29);
        assertTrue(Math.exp(-ceLoss) > 1 - Math.sqrt(mseOut), "ce " + ceLoss + " mse " + mseOut);
        assertTrue(c.mse().epochLosses().get(29) > 0.5, "mse barely moved: " + c.mse().epochLosses().get(29));
    }
}
