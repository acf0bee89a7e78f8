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

    private static String detailOf(Executable edit) {
        EditRefusedException e = assertThrows(EditRefusedException.class, edit);
        return e.detail() + " " + e.arguments();
    }

    /** The particular refusals carry their arguments, so the page words them in Korean without reading the English. */
    @Test
    void particularRefusalsCarryTheirDetailAndArguments() {
        Sheet s = Sheets.of(Sheets.WORKED);
        assertEquals("BAD_NAME [1x]", detailOf(() -> s.addCell("1x", "x + y")));
        assertEquals("NAME_TAKEN [q]", detailOf(() -> s.addCell("q", "x + y")));
        assertEquals("ENDS_EARLY []", detailOf(() -> s.addCell("h", "x +")));
        assertEquals("UNKNOWN_FUNCTION [nope]", detailOf(() -> s.addCell("h", "nope(x)")));
        assertEquals("UNKNOWN_CELL [w]", detailOf(() -> s.addCell("h", "w + 1")));
        assertEquals("USES_ITSELF [h]", detailOf(() -> s.addCell("h", "h + 1")));
        assertEquals("UNEXPECTED [)]", detailOf(() -> s.addCell("h", "x)")));
        assertEquals("BAD_NUMBER [1e]", detailOf(() -> s.addCell("h", "1e + x")));
        assertEquals("EMPTY_FORMULA []", detailOf(() -> s.addCell("h", " ")));
        assertEquals("CYCLE [q → f → q]", detailOf(() -> s.setFormula("q", "f + 1")));
        assertEquals("USED_BY [q, f]", detailOf(() -> s.delete("q")));
        assertEquals("UNKNOWN_CELL [nobody]", detailOf(() -> s.delete("nobody")));
        // arity has no words of its own: the reason and the message
        assertEquals("NONE []", detailOf(() -> s.addCell("h", "pow(x)")));
    }

    @Test
    void aLongCyclesPathLeavesOutItsMiddle() {
        StringBuilder text = new StringBuilder("c0 = input(1)\n");
        for (int i = 1; i < 1_000; i++) {
            text.append('c').append(i).append(" = c").append(i - 1).append(" + 1\n");
        }
        Sheet s = Sheets.of(text.toString());
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> s.setFormula("c0", "c999 + 1"));
        assertEquals(EditRefusedException.Detail.CYCLE, e.detail());
        String path = e.arguments().get(0);
        assertEquals(true, path.startsWith("c0 → c999 → c998"), path);
        assertEquals(true, path.contains(" → … (992) … → ") && path.endsWith(" → c0") && path.length() < 120, path);
    }
}
