package dev.gradsheet.junit;

import static dev.gradsheet.junit.SheetAssertions.assertGradient;
import static dev.gradsheet.junit.SheetAssertions.assertValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradsheet.api.GradSheet;
import dev.gradsheet.api.Node;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The homework assertions: the tolerance rule of @expect claims and failure messages that teach. */
class SheetAssertionsTest {
    private static GradSheet worked() throws Exception {
        return GradSheet.of(SheetFile.parse("""
                x = input(-2)
                y = input(5)
                z = weight(-4)
                q = x + y
                f = q * z
                t = input(-10)
                L = mse(f, t)
                """, "worked.sheet").sheet());
    }

    @Test
    void rightAnswersPass() throws Exception {
        GradSheet s = worked();
        assertGradient(s, "z", -12);
        assertGradient(s, "x", 16);
        assertGradient(s.node("y"), 16);
        assertValue(s, "L", 4);
        assertValue(s.node("f"), -12);
        assertGradient(s.sheet(), "f", -4);
        assertValue(s.sheet(), "q", 3);
    }

    @Test
    void aWrongGradientFailsWithTheChainRuleAndBothNumbers() throws Exception {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertGradient(worked(), "z", -11));
        assertEquals("""
                gradient of z: computed -12, claimed -11 (off by 1; allowed 0.011 = 0.001 · max(1, |-11|))
                  dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12
                  f = q * z: × multiplies it by the other input""", e.getMessage());
        assertEquals(-11.0, e.getExpected().getValue());
        assertEquals(-12.0, e.getActual().getValue());
    }

    @Test
    void aWrongGradientOfACellWithSeveralUsersShowsEveryTerm() throws Exception {
        Sheet s = SheetFile.parse("""
                x = input(3)
                a = x * x
                b = x + a
                """, "two-paths.sheet").sheet();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertGradient(s, "x", 6));
        assertEquals("""
                gradient of x: computed 7, claimed 6 (off by 1; allowed 0.006 = 0.001 · max(1, |6|))
                  db/dx = db/da · ∂a/∂x + db/db · ∂b/∂x = (1)·(6) + (1)·(1) = 7
                  a = x * x: × multiplies it by the other input
                  b = x + a: + passes the gradient through unchanged""", e.getMessage());
    }

    @Test
    void aWrongValueFailsWithTheFormulaAndItsArguments() throws Exception {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertValue(worked(), "f", -10));
        assertEquals("""
                value of f: computed -12, claimed -10 (off by 2; allowed 0.01 = 0.001 · max(1, |-10|))
                  f = q * z with q = 3, z = -4""", e.getMessage());
        AssertionFailedError weight = assertThrows(AssertionFailedError.class,
                () -> assertValue(worked(), "z", 4));
        assertEquals("  z = weight(-4)", weight.getMessage().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void theToleranceIsRelativeAboveOneAndAbsoluteBelow() throws Exception {
        GradSheet s = worked();
        assertGradient(s.sheet(), "z", -12.012, 1e-3);  // |diff| 0.012 ≤ 0.001 · 12.012
        assertThrows(AssertionFailedError.class, () -> assertGradient(s.sheet(), "z", -12.0125, 1e-3));
        // The allowance scales with the claim, not the computed number: 0.012 > 0.001 · 11.988.
        assertThrows(AssertionFailedError.class, () -> assertGradient(s.sheet(), "z", -11.988, 1e-3));
        Node tiny = s.input("tiny", 0.0009);
        assertValue(tiny, 0);                          // 0.0009 ≤ 0.001 · max(1, 0)
        tiny.set(0.0011);
        assertThrows(AssertionFailedError.class, () -> assertValue(tiny, 0));
        s.sheet().setValue("tiny", 0.7310585786);
        assertValue(tiny, 0.7311);                     // a hand-rounded answer holds
        assertValue(s.sheet(), "tiny", 0.73, 0.01);    // with a looser tolerance
    }

    @Test
    void anUnknownCellFailsNamingTheCellsThereAre() throws Exception {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertGradient(worked(), "w", 1));
        assertEquals("no cell named 'w'; the sheet has x, y, z, q, f, t, L", e.getMessage());
    }
}
