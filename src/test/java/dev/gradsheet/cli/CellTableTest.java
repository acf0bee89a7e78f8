package dev.gradsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streamed table and JSON print exactly what the old whole-in-memory printing did: the JSON
 * against Jackson's tree of the same sheet, the table against the old algorithm (string rows,
 * BigDecimal rounding) kept here as the reference. Sheets span several read blocks (4096 cells).
 */
class CellTableTest {
    static List<Sheet> sheets() throws Exception {
        List<Sheet> sheets = new ArrayList<>();
        sheets.add(SheetFile.parse(Examples.WORKED.text(), "worked").sheet());
        sheets.add(SheetFile.parse(Generators.text(w -> Generators.mlp(24, 7, w)), "mlp").sheet());
        sheets.add(SheetFile.parse(Generators.text(w -> Generators.randomDag(9000, 40, 3, w)), "dag").sheet());
        sheets.add(SheetFile.parse("a = input(0)\nb = log(a)\nc = 0 - b\nd = exp(c)\nL = mse(b, d)\n", "nonfinite").sheet());
        return sheets;
    }

    @Test
    void streamedJsonEqualsTheTreeJson() throws Exception {
        for (Sheet sheet : sheets()) {
            StringWriter streamed = new StringWriter();
            CellTable.printJson(sheet, streamed, json -> json.writeNumberField("steps", 3));
            ObjectNode tree = CellTable.json(sheet);
            tree.put("steps", 3);
            assertEquals(CellTable.write(tree), streamed.toString());
            // in blocks of 1,000 and 7 cells (rows of several blocks, each formatted by two threads)
            for (int block : new int[] {1000, 7}) {
                StringWriter inBlocks = new StringWriter();
                CellTable.printJson(sheet, inBlocks, json -> json.writeNumberField("steps", 3), block);
                assertEquals(CellTable.write(tree), inBlocks.toString());
            }
        }
    }

    @Test
    void jsonNumbersReadBackAsTheSameDoubleWithTheFewestDigits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : Math.tanh(random.nextGaussian());
            String text = CellTable.exact(v);
            if (Double.isNaN(v)) {
                assertEquals("NaN", text);
            } else {
                assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
                // never longer than Java's own text (which, on Java 17, is sometimes a digit too long)
                org.junit.jupiter.api.Assertions.assertTrue(text.length() <= Double.toString(v).length(),
                        text + " vs " + Double.toString(v));
            }
        }
        // Java 17's Double.toString gives a digit too many for some doubles; the JSON does not
        assertEquals("2.0E23", CellTable.exact(2e23));
        assertEquals("1.0E23", CellTable.exact(1e23));
        assertEquals("-0.0", CellTable.exact(-0.0));
        assertEquals("4.9E-324", CellTable.exact(Double.MIN_VALUE));
        assertEquals("0.30000000000000004", CellTable.exact(0.1 + 0.2));
    }

    @Test
    void nonFiniteNumbersAreQuotedInJsonAsJacksonQuotesThem() throws Exception {
        StringWriter streamed = new StringWriter();
        CellTable.printJson(SheetFile.parse("a = input(0)\nb = log(a)\nc = 0 - b\n", "nf").sheet(), streamed,
                json -> { });
        String text = streamed.toString();
        assertEquals(true, text.contains("\"value\" : \"-Infinity\"") && text.contains("\"value\" : \"Infinity\""),
                text);
    }

    @Test
    void streamedTableEqualsTheOldTable() throws Exception {
        for (Sheet sheet : sheets()) {
            StringWriter streamed = new StringWriter();
            PrintWriter out = new PrintWriter(streamed);
            CellTable.printTable(sheet, out);
            out.flush();
            assertEquals(oldTable(sheet), streamed.toString());
        }
    }

    @Test
    void evalJsonOfTheWorkedExampleHasItsNumbers() throws Exception {
        StringWriter streamed = new StringWriter();
        CellTable.printJson(SheetFile.parse(Examples.WORKED.text(), "worked").sheet(), streamed, json -> { });
        var cells = CliTest.cells(streamed.toString());
        assertEquals(-12.0, cells.get("z").get("grad").asDouble());
        assertEquals(16.0, cells.get("x").get("grad").asDouble());
        assertEquals(4.0, cells.get("L").get("value").asDouble());
    }

    /** The table as the command line printed it before streaming (the reference). */
    private static String oldTable(Sheet sheet) {
        String objective = sheet.objective();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "kind", "formula", "value", "grad"});
        for (Cell c : sheet.cells()) {
            rows.add(new String[] {c.name().equals(objective) ? c.name() + " *" : c.name(), c.kind(),
                c.formula(), oldReadable(c.value()), oldReadable(c.grad())});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                String cell = i >= 3 ? " ".repeat(width[i] - r[i].length()) + r[i]
                        : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(cell).append(i < 4 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append("* objective ").append(objective).append(" = ")
                .append(oldReadable(sheet.objectiveValue())).append('\n');
        return out.toString();
    }

    private static String oldReadable(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e12) {
            return d.toPlainString();
        }
        return d.toString().replace("E+", "e").replace("E", "e");
    }
}
