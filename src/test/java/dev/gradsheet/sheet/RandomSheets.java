package dev.gradsheet.sheet;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random sheets whose cells were not created in an order they can be computed in: the tests of
 * everything that shows or follows the engine's evaluation order use them.
 */
public final class RandomSheets {
    private RandomSheets() {
    }

    /**
     * A random DAG of 60 cells written out of order ({@link Generators#randomDagShuffled}), then 15
     * random formula edits, each with steps of its own (generated cells, created last but computed
     * early). The same seed gives the same sheet.
     */
    public static Sheet outOfOrder(long seed) {
        Sheet s;
        try {
            s = SheetFile.parse(Generators.text(w -> Generators.randomDagShuffled(60, 6, seed, w)), "random.sheet").sheet();
        } catch (SheetFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = s.names();
        for (int edit = 0; edit < 15; edit++) {
            String cell = names.get(random.nextInt(names.size() - 1)); // any cell but the loss, listed last
            String a = names.get(random.nextInt(names.size() - 1));
            String b = names.get(random.nextInt(names.size() - 1));
            try {
                s.setFormula(cell, "tanh(" + a + ") + " + b + " * 0.5");
            } catch (EditRefusedException cycle) {
                // the formula would make the cell use itself: that edit is skipped
            }
        }
        return s;
    }
}
