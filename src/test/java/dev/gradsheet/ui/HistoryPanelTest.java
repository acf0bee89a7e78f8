package dev.gradsheet.ui;

import dev.gradsheet.server.Revision;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The History tab lists the sheet's revisions and restores one as an undoable edit. */
class HistoryPanelTest extends KaribuTestBase {
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void everyAutosaveIsListedWithItsEditAndObjectiveAndRestoreIsOneUndoableEdit() {
        SheetView view = openStart();
        HistoryPanel history = view.history();
        assertThat(view.sideTabs().isShown("tab-history")).isFalse();
        view.sideTabs().show("tab-history");
        assertThat(history.empty.isVisible()).isTrue(); // an example is not saved until changed

        assertThat(view.presenter().setValue("z", "-3").ok()).isTrue(); // f = -9, L = 1
        registry.flush();
        assertThat(view.presenter().sgdStep(0.01, 1).ok()).isTrue(); // dL/dz = 6: z = -3.06, L = 0.6724
        registry.flush();
        history.refresh();

        assertThat(_size(history.revisions)).isEqualTo(2);
        Revision newest = _get(history.revisions, 0);
        Revision first = _get(history.revisions, 1);
        assertThat(newest.number()).isEqualTo(2);
        assertThat(first.edit().english()).isEqualTo("set z = -3");
        assertThat(newest.edit().english()).contains("SGD step");
        assertThat(HistoryPanel.objective(first)).isEqualTo("L = 1");
        assertThat(newest.objectiveValue()).isCloseTo(0.6724, Offset.offset(1e-9));
        assertThat(HistoryPanel.objective(newest)).isEqualTo("L = 0.6724");

        // restore the first revision: one edit, seen in the sheet, undone by Undo
        history.restore(first);
        roundtrip();
        assertThat(history.message.getText()).isEqualTo("Restored revision #1: one Undo takes it back.");
        assertThat(view.presenter().shared().sheet().value("z")).isEqualTo(-3.0);
        assertThat(view.presenter().shared().sheet().objectiveValue()).isCloseTo(1.0, EXACT);
        assertThat(history.message.getText()).isEqualTo("Restored revision #1: one Undo takes it back.");
        assertThat(view.presenter().undo()).isTrue();
        assertThat(view.presenter().shared().sheet().value("z")).isCloseTo(-3.06, EXACT);
        assertThat(view.presenter().shared().sheet().objectiveValue()).isCloseTo(0.6724, Offset.offset(1e-9));

        // the restore and the undo are revisions too: nothing is lost by going back
        registry.flush();
        history.refresh();
        assertThat(_size(history.revisions)).isGreaterThanOrEqualTo(3);
        assertThat(_get(history.revisions, 0).objectiveValue()).isCloseTo(0.6724, Offset.offset(1e-9));
    }

    @Test
    void restoringARevisionWithOtherCellsBringsBackItsFormulasAndUndoStepsBack() {
        SheetView view = openStart();
        HistoryPanel history = view.history();
        assertThat(view.presenter().setValue("x", "0").ok()).isTrue(); // q = 5, f = -20, L = 100
        registry.flush();
        assertThat(view.presenter().addCell("g", "f * 2").ok()).isTrue();
        assertThat(view.presenter().setFormula("q", "x - y").ok()).isTrue(); // q = -5, f = 20, L = 900
        assertThat(view.presenter().shared().sheet().objectiveValue()).isCloseTo(900, EXACT);
        registry.flush();
        history.refresh();
        Revision before = history.revisions.getListDataView().getItems()
                .filter(r -> r.edit().english().equals("set x = 0")).findFirst().orElseThrow();

        history.restore(before);
        assertThat(view.presenter().shared().sheet().cell("g")).isEmpty();
        assertThat(view.presenter().shared().sheet().cell("q").orElseThrow().formula()).isEqualTo("x + y");
        assertThat(view.presenter().shared().sheet().objectiveValue()).isCloseTo(100, EXACT);
        assertThat(history.message.getText()).isEqualTo("Restored revision #" + before.number() + ": one Undo takes it back.");
        // the whole restore (a formula changed, a cell deleted) is one undo step, and redo brings it again
        assertThat(view.presenter().shared().sheet().undoLabel().english()).isEqualTo("restore revision #" + before.number());
        assertThat(view.presenter().undo()).isTrue();
        assertThat(view.presenter().shared().sheet().cell("g")).isPresent();
        assertThat(view.presenter().shared().sheet().cell("q").orElseThrow().formula()).isEqualTo("x - y");
        assertThat(view.presenter().shared().sheet().objectiveValue()).isCloseTo(900, EXACT);
        assertThat(view.presenter().redo()).isTrue();
        assertThat(view.presenter().shared().sheet().cell("g")).isEmpty();
        assertThat(view.presenter().shared().sheet().objectiveValue()).isCloseTo(100, EXACT);
    }

    @Test
    void timesReadAsAgoThenAsADate() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(HistoryPanel.when(now.minusSeconds(12), now)).isEqualTo("12 s ago");
        assertThat(HistoryPanel.when(now.minus(Duration.ofMinutes(5)), now)).isEqualTo("5 min ago");
        assertThat(HistoryPanel.when(now.minus(Duration.ofHours(3)), now)).isEqualTo("3 h ago");
        assertThat(HistoryPanel.when(now.minus(Duration.ofDays(2)), now)).matches("2026-02-27 \\d\\d:00:00");
    }
}
