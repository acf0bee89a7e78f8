package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table's rows as bytes say exactly what the cells' snapshots say (name, kind, formula, rounded
 * value and gradient), however many threads format them, on sheets with compound formulas,
 * non-finite values and every number path.
 */
class TableRowsTest {
    private static List<Sheet> sheets() throws Exception {
        List<Sheet> out = new ArrayList<>();
        out.add(SheetFile.parse(Examples.WORKED.text(), "worked").sheet());
        out.add(SheetFile.parse(Generators.text(w -> Generators.randomDag(3000, 40, 3, w)), "dag").sheet());
        out.add(SheetFile.parse("""
                a = input(0)
                b = log(a)
                c = 2 * b + -1e-300 * a
                d = pow(a, 0.5) / (1 - a)
                e = sum(a, 3, -0.0, c * 1e30)
                L = mse(d, e)
                """, "odd").sheet());
        return out;
    }

    @Test
    void rowsMatchTheCellsInAnyNumberOfParts() throws Exception {
        for (Sheet sheet : sheets()) {
            List<Cell> cells = sheet.cells();
            for (int parts : new int[] {1, 2, 3, 7}) {
                TableRows[] rows = TableRows.of(sheet, 10, parts);
                assertEquals(parts, rows.length);
                int i = 0;
                int[] width = new int[TableRows.FIELDS];
                for (TableRows part : rows) {
                    for (int r = 0; r < part.count(); r++, i++) {
                        Cell c = cells.get(i);
                        String[] expected = {c.name().equals(sheet.objective()) ? c.name() + " *" : c.name(),
                            c.kind(), c.formula(), Numbers.readable(c.value(), 10), Numbers.readable(c.grad(), 10)};
                        for (int f = 0; f < TableRows.FIELDS; f++) {
                            char[] text = new char[part.length(r, f)];
                            part.copy(r, f, text, 0);
                            assertEquals(expected[f], new String(text), c.name() + " field " + f);
                            width[f] = Math.max(width[f], expected[f].length());
                        }
                    }
                }
                assertEquals(cells.size(), i);
                for (int f = 0; f < TableRows.FIELDS; f++) {
                    int widest = 0;
                    for (TableRows part : rows) {
                        widest = Math.max(widest, part.width(f));
                    }
                    assertEquals(width[f], widest);
                }
            }
        }
    }

    @Test
    void formulasWrittenFlatEqualTheFormulaText() throws Exception {
        int flat = 0;
        for (Sheet sheet : sheets()) {
            Graph g = sheet.graph;
            for (int id = 0; id < g.size; id++) {
                if (!g.isLive(id)) {
                    continue;
                }
                AsciiText text = new AsciiText(8);
                if (FormulaText.writeFlat(g, id, text)) {
                    flat++;
                    assertEquals(FormulaText.of(g, id), new String(text.bytes, 0, text.used,
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                } else {
                    assertEquals(0, text.used); // nothing written when it declines
                }
            }
        }
        assertEquals(true, flat > 3000, "most cells are written flat: " + flat);
    }
}
