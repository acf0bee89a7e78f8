package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each operation's value and gradient, including the numerically delicate ones. */
class OpsTest {
    @Test
    void reluHasGradientZeroAtZero() {
        Sheet s = Sheets.of("a = weight(0)\nr = relu(a)\n");
        assertEquals(0, s.value("r"), 0);
        assertEquals(0, s.grad("a"), 0);
        s.setValue("a", 2);
        assertEquals(1, s.grad("a"), 0);
        s.setValue("a", -2);
        assertEquals(0, s.value("r"), 0);
    }

    @Test
    void stepDefaultsThetaToZero() {
        Sheet s = Sheets.of("a = input(0.1)\nr = step(a)\n");
        assertEquals(1, s.value("r"), 0);
        s.setValue("a", 0);
        assertEquals(0, s.value("r"), 0);
    }

    @Test
    void sigmoidAndTanhNeverOverflow() {
        Sheet s = Sheets.of("a = input(-800)\np = sigmoid(a)\nh = tanh(a)\nL = sum(p, h)\n");
        assertEquals(0, s.value("p"), 0);
        assertEquals(-1, s.value("h"), 0);
        assertTrue(Double.isFinite(s.grad("a")));
        s.setValue("a", 800);
        assertEquals(1, s.value("p"), 0);
        assertEquals(1, s.value("h"), 0);
        assertEquals(0, s.grad("a"), 0);
    }

    @Test
    void bceOfSigmoidIsComputedInLogitsFormAtPlus800() {
        Sheet s = Sheets.of("z = weight(800)\np = sigmoid(z)\nt = input(0)\nL = bce(p, t)\n");
        assertEquals(800, s.value("L"), 1e-9);
        assertEquals(1, s.grad("z"), 1e-12);
    }

    @Test
    void bceOfSigmoidIsComputedInLogitsFormAtMinus800() {
        Sheet s = Sheets.of("z = weight(-800)\np = sigmoid(z)\nt = input(1)\nL = bce(p, t)\n");
        assertEquals(800, s.value("L"), 1e-9);
        assertEquals(-1, s.grad("z"), 1e-12);
    }

    @Test
    void bceLogitsFormMatchesTheDirectFormWhereBothAreExact() {
        Sheet fused = Sheets.of("z = weight(0.7)\np = sigmoid(z)\nt = input(0.3)\nL = bce(p, t)\n");
        Sheet direct = Sheets.of("p = weight(" + Kernel.sigmoid(0.7) + ")\nt = input(0.3)\nL = bce(p, t)\n");
        assertEquals(direct.value("L"), fused.value("L"), 1e-12);
        assertEquals(direct.grad("p"), fused.grad("p"), 1e-12);
        assertEquals(Kernel.sigmoid(0.7) - 0.3, fused.grad("z"), 1e-12);
    }

    @Test
    void sigmoidUsedByBceAndAnotherCellGetsBothGradients() {
        // p feeds the fused loss and also a second term; z must get both contributions exactly once.
        Sheet s = Sheets.of("z = weight(0.4)\np = sigmoid(z)\nt = input(1)\nb = bce(p, t)\nm = p * p\nL = b + m\n");
        double sig = Kernel.sigmoid(0.4);
        double expected = (sig - 1) + 2 * sig * sig * (1 - sig);
        assertEquals(expected, s.grad("z"), 1e-12);
        assertEquals(Kernel.bceGradP(sig, 1) + 2 * sig, s.grad("p"), 1e-12);
    }

    @Test
    void divExpLogSubNegMeanSum() {
        Sheet s = Sheets.of("""
                a = weight(3)
                b = weight(2)
                d = a / b
                e = exp(b)
                l = log(a)
                n = -a
                m = mean(a, b, d)
                u = sum(d, e, l, n, m, a - b)
                """);
        assertEquals(1.5, s.value("d"), 0);
        assertEquals(Math.exp(2), s.value("e"), 1e-12);
        assertEquals(Math.log(3), s.value("l"), 1e-12);
        assertEquals(-3, s.value("n"), 0);
        assertEquals((3 + 2 + 1.5) / 3, s.value("m"), 1e-12);
        // du/da = 1/b + 1/a - 1 + (1 + 1/b)/3 + 1
        assertEquals(0.5 + 1.0 / 3 - 1 + (1 + 0.5) / 3 + 1, s.grad("a"), 1e-12);
    }

    @Test
    void mseIsSquaredErrorOfOneSample() {
        Sheet s = Sheets.of("p = weight(0.25)\nt = input(1)\nL = mse(p, t)\n");
        assertEquals(0.5625, s.value("L"), 1e-15);
        assertEquals(-1.5, s.grad("p"), 1e-15);
        assertEquals(1.5, s.grad("t"), 1e-15);
    }

    @Test
    void copyAndXTimesXAccumulate() {
        Sheet s = Sheets.of("x = weight(3)\nd = x\nsq = d * d\n");
        assertEquals(9, s.value("sq"), 0);
        assertEquals(6, s.grad("x"), 0);
        assertEquals("copy", s.cell("d").orElseThrow().kind());
    }

    @Test
    void literalsInsideFormulasBecomeConstCells() {
        Sheet s = Sheets.of("x = weight(3)\ny = 2 * x - -1\n");
        assertEquals(7, s.value("y"), 0);
        assertEquals(2, s.grad("x"), 0);
        assertEquals("2 * x - -1", s.cell("y").orElseThrow().formula());
        assertEquals("const", s.cell("y.1").orElseThrow().kind());
    }

    @Test
    void bareNumberIsAnInput() {
        Sheet s = Sheets.of("x = -2\nL = x * x\n");
        assertEquals("input", s.cell("x").orElseThrow().kind());
        assertEquals(-4, s.grad("x"), 0);
    }
}
