package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits and the edits a sheet refuses; a refused edit leaves the sheet exactly as it was. */
class EditsTest {
    private static String dump(Sheet s) {
        return s.cells().toString() + s.objective() + s.learningRate();
    }

    private static void assertRefused(Sheet s, Runnable edit, String messagePart) {
        String before = dump(s);
        boolean couldUndo = s.canUndo();
        EditRefusedException e = assertThrows(EditRefusedException.class, edit::run);
        assertTrue(e.getMessage().contains(messagePart), () -> "message was: " + e.getMessage());
        assertEquals(before, dump(s));
        assertEquals(couldUndo, s.canUndo());
    }

    @Test
    void setValueRecomputes() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setValue("z", -3);
        assertEquals(-9, s.value("f"), 0);
        assertEquals(1, s.value("L"), 0);
        assertEquals(2 * (-9 + 10) * 3, s.grad("z"), 0);
    }

    @Test
    void changeFormula() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setFormula("q", "x * y + 1");
        assertEquals(-9, s.value("q"), 0);
        assertEquals("mul", s.cell("q.1").orElseThrow().kind());
        s.setFormula("q", "x - y");
        assertFalse(s.cell("q.1").isPresent()); // the old intermediate cells are gone
        assertEquals(-7, s.value("q"), 0);
        assertEquals(28, s.value("f"), 0);
    }

    @Test
    void addingACellLeavesTheObjectiveAlone() {
        Sheet s = Sheets.of(Sheets.WORKED); // no @objective: the last cell, L, once at load
        s.addCell("scratch", "x * 2");
        assertEquals("L", s.objective());
        assertEquals(-4, s.value("scratch"), 0);
        assertEquals(-12, s.grad("z"), 0); // the lesson's gradients stay
        assertEquals(16, s.grad("x"), 0);
        s.addCell("L2", "L * 2");
        assertEquals("L", s.objective());
        assertEquals(0, s.grad("L2"), 0);
        s.setObjective("L2");
        assertEquals(-24, s.grad("z"), 0);
    }

    @Test
    void anEmptySheetTakesItsFirstFormulaCellAsObjective() {
        Sheet s = Sheets.of("");
        assertNull(s.objective());
        s.addCell("x", "input(3)");
        s.addCell("w", "2");
        assertNull(s.objective()); // numbers are not formulas
        s.addCell("p", "w * x");
        assertEquals("p", s.objective());
        s.addCell("p2", "p * p");
        assertEquals("p", s.objective());
        assertEquals(3, s.grad("w"), 0);
        s.undo(); // p2
        s.undo(); // p: the objective goes with it
        assertNull(s.objective());
        s.redo();
        assertEquals("p", s.objective());
    }

    @Test
    void deletingTheObjectiveLeavesNoneUntilTheNextFormulaCell() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.delete("L");
        assertNull(s.objective());
        assertEquals(0, s.grad("z"), 0);
        s.addCell("L3", "mse(f, t)");
        assertEquals("L3", s.objective());
        assertEquals(-12, s.grad("z"), 0);
    }

    @Test
    void renameKeepsFormulasPointingAtTheCell() {
        Sheet s = Sheets.of("x = input(1)\nf = (x + 2) * x\n");
        s.rename("x", "input_x");
        assertEquals("(input_x + 2) * input_x", s.cell("f").orElseThrow().formula());
        s.rename("f", "g");
        assertEquals("g", s.cell("g.1").orElseThrow().owner());
        assertEquals(3, s.value("g"), 0);
    }

    @Test
    void deleteAnUnusedCell() {
        Sheet s = Sheets.of(Sheets.WORKED + "extra = (x + 1) * 2\n");
        s.setObjective("L");
        s.delete("extra");
        assertFalse(s.cell("extra").isPresent());
        assertFalse(s.cell("extra.1").isPresent());
        assertEquals(7, s.size());
    }

    @Test
    void objectiveCanBeChosen() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setObjective("f");
        assertEquals(3, s.grad("z"), 0); // df/dz = q
        assertEquals(0, s.grad("L"), 0);
        s.setObjective(null);
        assertEquals("L", s.objective());
    }

    @Test
    void refusedEdits() {
        Sheet s = Sheets.of(Sheets.WORKED);
        assertRefused(s, () -> s.setFormula("q", "x + "), "formula ends");
        assertRefused(s, () -> s.setFormula("q", "x + nope"), "unknown name 'nope'");
        assertRefused(s, () -> s.setFormula("x", "L + 1"), "cycle: x uses L uses f uses q uses x");
        assertRefused(s, () -> s.setFormula("q", "q + 1"), "cycle: q uses itself");
        assertRefused(s, () -> s.addCell("q", "x"), "already exists");
        assertRefused(s, () -> s.addCell("9lives", "x"), "not a valid name");
        assertRefused(s, () -> s.addCell("n", "frobnicate(x)"), "unknown function 'frobnicate'");
        assertRefused(s, () -> s.addCell("n", "mse(x)"), "mse takes 2 arguments, not 1");
        assertRefused(s, () -> s.addCell("n", "1.2.3"), "bad number '1.2.3'");
        assertRefused(s, () -> s.addCell("n", "x * input(3)"), "must be the whole formula");
        assertRefused(s, () -> s.rename("q", "x"), "already exists");
        assertRefused(s, () -> s.delete("q"), "cannot delete q: used by f");
        assertRefused(s, () -> s.setValue("f", 3), "computed by its formula");
        assertRefused(s, () -> s.setValue("z", Double.NaN), "finite");
        assertRefused(s, () -> s.setValue("nope", 1), "unknown cell 'nope'");
        assertRefused(s, () -> s.setObjective("nope"), "unknown cell");
        assertRefused(s, () -> s.sgdStep(-1, 1), "learning rate must be a positive number");
        assertRefused(s, () -> s.addCell("deep", "(".repeat(500) + "x" + ")".repeat(500)), "nested deeper");
    }

    @Test
    void cycleThroughACompoundFormulaIsRefused() {
        Sheet s = Sheets.of("a = input(1)\nb = (a + 1) * 2\nc = b * 3\n");
        assertRefused(s, () -> s.setFormula("a", "sigmoid(c) + 1"), "cycle: a uses c uses b uses a");
    }

    @Test
    void sgdStepThatWouldOverflowIsRefusedAndChangesNothing() {
        // (the objective must be finite before a step, so it is 2e300 here, not w·w = ∞)
        Sheet s = Sheets.of("w = weight(1e300)\nL = w * 2\n");
        assertRefused(s, () -> s.sgdStep(1e308, 1), "would make w");
    }

    @Test
    void refusedFormulaPointsAtTheColumn() {
        Sheet s = Sheets.of(Sheets.WORKED);
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> s.setFormula("q", "x + nope"));
        assertEquals(5, e.column());
    }

    @Test
    void argumentsAreTheGraphsEdges() {
        Sheet s = Sheets.of("x = input(1)\nf = (x + 2) * x\n");
        assertEquals(java.util.Map.of("x", List.of(), "f.1", List.of(), "f.2", List.of("x", "f.1"), "f", List.of("f.2", "x")),
                s.arguments());
        assertEquals(List.of("x", "f.1", "f.2", "f"), List.copyOf(s.arguments().keySet()));
    }

    @Test
    void usersOfNamesTheUserCellsNotTheirIntermediates() {
        Sheet s = Sheets.of("x = input(1)\nf = (x + 2) * 3\ng = x * x\n");
        assertEquals(List.of("f", "g"), s.usersOf("x"));
    }
}
