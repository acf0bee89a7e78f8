package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.Examples;
import org.junit.jupiter.api.Test;

/**
 * Building by hand: until a person picks the objective, it follows the newest loss-like cell (a loss,
 * or the newest formula when the objective is no loss, or a formula built on the loss); picking one
 * ends that, and a loaded sheet's objective counts as picked.
 */
class ObjectiveFollowsTest {
    private static SheetPresenter empty() {
        return new SheetPresenter(new SharedSheet("ffffffffffffffff", new Sheet(), ""));
    }

    private static void add(SheetPresenter p, String name, String formula) {
        SheetPresenter.Outcome o = p.addCell(name, formula);
        assertThat(o.error()).as(name).isNull();
    }

    @Test
    void theObjectiveFollowsTheNewestLossLikeCellUntilOneIsPicked() {
        SheetPresenter p = empty();
        add(p, "x", "input(2)");
        add(p, "w", "weight(0.5)");
        assertThat(p.objective()).isNull(); // numbers only: nothing to follow yet
        assertThat(p.objectiveFollows()).isFalse();
        add(p, "a", "w * x");
        assertThat(p.objective()).isEqualTo("a"); // the first formula
        assertThat(p.objectiveFollows()).isTrue();
        add(p, "s", "sigmoid(a)");
        assertThat(p.objective()).isEqualTo("s"); // a newer formula, the objective no loss
        add(p, "t", "input(1)");
        assertThat(p.objective()).isEqualTo("s"); // an input never takes it
        add(p, "L", "mse(s, t)");
        assertThat(p.objective()).isEqualTo("L"); // a loss
        add(p, "r", "w * w");
        assertThat(p.objective()).isEqualTo("L"); // beside the loss (a penalty): the loss stays
        add(p, "total", "L + 0.1 * r");
        assertThat(p.objective()).isEqualTo("total"); // built on the loss
        add(p, "L2", "bce(s, t)");
        assertThat(p.objective()).isEqualTo("L2"); // a loss always
        assertThat(p.shared().sheet().grad("w")).isNotZero();

        assertThat(p.setObjective("total").ok()).isTrue(); // picked
        assertThat(p.objectiveFollows()).isFalse();
        add(p, "L3", "mse(a, t)");
        add(p, "more", "total * 2");
        assertThat(p.objective()).isEqualTo("total");
    }

    @Test
    void oneUndoTakesTheCellAndTheObjectiveItTookBack() {
        SheetPresenter p = empty();
        add(p, "x", "input(3)");
        add(p, "a", "x * x");
        add(p, "b", "a + 1");
        assertThat(p.objective()).isEqualTo("b");
        assertThat(p.undoLabel()).hasToString("add b");
        p.undo();
        assertThat(p.objective()).isEqualTo("a");
        assertThat(p.shared().sheet().cell("b")).isEmpty();
        p.redo();
        assertThat(p.objective()).isEqualTo("b");
    }

    @Test
    void aLoadedSheetsObjectiveIsPickedAndStays() {
        SheetPresenter p = new SheetPresenter(new SharedSheet("eeeeeeeeeeeeeeee", Examples.WORKED.load().sheet(), ""));
        add(p, "L2", "mse(q, t)");
        assertThat(p.objective()).isEqualTo("L");
        assertThat(p.objectiveFollows()).isFalse();
    }

    @Test
    void aSheetWhoseObjectiveWasDeletedFollowsAgain() {
        SheetPresenter p = new SheetPresenter(new SharedSheet("dddddddddddddddd", Examples.WORKED.load().sheet(), ""));
        assertThat(p.delete("L").ok()).isTrue();
        add(p, "g", "f * 2");
        assertThat(p.objective()).isEqualTo("g");
        add(p, "h", "g + t");
        assertThat(p.objective()).isEqualTo("h");
    }
}
