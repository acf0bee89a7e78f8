package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Generators;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Backpropagation agrees with central finite differences on generated sheets. */
class FiniteDifferenceTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomDagsAgreeWithFiniteDifferences(long seed) {
        Sheet s = Sheets.of(Generators.text(w -> Generators.randomDag(60, 6, seed, w)));
        GradientCheck check = GradientCheck.run(s);
        assertEquals(s.size(), check.entries().size());
        assertTrue(check.worstError() < 1e-5, () -> "worst " + check.worstError() + " at " + check.worstCell());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void randomFormulasWithEveryOperationAgree(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            text.append("a").append(i).append(" = weight(").append(0.2 + r.nextDouble()).append(")\n");
        }
        String[] ops = {"%s + %s", "%s - %s", "%s * %s", "%s / (1 + %s * %s)", "exp(%s) * %s",
            "log(1 + %s * %s)", "tanh(%s) - %s", "sigmoid(%s) * %s", "mean(%s, %s, 2)", "sum(%s, %s) * 0.5"};
        int n = 4;
        for (int i = 0; i < 30; i++) {
            String op = ops[r.nextInt(ops.length)];
            Object[] args = new Object[3];
            for (int k = 0; k < 3; k++) {
                args[k] = "a" + Math.max(0, n - 1 - r.nextInt(Math.min(n, 5)));
            }
            text.append("a").append(n++).append(" = ").append(String.format(op, args)).append('\n');
        }
        text.append("p = sigmoid(a").append(n - 1).append(" - a").append(n - 2).append(")\n");
        text.append("t = input(0.3)\nL = bce(p, t) + mse(a").append(n - 3).append(", 1) * 0.01\n");
        Sheet s = Sheets.of(text.toString());
        GradientCheck check = GradientCheck.run(s);
        assertTrue(check.worstError() < 1e-5, () -> "worst " + check.worstError() + " at " + check.worstCell()
                + "\n" + text);
    }

    @Test
    void smallMlpAgrees() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.mlp(3, 42, w)));
        GradientCheck check = GradientCheck.run(s);
        assertTrue(check.worstError() < 1e-5, () -> "worst " + check.worstError() + " at " + check.worstCell());
    }

    @Test
    void checkLeavesTheSheetAsItWas() {
        Sheet s = Sheets.of("z = weight(0.3)\np = sigmoid(z)\nt = input(1)\nL = bce(p, t)\n");
        String before = s.cells().toString();
        long version = s.version();
        GradientCheck.run(s);
        assertEquals(before, s.cells().toString());
        assertEquals(version, s.version());
    }
}
