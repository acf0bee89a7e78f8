package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An SGD step reads, checks, keeps and writes each weight in one pass ({@link Sgd#update}), checking
 * the gradients only when a weight would diverge: the refusals, what is put back and what undo
 * restores are as they were with a pass of each.
 */
class SgdOnePassTest {
    /** a diverges first (gradient 1e300 at lr 1e10), b's gradient is infinite (√ at 0). */
    private static final String BOTH = """
            a = weight(1)
            b = weight(0)
            k = input(1e300)
            p = a * k
            r = sqrt(b)
            L = p + r
            """;

    @Test
    void anInfiniteGradientIsNamedEvenWhenAnEarlierWeightDivergesFirst() {
        Sheet s = Sheets.of(BOTH);
        String before = s.cells().toString();
        long version = s.version();
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> s.sgdStep(1e10, 1));
        assertEquals(EditRefusedException.Reason.NOT_FINITE, e.reason());
        assertTrue(e.getMessage().contains("the gradient of b is Infinity"), e.getMessage());
        assertEquals(before, s.cells().toString());
        assertEquals(version, s.version());
        assertFalse(s.canUndo());
    }

    @Test
    void aWeightDivergingAfterOthersWereMovedPutsThemBackBitForBit() {
        Sheet s = Sheets.of("""
                a = weight(0.1)
                c = weight(1)
                k = input(1e300)
                p = c * k
                L = a * a + p
                """);
        String before = s.cells().toString();
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> s.sgdStep(1e10, 1));
        assertEquals(EditRefusedException.Reason.DIVERGED, e.reason());
        assertEquals(0.1, s.value("a"), 0); // a was moved (its gradient 0.2 is finite) and put back
        assertEquals(before, s.cells().toString());
        assertFalse(s.canUndo());
    }

    @Test
    void undoOfStepsRestoresTheWeightsBitForBitAndRedoTheirResult() {
        Sheet s = Sheets.of(Sheets.WORKED);
        double z = s.value("z");
        s.sgdStep(0.01, 1);
        assertEquals(-11.64, s.value("f"), 1e-12); // lesson item 9: one step at lr 0.01
        double zAfter = s.value("z");
        s.sgdStep(0.01, 3);
        s.undo();
        assertEquals(Double.doubleToRawLongBits(zAfter), Double.doubleToRawLongBits(s.value("z")));
        s.undo();
        assertEquals(Double.doubleToRawLongBits(z), Double.doubleToRawLongBits(s.value("z")));
        assertEquals(4, s.value("L"), 0);
        s.redo();
        assertEquals(Double.doubleToRawLongBits(zAfter), Double.doubleToRawLongBits(s.value("z")));
    }
}
