package dev.gradsheet.sheet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' generated sheets compute numbers, not NaN: what their figures time is arithmetic on them. */
class GeneratorsTest {

    @Test
    void aHundredThousandCellRandomSheetIsFinite() throws Exception {
        // the benchmark's kind of sheet (1000 weights), at 100k lines: about 133k cells
        Sheet sheet = SheetFile.parse(Generators.text(w -> Generators.randomDag(100_000, 1000, 7, w)), "dag.sheet").sheet();
        List<Cell> cells = sheet.cells();
        long nonFinite = cells.stream().filter(c -> !Double.isFinite(c.value()) || !Double.isFinite(c.grad())).count();
        assertTrue(cells.size() > 100_000);
        assertTrue(nonFinite <= cells.size() / 100, () -> nonFinite + " of " + cells.size() + " cells are not finite");
        assertTrue(Double.isFinite(sheet.objectiveValue()) && sheet.objectiveValue() > 0);
    }

    @Test
    void theOtherShapesAreFiniteToo() throws Exception {
        for (String text : List.of(Generators.text(w -> Generators.mlp(32, 1, w)),
                Generators.text(w -> Generators.diamonds(10_000, w)), Generators.text(w -> Generators.chain(10_000, w)))) {
            Sheet sheet = SheetFile.parse(text, "shape.sheet").sheet();
            for (Cell c : sheet.cells()) {
                assertTrue(Double.isFinite(c.value()) && Double.isFinite(c.grad()), c::toString);
            }
        }
    }
}
