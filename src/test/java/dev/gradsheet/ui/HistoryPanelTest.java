package dev.gradsheet.ui;

import dev.gradsheet.engine.EditLabel;
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

    /** A restore is recorded like any edit: one revision named after it, made by its person in their visit. */
    @Test
    void aRestoreIsRecordedOnceAsItsPersonsEditInTheirVisitAndUndoIsToo() {
        SheetView view = openStart();
        HistoryPanel history = view.history();
        String id = view.presenter().shared().id();
        assertThat(view.presenter().setValue("z", "-3").ok()).isTrue();
        registry.flush();
        assertThat(view.presenter().setValue("z", "-5").ok()).isTrue();
        registry.flush();

        history.restore(registry.store().revisions(id).get(1)); // revision #1
        registry.flush();
        Revision restored = registry.store().revisions(id).get(0);
        assertThat(restored.edit()).isEqualTo(EditLabel.of(EditLabel.Kind.RESTORE, 1)); // once, not "restore …, then restore …"
        String actor = view.presenter().actor().key();
        assertThat(registry.store().revisionAuthors(id).get(restored.number())).isEqualTo(actor);
        assertThat(view.presenter().visit()).isNotNull();
        assertThat(visit(id, restored.number())).isEqualTo(view.presenter().visit());

        assertThat(view.presenter().undo()).isTrue();
        registry.flush();
        Revision undone = registry.store().revisions(id).get(0);
        assertThat(undone.edit()).isEqualTo(EditLabel.undo(EditLabel.of(EditLabel.Kind.RESTORE, 1)));
        assertThat(registry.store().revisionAuthors(id).get(undone.number())).isEqualTo(actor);
        assertThat(registry.store().revisionText(id, undone.number()).orElseThrow()).contains("z = weight(-5)");
    }

    @Test
    void aHistoryAtItsSizeBudgetIsSaidAboveTheList() {
        SheetView view = openStart();
        HistoryPanel history = view.history();
        String id = view.presenter().shared().id();
        assertThat(view.presenter().setValue("z", "-3").ok()).isTrue();
        registry.flush();
        history.refresh();
        assertThat(history.full.isVisible()).isFalse();

        // as the store marks it when its thinning had to remove revisions early (VisitorHistoryTest)
        org.springframework.jdbc.core.simple.JdbcClient.create(registry.store().dataSource())
                .sql("UPDATE sheet SET history_full = TRUE WHERE id = ?").param(id).update();
        history.refresh();
        assertThat(history.full.isVisible()).isTrue();
        assertThat(history.full.getText()).isEqualTo("This sheet's history has reached its size limit (200 million"
                + " characters): older revisions are removed sooner to make room. The sheet itself, its newest revision"
                + " and the owner's visits go last.");
    }

    private String visit(String id, long revision) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(registry.store().dataSource())
                .sql("SELECT visit FROM sheet_revision WHERE sheet_id = ? AND revision = ?").params(id, revision)
                .query(String.class).single();
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
