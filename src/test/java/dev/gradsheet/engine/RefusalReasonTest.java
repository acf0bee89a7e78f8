package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradsheet.engine.EditRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal says what it is about, so a form picks the field without reading the message. */
class RefusalReasonTest {
    private static Reason reasonOf(Executable edit) {
        return assertThrows(EditRefusedException.class, edit).reason();
    }

    @Test
    void eachRefusalCarriesItsReasonAndChangesNothing() {
        Sheet s = Sheets.of(Sheets.WORKED);
        String before = s.cells().toString();
        assertEquals(Reason.NAME, reasonOf(() -> s.addCell("1x", "x + y")));
        assertEquals(Reason.NAME, reasonOf(() -> s.addCell("q", "x + y")));
        assertEquals(Reason.FORMULA, reasonOf(() -> s.addCell("h", "x +")));
        assertEquals(Reason.FORMULA, reasonOf(() -> s.addCell("h", "nope(x)")));
        assertEquals(Reason.FORMULA, reasonOf(() -> s.addCell("h", "pow(x)")));
        assertEquals(Reason.FORMULA, reasonOf(() -> s.addCell("h", "w + 1")));
        assertEquals(Reason.CYCLE, reasonOf(() -> s.setFormula("q", "f + 1")));
        assertEquals(Reason.ARGUMENT, reasonOf(() -> s.setValue("z", Double.NaN)));
        assertEquals(Reason.ARGUMENT, reasonOf(() -> s.sgdStep(-1, 1)));
        assertEquals(Reason.CELL, reasonOf(() -> s.setValue("q", 2)));
        assertEquals(Reason.CELL, reasonOf(() -> s.delete("q")));
        assertEquals(Reason.UNKNOWN_CELL, reasonOf(() -> s.delete("nobody")));
        assertEquals(before, s.cells().toString());
    }

    @Test
    void anSgdStepFromANonFiniteObjectiveIsRefusedAsNotFinite() {
        Sheet s = Sheets.of("w = weight(-1)\nL = log(w)\n");
        assertEquals(Reason.NOT_FINITE, reasonOf(() -> s.sgdStep(0.1, 1)));
    }
}
