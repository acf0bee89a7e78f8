package dev.gradsheet.junit;

import static dev.gradsheet.junit.SheetAssertions.assertClaims;
import static dev.gradsheet.junit.SheetAssertions.assertGradient;
import static dev.gradsheet.junit.SheetAssertions.assertValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.api.GradSheet;
import dev.gradsheet.api.Node;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The homework assertions: the tolerance rule of @expect claims and failure messages that teach. */
class SheetAssertionsTest {
    private static GradSheet worked() {
        return GradSheet.of(Examples.WORKED.load().sheet()); // lesson item 9, as the app ships it
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

    private static final String STUDENT = """
            # Homework: the worked example by hand
            x = input(-2)
            y = input(5)
            z = weight(-4)
            f = (x + y) * z
            t = input(-10)
            L = mse(f, t)
            @expect f = -12
            @expect L = 4
            @expect f.1.grad = 16
            @expect x.grad = 16.004
            """;

    @Test
    void aStudentsSheetWithRightClaimsPassesInOneCall(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("alice.sheet"), STUDENT + "@expect z.grad = -12\n");
        List<Expectation.Result> results = assertClaims(file);
        assertEquals(5, results.size());
        assertEquals(List.of(-12.0, 4.0, 16.0, 16.0, -12.0), results.stream().map(Expectation.Result::computed).toList());
        // 16.004 holds with the default 1e-3 (allowed 0.016004), not with a tolerance of 1e-4
        AssertionFailedError strict = assertThrows(AssertionFailedError.class, () -> assertClaims(file, 1e-4));
        assertTrue(strict.getMessage().startsWith(file + ": 1 of 5 claims do not hold\n" + file
                + ":11:9: @expect x.grad = 16.004\n  gradient of x: computed 16, claimed 16.004"), strict.getMessage());
    }

    @Test
    void wrongClaimsAreListedWithWhereTheyAreAndTheChainRule(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bob.sheet"), STUDENT + "@expect z.grad = 12\n@expect q = 3\n"
                .replace("@expect q = 3", "@tolerance = 0.01"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertClaims(file));
        assertEquals(file + ": 1 of 5 claims do not hold\n"
                + file + ":12:9: @expect z.grad = 12\n"
                + "  gradient of z: computed -12, claimed 12 (off by 24; allowed 0.12 = 0.01 · max(1, |12|))\n"
                + "    dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12\n"
                + "    f = (x + y) * z: × multiplies it by the other input", e.getMessage());
    }

    @Test
    void anUnreadableSheetOrOneWithoutClaimsFails(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.sheet"), "x = input(1)\n@expect w.grad = 1\n");
        assertEquals(broken + " cannot be read:\n" + broken + ":2:9: @expect names no cell: 'w'",
                assertThrows(AssertionFailedError.class, () -> assertClaims(broken)).getMessage());
        Path none = Files.writeString(dir.resolve("none.sheet"), "x = input(1)\n");
        assertEquals(none + " makes no @expect claims: nothing to check (add lines such as '@expect z.grad = -12')",
                assertThrows(AssertionFailedError.class, () -> assertClaims(none)).getMessage());
    }

    @Test
    void claimsAddedInJavaAreCheckedAndSaved() throws Exception {
        GradSheet s = worked();
        s.expect("z.grad", -12).expect("f", -12);
        assertEquals(2, assertClaims(s).size());
        s.expect("z.grad", -11);
        assertTrue(assertThrows(AssertionFailedError.class, () -> assertClaims(s)).getMessage()
                .startsWith("the sheet: 1 of 2 claims do not hold\nthe sheet: @expect z.grad = -11\n"));
        assertTrue(s.toText().endsWith("@expect z.grad = -11\n@expect f = -12\n"), s.toText());
        assertEquals(2, GradSheet.parse(s.toText(), "again.sheet").claims().expectations().size());
    }
}
