package dev.gradsheet.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Sheet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .sheet format: reading, writing, round trips and every kind of bad input. */
class SheetFileTest {
    private static List<String> problems(String text) {
        SheetFormatException e = assertThrows(SheetFormatException.class, () -> SheetFile.parse(text, "bad.sheet"));
        return e.lines();
    }

    @Test
    void workedExampleFromTheIssueReads() throws Exception {
        SheetFile.Loaded loaded = Examples.WORKED.load();
        Sheet s = loaded.sheet();
        assertEquals(4, s.value("L"), 0);
        assertEquals(-12, s.grad("z"), 0);
        assertTrue(loaded.description().startsWith("f = (x + y) * z against target t (lesson item 9)"));
    }

    @Test
    void everyExampleReads() {
        for (Examples.Example e : Examples.ALL) {
            assertTrue(e.load().sheet().size() > 0, e.id());
        }
    }

    @Test
    void namesMayBeUsedBeforeTheLineThatDefinesThem() throws Exception {
        Sheet s = SheetFile.parse("L = mse(f, t)\nf = q * z\nq = x + y\nx = -2\ny = 5\nz = weight(-4)\nt = -10\n@objective = L\n",
                "any-order.sheet").sheet();
        assertEquals(4, s.value("L"), 0);
        assertEquals(-12, s.grad("z"), 0);
    }

    @Test
    void commentsBlankLinesSettingsAndCrLf() throws Exception {
        Sheet s = SheetFile.parse("# title\r\n\r\n@lr = 0.5\r\nx = input(3)   # the input\r\n\r\ny = x * x\r\n", "s").sheet();
        assertEquals(0.5, s.learningRate(), 0);
        assertEquals(9, s.value("y"), 0);
    }

    @Test
    void savingThenLoadingGivesTheSameSheet() throws Exception {
        String text = """
                # a description
                # on two lines
                @lr = 0.05
                @objective = L
                x = input(-2)
                y = 5
                z = weight(-4.000000000000001)
                f = (x + y) * z - -1 / (2 * y)
                g = sigmoid(f) + tanh(f) - relu(-f) + step(f, 0.5) + exp(-f * 0.01) + log(y)
                t = input(1e-9)
                L = mse(f, t) + bce(sigmoid(g), 0.5) + mean(x, y, z) + sum(f, g)
                after = L * 2
                """;
        SheetFile.Loaded first = SheetFile.parse(text, "a.sheet");
        String saved = SheetFile.format(first.sheet(), first.description());
        SheetFile.Loaded second = SheetFile.parse(saved, "b.sheet");
        assertEquals(first.sheet().cells(), second.sheet().cells());
        assertEquals(first.description(), second.description());
        assertEquals(saved, SheetFile.format(second.sheet(), second.description()));
        assertEquals("L", second.sheet().objective());
        assertEquals(0.05, second.sheet().learningRate(), 0);
    }

    @Test
    void afterEditsTheSavedSheetReloadsTheSame() throws Exception {
        Sheet s = Examples.WORKED.load().sheet();
        s.sgdStep(0.01, 3);
        s.addCell("extra", "(L + 1) * -2");
        s.rename("q", "sum_xy");
        String text = SheetFile.format(s, "");
        assertTrue(text.contains("@objective = L\n"), text); // extra was added last, L stays the objective
        Sheet back = SheetFile.parse(text, "x").sheet();
        assertEquals(s.cells(), back.cells());
        assertEquals("L", back.objective());
    }

    @Test
    void aFileWithoutObjectiveTakesItsLastCellOnceAndIsSavedWithIt() throws Exception {
        Sheet s = SheetFile.parse("x = input(2)\nw = weight(3)\np = w * x\n", "no-objective.sheet").sheet();
        assertEquals("p", s.objective());
        s.addCell("later", "p + 1");
        assertEquals("p", s.objective());
        assertTrue(SheetFile.format(s, null).startsWith("@objective = p\n"), SheetFile.format(s, null));
    }

    @Test
    void writesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.sheet");
        Sheet s = Examples.WORKED.load().sheet();
        SheetFile.write(s, "desc", file);
        SheetFile.write(s, "desc", file); // replacing works too
        assertEquals(s.cells(), SheetFile.read(file).sheet().cells());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // no temporary files left behind
        }
    }

    @Test
    void syntaxErrorsPointAtLineAndColumn() {
        assertEquals(List.of("bad.sheet:2:8: formula ends where a value was expected"), problems("x = 1\ny = x +\n"));
        assertEquals(List.of("bad.sheet:1:1: expected 'name = formula'"), problems("what is this\n"));
        assertEquals(List.of("bad.sheet:1:7: unexpected ')'"), problems("y = 1 )\n"));
        assertEquals(List.of("bad.sheet:1:7: missing ')'"), problems("y = (1\n"));
    }

    @Test
    void unknownNamesDuplicatesAndCycles() {
        assertEquals(List.of("bad.sheet:2:9: unknown name 'zz'"), problems("x = 1\ny = x + zz\n"));
        assertEquals(List.of("bad.sheet:2:1: duplicate name 'x' (first defined on line 1)"), problems("x = 1\nx = 2\n"));
        List<String> cycle = problems("a = b + 1\nb = c * 2\nc = a\n");
        assertEquals(1, cycle.size());
        assertTrue(cycle.get(0).startsWith("bad.sheet:"), cycle.get(0));
        assertTrue(cycle.get(0).contains("cycle: ") && cycle.get(0).contains("a") && cycle.get(0).contains("b")
                && cycle.get(0).contains("c"), cycle.get(0));
    }

    @Test
    void badArgumentsFunctionsAndNumbers() {
        assertEquals(List.of("bad.sheet:2:5: mse takes 2 arguments, not 3"), problems("x = 1\ny = mse(x, x, x)\n"));
        assertEquals(List.of("bad.sheet:1:5: unknown function 'soft'"), problems("y = soft(1)\n"));
        assertEquals(List.of("bad.sheet:1:11: bad number '1.5.2'"), problems("y = input(1.5.2)\n"));
        assertEquals(List.of("bad.sheet:1:5: bad number '12abc'"), problems("y = 12abc\n"));
        assertEquals(List.of("bad.sheet:1:11: input(...) takes a number"), problems("y = input(x)\n"));
        assertEquals(List.of("bad.sheet:1:1: '1y' is not a valid name: use letters, digits and _, not starting with a digit (at most 200 characters)"),
                problems("1y = 2\n"));
        assertEquals(List.of("bad.sheet:1:7: @lr must be a positive number, not '-1'"), problems("@lr = -1\n"));
        assertEquals(List.of("bad.sheet:1:1: unknown setting '@speed' (known: @lr, @objective, @tolerance, @practice, @expect, @data, @row)"), problems("@speed = 3\n"));
        assertEquals(List.of("bad.sheet:2:14: unknown objective 'nope'"), problems("x = 1\n@objective = nope\n"));
    }

    @Test
    void everyProblemIsReportedInLineOrder() {
        List<String> all = problems("a = (\nb = 1\nb = 2\nc = zz\n");
        assertEquals(3, all.size());
        assertTrue(all.get(0).startsWith("bad.sheet:1:"));
        assertTrue(all.get(1).startsWith("bad.sheet:3:"));
        assertTrue(all.get(2).startsWith("bad.sheet:4:"));
    }

    @Test
    void absurdlyDeepNesting() {
        List<String> p = problems("y = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).matches("bad\\.sheet:1:\\d+: formula nested deeper than 100 levels"), p.get(0));
    }

    @Test
    void absurdlyLongChainsOfOperators() throws Exception {
        List<String> p = problems("x = 1\ny = " + "x + ".repeat(100_000) + "x\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).matches("bad\\.sheet:2:\\d+: formula has more than 1000 operators: split it into several cells or use sum\\(\\.\\.\\.\\)"), p.get(0));
        Sheet ok = SheetFile.parse("x = 2\ny = " + "x * ".repeat(999) + "x\n", "ok.sheet").sheet();
        assertEquals(Math.pow(2, 1000), ok.value("y"), 0);
        assertEquals(1000, ok.cell("y").orElseThrow().formula().split("\\*").length);
    }

    @Test
    void binaryGarbageAndMissingFiles(@TempDir Path dir) throws Exception {
        byte[] garbage = {'x', ' ', '=', ' ', '1', '\n', (byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        SheetFormatException e = assertThrows(SheetFormatException.class, () -> SheetFile.parse(garbage, "img.sheet"));
        assertEquals(List.of("img.sheet:2:5: binary data (a NUL byte): not a .sheet text file"), e.lines());
        byte[] latin1 = "x = 1 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        e = assertThrows(SheetFormatException.class, () -> SheetFile.parse(latin1, "l.sheet"));
        assertEquals(List.of("l.sheet:1:12: not valid UTF-8 text (binary data?)"), e.lines());
        Path missing = dir.resolve("missing.sheet");
        e = assertThrows(SheetFormatException.class, () -> SheetFile.read(missing));
        assertEquals(List.of(missing + ":1:1: no such file"), e.lines());
    }

    @Test
    void nonAsciiNamesAreRefusedNotCrashed() {
        List<String> p = problems("caf\u00e9 = 1\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("not a valid name"));
    }
}
