package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lesson item 9, cell by cell: the numbers every layer of GradSheet must reproduce. */
class WorkedExampleTest {
    private static final double EPS = 1e-12;

    @Test
    void forwardValuesAndEveryGradientMatchTheLesson() {
        Sheet s = Sheets.of(Sheets.WORKED);
        assertEquals("L", s.objective());
        assertEquals(3, s.value("q"), EPS);
        assertEquals(-12, s.value("f"), EPS);
        assertEquals(4, s.value("L"), EPS);
        assertEquals(1, s.grad("L"), EPS);
        assertEquals(-4, s.grad("f"), EPS);   // dL/df = 2(f - t)
        assertEquals(4, s.grad("t"), EPS);
        assertEquals(-12, s.grad("z"), EPS);  // dL/df * q
        assertEquals(16, s.grad("q"), EPS);   // dL/df * z
        assertEquals(16, s.grad("x"), EPS);   // + passes the gradient through
        assertEquals(16, s.grad("y"), EPS);
    }

    @Test
    void oneSgdStepAtLr001GivesFMinus1164() {
        Sheet s = Sheets.of(Sheets.WORKED);
        Sheet.StepResult r = s.sgdStep(0.01, 1);
        assertEquals(-3.88, s.value("z"), EPS);
        assertEquals(-11.64, s.value("f"), EPS);
        assertEquals(2.6896, s.value("L"), EPS);
        assertEquals(4, r.objectiveBefore(), EPS);
        assertEquals(2.6896, r.objectiveAfter(), EPS);
        // inputs never move
        assertEquals(-2, s.value("x"), 0);
        assertEquals(5, s.value("y"), 0);
        assertEquals(-10, s.value("t"), 0);
    }

    @Test
    void compoundFormulaShowsEveryOperationAsItsOwnCell() {
        Sheet s = Sheets.of("""
                x = input(-2)
                y = input(5)
                z = weight(-4)
                f = (x + y) * z
                t = input(-10)
                L = mse(f, t)
                """);
        Cell inner = s.cell("f.1").orElseThrow();
        assertEquals("add", inner.kind());
        assertEquals("x + y", inner.formula());
        assertEquals("f", inner.owner());
        assertEquals(3, inner.value(), EPS);
        assertEquals(16, inner.grad(), EPS);
        assertEquals("(x + y) * z", s.cell("f").orElseThrow().formula());
        assertEquals(-12, s.grad("z"), EPS);
        assertEquals(16, s.grad("x"), EPS);
    }

    @Test
    void cs231nSigmoidNeuron() {
        Sheet s = Sheets.of("""
                w0 = weight(2)
                x0 = input(-1)
                w1 = weight(-3)
                x1 = input(-2)
                w2 = weight(-3)
                f = sigmoid(w0 * x0 + w1 * x1 + w2)
                """);
        assertEquals(0.7311, s.value("f"), 1e-4);
        assertEquals(-0.1966, s.grad("w0"), 1e-4);
        assertEquals(0.3932, s.grad("x0"), 1e-4);
        assertEquals(-0.3932, s.grad("w1"), 1e-4);
        assertEquals(-0.5898, s.grad("x1"), 1e-4);
        assertEquals(0.1966, s.grad("w2"), 1e-4);
        // exactly: sigma(1) and sigma'(1)
        double sig = 1 / (1 + Math.exp(-1));
        assertEquals(sig, s.value("f"), EPS);
        assertEquals(-sig * (1 - sig), s.grad("w0"), EPS);
    }

    @Test
    void stepNeuronSeparatesByTheLineXPlusYEqualsOneAndHasZeroGradient() {
        String neuron = """
                x = input(%s)
                y = input(%s)
                w1 = weight(1)
                w2 = weight(1)
                b = weight(0)
                out = step(w1 * x + w2 * y + b, 1)
                """;
        assertEquals(1, Sheets.of(neuron.formatted("1", "0.5")).value("out"), 0);
        assertEquals(0, Sheets.of(neuron.formatted("0.5", "0.25")).value("out"), 0);
        assertEquals(0, Sheets.of(neuron.formatted("0.5", "0.5")).value("out"), 0); // on the line: not > 1
        Sheet s = Sheets.of(neuron.formatted("1", "0.5"));
        assertEquals(0, s.grad("w1"), 0);
        assertEquals(0, s.grad("x"), 0);
    }
}
