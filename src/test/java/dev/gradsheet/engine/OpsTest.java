package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void powDifferentiatesBothArguments() {
        Sheet s = Sheets.of("a = weight(2)\nk = weight(3)\nL = pow(a, k)\n");
        assertEquals(8, s.value("L"), 0);
        assertEquals(12, s.grad("a"), 1e-12); // k·a^(k−1)
        assertEquals(8 * Math.log(2), s.grad("k"), 1e-12); // a^k·ln a
        s.setValue("a", -1.5);
        s.setValue("k", 2);
        assertEquals(2.25, s.value("L"), 0);
        assertEquals(-3, s.grad("a"), 1e-12);
        assertEquals(0, s.grad("k"), 0); // a ≤ 0: no gradient for the exponent
        s.setValue("a", 0);
        s.setValue("k", 0);
        assertEquals(1, s.value("L"), 0);
        assertEquals(0, s.grad("a"), 0); // a^0 is the constant 1, even at a = 0
    }

    @Test
    void sqrtAndAbs() {
        Sheet s = Sheets.of("a = weight(4)\nr = sqrt(a)\nb = weight(-3)\nm = abs(b)\nL = r + m\n");
        assertEquals(2 + 3, s.value("L"), 0);
        assertEquals(0.25, s.grad("a"), 0);
        assertEquals(-1, s.grad("b"), 0);
        s.setValue("b", 0);
        assertEquals(0, s.value("m"), 0);
        assertEquals(0, s.grad("b"), 0); // abs has gradient 0 at 0
        s.setValue("b", 2);
        assertEquals(1, s.grad("b"), 0);
    }

    @Test
    void softplusIsStableForLargeInputs() {
        Sheet s = Sheets.of("a = weight(800)\nL = softplus(a)\n");
        assertEquals(800, s.value("L"), 0);
        assertEquals(1, s.grad("a"), 0);
        s.setValue("a", -800);
        assertEquals(0, s.value("L"), 1e-300);
        assertEquals(0, s.grad("a"), 1e-300);
        s.setValue("a", -30);
        assertEquals(Math.exp(-30), s.value("L"), 1e-13 * Math.exp(-30)); // ln(1 + e^−30) ≈ e^−30, not 0
        s.setValue("a", 0);
        assertEquals(Math.log(2), s.value("L"), 1e-15);
        assertEquals(0.5, s.grad("a"), 0);
    }

    @Test
    void leakyReluDefaultsItsSlopeToOneHundredth() {
        Sheet s = Sheets.of("a = weight(-2)\nL = leaky_relu(a)\n");
        assertEquals(-0.02, s.value("L"), 1e-15);
        assertEquals(0.01, s.grad("a"), 0);
        s.setValue("a", 3);
        assertEquals(3, s.value("L"), 0);
        assertEquals(1, s.grad("a"), 0);
        Sheet sloped = Sheets.of("a = weight(-2)\ns = weight(0.2)\nL = leaky_relu(a, s)\n");
        assertEquals(-0.4, sloped.value("L"), 1e-15);
        assertEquals(0.2, sloped.grad("a"), 0);
        assertEquals(-2, sloped.grad("s"), 0); // the slope learns too where a ≤ 0
        assertEquals("leaky_relu(a, s)", sloped.cell("L").orElseThrow().formula());
    }

    @Test
    void maxAndMinSendTheGradientToTheChosenArgumentAndToTheFirstAtATie() {
        Sheet s = Sheets.of("a = weight(1)\nb = weight(2)\nhi = max(a, b)\nlo = min(a, b)\nL = hi + 10 * lo\n");
        assertEquals(2 + 10, s.value("L"), 0);
        assertEquals(10, s.grad("a"), 0);
        assertEquals(1, s.grad("b"), 0);
        s.setValue("b", 1);
        assertEquals(11, s.grad("a"), 0); // a tie: both max and min pick the first argument
        assertEquals(0, s.grad("b"), 0);
    }

    @Test
    void newFunctionsCheckTheirArgumentCounts() {
        FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse("pow(a)"));
        assertEquals("pow takes 2 arguments, not 1", e.getMessage());
        e = assertThrows(FormulaException.class, () -> FormulaParser.parse("leaky_relu(a, b, c)"));
        assertEquals("leaky_relu takes 1 or 2 arguments, not 3", e.getMessage());
        e = assertThrows(FormulaException.class, () -> FormulaParser.parse("max(a)"));
        assertEquals("max takes 2 arguments, not 1", e.getMessage());
    }
}
