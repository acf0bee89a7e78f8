package dev.gradsheet.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims ({@code @expect}, {@code @tolerance}), the tolerance rule and practice settings in .sheet files. */
class ClaimsTest {
    static final String WORKED = Examples.WORKED.text();

    @Test
    void toleranceRuleAtItsEdges() {
        // |computed - claimed| <= tol * max(1, |claimed|): numbers chosen to be exact in binary.
        assertTrue(Expectation.holds(6, 4, 0.5));          // 2 <= 0.5 * 4 exactly at the edge
        assertFalse(Expectation.holds(6.000001, 4, 0.5));  // just beyond
        assertTrue(Expectation.holds(2, 4, 0.5));
        assertFalse(Expectation.holds(1.999999, 4, 0.5));
        assertTrue(Expectation.holds(0.75, 0.5, 0.25));    // |claimed| < 1: absolute, 0.25 * 1
        assertFalse(Expectation.holds(0.75, 0.5, 0.125));  // 0.125 * max(1, 0.5) = 0.125 < 0.25
        assertTrue(Expectation.holds(0.25, 0, 0.25));      // a claim of 0 can hold
        assertFalse(Expectation.holds(0.2500001, 0, 0.25));
        assertTrue(Expectation.holds(-12, -12, 0));        // tolerance 0: exact only
        assertFalse(Expectation.holds(Math.nextUp(-12.0), -12, 0));
        assertFalse(Expectation.holds(Double.NaN, 0, 1));
        assertFalse(Expectation.holds(Double.POSITIVE_INFINITY, 1, 1e9));
        // The default 1e-3 accepts a hand-rounded answer: sigma(1) = 0.7310585... written 0.7311.
        assertTrue(Expectation.holds(0.7310585786300049, 0.7311, Expectation.DEFAULT_TOLERANCE));
        assertFalse(Expectation.holds(0.7310585786300049, 0.7321, Expectation.DEFAULT_TOLERANCE));
        assertTrue(Expectation.holds(1001, 1000, Expectation.DEFAULT_TOLERANCE));
        assertFalse(Expectation.holds(1001.5, 1000, Expectation.DEFAULT_TOLERANCE));
    }

    @Test
    void workedExampleClaimsAreReadAndChecked() throws Exception {
        SheetFile.Loaded loaded = SheetFile.parse(WORKED + """
                @expect z.grad = -12
                @expect x.grad = 16
                @expect f = -12
                @expect q.value = 3
                @expect y.grad = 15.9
                """, "w.sheet");
        Claims claims = loaded.claims();
        assertEquals(5, claims.expectations().size());
        Expectation z = claims.expectations().get(0);
        assertEquals("z", z.cell());
        assertEquals(Expectation.Quantity.GRAD, z.quantity());
        assertEquals(-12, z.claimed(), 0);
        assertEquals(11, z.line());
        assertEquals(9, z.column());
        assertEquals(Expectation.Quantity.VALUE, claims.find("q").quantity());
        List<Expectation.Result> results = claims.check(loaded.sheet());
        assertEquals(List.of(true, true, true, true, false), results.stream().map(Expectation.Result::holds).toList());
        assertEquals(16, results.get(4).computed(), 0);
        assertEquals(15.9, results.get(4).expectation().claimed(), 0);
        // 16 vs 15.9 holds at a looser tolerance, set per file or per run.
        assertTrue(claims.check(loaded.sheet(), 0.01).get(4).holds());
        SheetFile.Loaded loose = SheetFile.parse(WORKED + "@tolerance = 0.01\n@expect y.grad = 15.9\n", "w.sheet");
        assertEquals(0.01, loose.claims().tolerance(), 0);
        assertTrue(loose.claims().check(loose.sheet()).get(0).holds());
    }

    @Test
    void claimsMayNameGeneratedCells() throws Exception {
        SheetFile.Loaded loaded = SheetFile.parse("""
                x = input(-2)
                y = input(5)
                z = weight(-4)
                f = (x + y) * z
                L = mse(f, -10)
                @expect f.1.grad = 16
                @expect f.1 = 3
                @expect L.1 = -10
                """, "g.sheet");
        assertEquals(List.of(true, true, true),
                loaded.claims().check(loaded.sheet()).stream().map(Expectation.Result::holds).toList());
        assertEquals("f.1", loaded.claims().expectations().get(0).cell());
    }

    @Test
    void aClaimAboutAMissingCellIsAnErrorAtItsLineAndColumn() {
        SheetFormatException e = assertThrows(SheetFormatException.class,
                () -> SheetFile.parse(WORKED + "@expect  w.grad = 1\n@expect f.7 = 2\n", "hw.sheet"));
        assertEquals(List.of("hw.sheet:11:10: @expect names no cell: 'w'", "hw.sheet:12:9: @expect names no cell: 'f.7'"),
                e.lines());
    }

    @Test
    void badClaimLinesAreErrors() {
        SheetFormatException e = assertThrows(SheetFormatException.class, () -> SheetFile.parse(WORKED + """
                @expect z.grad = twelve
                @expect = 3
                @tolerance = -1
                @expect x.grad = 16
                @expect x.grad = 17
                @practice = everything
                """, "hw.sheet"));
        assertEquals(List.of(
                "hw.sheet:11:18: @expect z.grad: 'twelve' is not a number",
                "hw.sheet:12:9: @expect needs a cell: '@expect z.grad = -12' or '@expect f = -12'",
                "hw.sheet:13:14: @tolerance must be a number >= 0, not '-1'",
                "hw.sheet:15:9: a second claim about x.grad (first on line 14)",
                "hw.sheet:16:13: @practice must be 'gradients' or 'values', optionally followed by 'of' and cell"
                        + " names ('gradients of q, f'), not 'everything'"), e.lines());
    }

    @Test
    void claimsToleranceAndPracticeSurviveSaveAndLoad(@TempDir Path dir) throws Exception {
        SheetFile.Loaded first = SheetFile.parse(WORKED + """
                @tolerance = 0.005
                @practice = values of q, f
                @expect f.grad = -4
                @expect x.grad = 16.01
                """, "a.sheet");
        assertEquals(new Practice(Practice.Hide.VALUES, List.of("q", "f")), first.practice());
        Path file = dir.resolve("saved.sheet");
        SheetFile.write(first, file);
        SheetFile.Loaded second = SheetFile.read(file);
        assertEquals(first.sheet().cells(), second.sheet().cells());
        assertEquals(first.description(), second.description());
        assertEquals(first.claims().fileTolerance(), second.claims().fileTolerance(), 0);
        assertEquals(first.practice(), second.practice());
        // Line numbers differ (the saved file puts settings first), the claims themselves do not.
        assertEquals(List.of("@expect f.grad = -4", "@expect x.grad = 16.01"),
                second.claims().expectations().stream().map(Expectation::toLine).toList());
        String saved = java.nio.file.Files.readString(file);
        assertTrue(saved.startsWith("# f = (x + y) * z against target t (lesson item 9)\n"), saved);
        assertTrue(saved.contains("\n@tolerance = 0.005\n@practice = values of q, f\nx = input(-2)\n"), saved);
        assertEquals(saved, SheetFile.format(second.sheet(), second.description(), second.data(), second.claims(),
                second.practice()));
    }

    @Test
    void claimsAreEditedByTarget() {
        Claims c = Claims.NONE.with(new Expectation("z", Expectation.Quantity.GRAD, -12))
                .with(new Expectation("f", Expectation.Quantity.VALUE, -12))
                .with(new Expectation("z", Expectation.Quantity.GRAD, -11));
        assertEquals(List.of("@expect z.grad = -11", "@expect f = -12"),
                c.expectations().stream().map(Expectation::toLine).toList());
        assertNull(c.without("z.grad").find("z.grad"));
        assertEquals(Expectation.DEFAULT_TOLERANCE, c.tolerance(), 0);
        assertEquals(0.5, c.withTolerance(0.5).tolerance(), 0);
    }

    @Test
    void practiceHidesEveryGradientButTheObjectives() throws Exception {
        SheetFile.Loaded loaded = SheetFile.parse(WORKED + "@practice = gradients\n", "p.sheet");
        Practice p = loaded.practice();
        var sheet = loaded.sheet();
        // the homework's numbers: inputs' and weights' gradients too (dL/dz, dL/dx), all but dL/dL = 1
        for (String asked : List.of("x", "y", "z", "q", "f", "t")) {
            assertTrue(p.hidesGrad(sheet.cell(asked).orElseThrow(), "L"), asked);
        }
        assertFalse(p.hidesGrad(sheet.cell("L").orElseThrow(), "L"));
        assertFalse(p.hidesValue(sheet.cell("q").orElseThrow()));
        assertFalse(Practice.OFF.hidesGrad(sheet.cell("q").orElseThrow(), "L"));
        // values too: the computed cells' values, never the given inputs' and weights'
        Practice values = Practice.parse("values");
        assertTrue(values.hidesValue(sheet.cell("q").orElseThrow()));
        assertFalse(values.hidesValue(sheet.cell("z").orElseThrow()));
        assertFalse(values.hidesValue(sheet.cell("x").orElseThrow()));
        // chosen cells: exactly those, the objective too when chosen
        Practice chosen = Practice.parse("gradients of z, L");
        assertTrue(chosen.hidesGrad(sheet.cell("L").orElseThrow(), "L"));
        assertFalse(chosen.hidesGrad(sheet.cell("q").orElseThrow(), "L"));
    }
}
