package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SGD step's record, once the undo history drops it, lends its array to the next step
 * ({@link UndoHistory#takeSpare}), and undo still puts back every step it keeps exactly.
 */
class UndoSpareTest {

    private static EditLabel label(String name) {
        return EditLabel.of(EditLabel.Kind.VERBATIM, name);
    }

    @Test
    void aDroppedStepRecordsArrayIsHandedOutOnceAndOnlyForItsLength() {
        UndoHistory history = new UndoHistory(2, Long.MAX_VALUE);
        double[] first = new double[3];
        history.push(Patch.step(label("one"), new int[] {1, 2, 3}, first));
        history.push(Patch.step(label("two"), new int[] {1, 2, 3}, new double[3]));
        assertNull(history.takeSpare(3)); // nothing dropped yet
        history.push(Patch.values(label("set"), new int[] {1}, new double[1], new double[1]));
        assertNull(history.takeSpare(4));
        assertSame(first, history.takeSpare(3)); // "one" fell off the end
        assertNull(history.takeSpare(3));
        history.push(Patch.step(label("three"), new int[] {1, 2, 3}, new double[3]));
        history.push(Patch.values(label("set"), new int[] {1}, new double[1], new double[1])); // drops "two"
        history.clear();
        assertNull(history.takeSpare(3), "a cleared history gives its memory back");
    }

    @Test
    void stepsBeyondTheUndoLimitReuseArraysAndUndoStillRestoresEachStep() {
        Sheet s = Sheets.of("x = input(1.5)\nw = weight(0.2)\nv = weight(-0.3)\ny = w * x + v\nt = input(2)\nL = mse(y, t)\n");
        List<double[]> after = new ArrayList<>();
        int steps = Sheet.UNDO_LIMIT + 40;
        for (int k = 0; k < steps; k++) {
            s.sgdStep(0.01, 1);
            after.add(new double[] {s.value("w"), s.value("v")});
        }
        for (int k = steps - 1; k > steps - Sheet.UNDO_LIMIT; k--) {
            s.undo();
            assertEquals(after.get(k - 1)[0], s.value("w"), 0);
            assertEquals(after.get(k - 1)[1], s.value("v"), 0);
        }
    }
}
