package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every kind of edit undoes to exactly the state before it and redoes to exactly the state after. */
class UndoTest {
    private static String dump(Sheet s) {
        return s.cells().toString() + "|" + s.objective() + "|" + s.learningRate();
    }

    private static void roundTrip(Consumer<Sheet> edit) {
        Sheet s = Sheets.of(Sheets.WORKED + "extra = (x + 1) * 2\n");
        String before = dump(s);
        edit.accept(s);
        String after = dump(s);
        assertTrue(s.undo());
        assertEquals(before, dump(s));
        assertTrue(s.redo());
        assertEquals(after, dump(s));
        assertTrue(s.undo());
        assertEquals(before, dump(s));
    }

    @Test
    void setValue() {
        roundTrip(s -> s.setValue("z", 7));
    }

    @Test
    void setFormula() {
        roundTrip(s -> s.setFormula("q", "sigmoid(x) * (y - 1)"));
    }

    @Test
    void addCell() {
        roundTrip(s -> s.addCell("M", "L + f * 2"));
    }

    @Test
    void rename() {
        roundTrip(s -> s.rename("extra", "bonus"));
    }

    @Test
    void delete() {
        roundTrip(s -> s.delete("extra"));
    }

    @Test
    void objective() {
        roundTrip(s -> s.setObjective("L"));
    }

    @Test
    void learningRate() {
        roundTrip(s -> s.setLearningRate(0.5));
    }

    @Test
    void sgdSteps() {
        roundTrip(s -> s.sgdStep(0.01, 5));
    }

    @Test
    void aLongMixedHistoryUndoesAllTheWayBack() {
        Sheet s = Sheets.of(Sheets.WORKED);
        String start = dump(s);
        s.setValue("z", 2);
        s.addCell("g", "f * f");
        s.rename("q", "sum_xy");
        s.setFormula("sum_xy", "x - y");
        s.sgdStep(0.001, 3);
        s.delete("g");
        s.addCell("g", "x * 3"); // the name of a deleted cell, reused
        String end = dump(s);
        int undone = 0;
        while (s.undo()) {
            undone++;
        }
        assertEquals(7, undone);
        assertEquals(start, dump(s));
        while (s.redo()) {
            undone--;
        }
        assertEquals(0, undone);
        assertEquals(end, dump(s));
    }

    @Test
    void aNewEditClearsRedo() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setValue("z", 1);
        s.undo();
        assertTrue(s.canRedo());
        s.setValue("x", 1);
        assertFalse(s.canRedo());
        assertEquals("set x = 1", s.undoLabel().english());
    }

    @Test
    void undoIsEmittedAsOneChangeSet() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setValue("z", -3);
        List<ChangeSet> sets = new java.util.ArrayList<>();
        s.changes().subscribe(sets::add);
        s.undo();
        assertEquals(1, sets.size());
        assertEquals("undo set z = -3", sets.get(0).label().english());
        assertTrue(sets.get(0).contains("f"));
        assertEquals(-12, s.value("f"), 0);
    }
}
