package dev.gradsheet.train;

import dev.gradsheet.engine.Activation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV data, binding to input cells, built-in sets, and data carried in a .sheet file. */
class DataTest {
    private static List<String> csvProblems(String text) {
        return assertThrows(DataException.class, () -> CsvData.parse(text, "d.csv")).lines();
    }

    @Test
    void readsAHeaderAndRows() throws Exception {
        DataTable t = CsvData.parse("x1, x2 ,y\n0,1,1\n# a comment\n\n1.5,-2,0\n", "d.csv");
        assertEquals(List.of("x1", "x2", "y"), t.columns());
        assertEquals(2, t.size());
        assertEquals(-2, t.get(1, 1), 0);
    }

    @Test
    void csvErrorsNameFileAndLine() {
        assertEquals(List.of("d.csv:1: empty file: expected a header row of column names"), csvProblems(""));
        assertEquals(List.of("d.csv:3: column x2: 'abc' is not a number"), csvProblems("x1,x2\n1,2\n3,abc\n"));
        assertEquals(List.of("d.csv:2: 1 values for 2 columns (x1, x2)"), csvProblems("x1,x2\n1\n"));
        assertEquals(List.of("d.csv:2: no data rows after the header"), csvProblems("x1,x2\n"));
        assertEquals(List.of("d.csv:1: header: '1st' is not a cell name (the header names the input cells the columns bind to)"),
                csvProblems("1st,x2\n1,2\n"));
    }

    @Test
    void bindingErrors() throws Exception {
        Sheet s = SheetFile.parse("x1 = input(0)\nw = weight(1)\ny = input(0)\nL = mse(w * x1, y)\n", "s").sheet();
        DataTable wrong = new DataTable(List.of("x1", "w", "zz"), new double[][] {{1, 2, 3}});
        DataException e = assertThrows(DataException.class, () -> Binding.check(s, wrong, List.of("x1", "y"), "d.csv"));
        assertEquals(List.of(
                "d.csv:1: column 'w' names a weight cell; data binds only to input cells",
                "d.csv:1: column 'zz' names no cell of the sheet (its inputs: x1, y)",
                "d.csv:1: missing column y (the sheet's @data lists x1, y)"), e.lines());
    }

    @Test
    void missingAndBinaryFiles(@TempDir Path dir) throws Exception {
        assertEquals(List.of(dir.resolve("no.csv") + ":1: no such file"),
                assertThrows(DataException.class, () -> CsvData.read(dir.resolve("no.csv"))).lines());
        Path bin = dir.resolve("b.csv");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(List.of(bin + ":1: not a UTF-8 text file"),
                assertThrows(DataException.class, () -> CsvData.read(bin)).lines());
    }

    @Test
    void builtInSetsHaveTheDocumentedShape() {
        for (BuiltInData d : BuiltInData.values()) {
            DataTable t = d.table();
            assertTrue(t.size() >= 4, d.id());
            assertEquals(d == BuiltInData.NOISY_LINE ? List.of("x1", "y") : List.of("x1", "x2", "y"), t.columns());
            assertEquals(d, BuiltInData.byId(d.id()));
        }
        DataTable sep = BuiltInData.LINE_SEPARATION.table();
        for (int r = 0; r < sep.size(); r++) {
            assertEquals(sep.get(r, 0) + sep.get(r, 1) > 1 ? 1 : 0, sep.get(r, 2), 0, "row " + r);
        }
        assertEquals(BuiltInData.TWO_MOONS.table(), BuiltInData.TWO_MOONS.table()); // seeded
    }

    @Test
    void aSheetCarriesItsDataTable() throws Exception {
        Sheet s = SheetFile.parse(Templates.sigmoidNeuron(Templates.Loss.MSE, 1, 2, 0), "s").sheet();
        String text = SheetFile.format(s, "neuron", BuiltInData.AND.table());
        SheetFile.Loaded loaded = SheetFile.parse(text, "s");
        assertEquals(BuiltInData.AND.table(), loaded.data());
        assertEquals(text, SheetFile.format(loaded.sheet(), loaded.description(), loaded.data()));
        assertEquals(CsvData.parse(CsvData.format(loaded.data()), "x"), loaded.data());
    }

    @Test
    void badDataLinesInASheet() {
        var e = assertThrows(dev.gradsheet.sheet.SheetFormatException.class,
                () -> SheetFile.parse("x1 = input(0)\n@row = 1\n@data = x1, x1\n", "s.sheet"));
        assertEquals(List.of("s.sheet:2:8: @row before @data: name the columns first",
                "s.sheet:3:9: @data lists the input cells its columns bind to, by name, once each; 'x1' is not one"), e.lines());
    }

    @Test
    void mlpTemplateBuildsReadableCells() throws Exception {
        Sheet s = SheetFile.parse(Templates.mlp(2, List.of(3, 2), Activation.TANH, Templates.Loss.MSE, false, 7), "m").sheet();
        assertEquals("tanh", s.cell("h1_3").orElseThrow().kind());
        assertEquals("tanh", s.cell("h2_2").orElseThrow().kind());
        assertEquals("w3_1_2 * h2_2", s.cell("out.2").orElseThrow().formula().replace("out.1 + ", ""));
        assertEquals(2 * 3 + 3 + 3 * 2 + 2 + 2 + 1, s.weights().size());
        assertEquals("L", s.objective());
        assertTrue(dev.gradsheet.engine.GradientCheck.run(s).worstError() < 1e-6);
    }
}
