package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Sheet#asOneEdit}: several edits as one undo step, all or nothing. */
class AsOneEditTest {
    private static final EditLabel RESTORE = EditLabel.of(EditLabel.Kind.RESTORE, 3);

    private static String dump(Sheet s) {
        return s.cells().toString() + "|" + s.objective() + "|" + s.learningRate();
    }

    @Test
    void valuesFormulasCellsAndAnSgdStepUndoAndRedoAsOneStep() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setValue("x", 1); // an earlier edit, which the group must leave alone
        String before = dump(s);
        java.util.List<String> undoLabelsSeen = new java.util.ArrayList<>();
        var watching = s.changes().subscribe(change -> undoLabelsSeen.add(s.undoLabel().english()));
        s.asOneEdit(RESTORE, () -> {
            s.setValue("z", -3);
            s.setFormula("q", "x - y");
            s.addCell("g", "f * 2");
            s.sgdStep(0.01, 2);
            s.delete("g");
            s.setLearningRate(0.1);
        });
        String after = dump(s);
        watching.dispose();
        assertThat(s.undoLabel()).isEqualTo(RESTORE);
        assertThat(s.undoLabel().english()).isEqualTo("restore revision #3");
        // the last change observers hear already has the group in the history (an Undo button names it)
        assertThat(undoLabelsSeen).last().isEqualTo("restore revision #3");
        assertThat(s.undo()).isTrue();
        assertThat(dump(s)).isEqualTo(before);
        assertThat(s.value("x")).isEqualTo(1.0);
        assertThat(s.undoLabel().english()).isEqualTo("set x = 1");
        assertThat(s.redo()).isTrue();
        assertThat(dump(s)).isEqualTo(after);
        assertThat(s.undo()).isTrue();
        assertThat(dump(s)).isEqualTo(before);
    }

    /** Each part is announced as part of the group; the group's own change set, last, is not and names it. */
    @Test
    void thePartsSayTheyArePartOfTheGroupAndTheGroupsOwnChangeSetNamesIt() {
        Sheet s = Sheets.of(Sheets.WORKED);
        java.util.List<ChangeSet> seen = new java.util.ArrayList<>();
        var watching = s.changes().subscribe(seen::add);
        s.setValue("x", 1);
        s.asOneEdit(RESTORE, () -> {
            s.setValue("z", -3);
            s.setFormula("q", "x - y");
        });
        watching.dispose();
        assertThat(seen).extracting(ChangeSet::partOfGroup).containsExactly(false, true, true, false);
        assertThat(seen.get(3).label()).isEqualTo(RESTORE);
        assertThat(seen.get(1).label()).isEqualTo(EditLabel.of(EditLabel.Kind.SET_VALUE, "z", -3));
    }

    @Test
    void aRefusedEditTakesBackTheOnesBeforeItAndRecordsNothing() {
        Sheet s = Sheets.of(Sheets.WORKED);
        String before = dump(s);
        EditLabel undoBefore = s.undoLabel();
        assertThatThrownBy(() -> s.asOneEdit(RESTORE, () -> {
            s.setValue("z", -3);
            s.addCell("g", "f * 2");
            s.setFormula("q", "q + 1"); // a cycle: refused
        })).isInstanceOf(EditRefusedException.class).hasMessageContaining("cycle");
        assertThat(dump(s)).isEqualTo(before);
        assertThat(s.cell("g")).isEmpty();
        assertThat(s.undoLabel()).isEqualTo(undoBefore);
        assertThat(s.canRedo()).isFalse();
    }

    @Test
    void theTakingBackIsAnnouncedAsARollbackNotAsSomebodysUndo() {
        Sheet s = Sheets.of(Sheets.WORKED);
        java.util.List<ChangeSet> seen = new java.util.ArrayList<>();
        var watching = s.changes().subscribe(seen::add);
        assertThatThrownBy(() -> s.asOneEdit(RESTORE, () -> {
            s.setValue("z", -3);
            s.setFormula("q", "q + 1"); // a cycle: refused
        })).isInstanceOf(EditRefusedException.class);
        watching.dispose();
        ChangeSet last = seen.get(seen.size() - 1);
        assertThat(last.origin()).isEqualTo(ChangeSet.Origin.ROLLBACK);
        assertThat(last.label()).isEqualTo(EditLabel.undo(RESTORE));
        assertThat(last.label().english()).isEqualTo("undo restore revision #3");
        assertThat(seen).noneMatch(c -> c.origin() == ChangeSet.Origin.UNDO);
        assertThat(s.value("z")).isEqualTo(-4.0);
    }

    @Test
    void undoInsideAGroupIsRefused() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.setValue("z", 1);
        assertThatThrownBy(() -> s.asOneEdit(EditLabel.of(EditLabel.Kind.EDIT), s::undo)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asOneEdit");
        assertThat(s.value("z")).isEqualTo(1.0);
        assertThat(s.undoLabel().english()).isEqualTo("set z = 1");
    }

    @Test
    void theWorkedExampleAfterAGroupedEditStillHasItsGradients() {
        Sheet s = Sheets.of(Sheets.WORKED);
        s.asOneEdit(EditLabel.of(EditLabel.Kind.SET_VALUES, 2), () -> {
            s.setValue("z", 0);
            s.setValue("z", -4);
        });
        assertThat(s.objectiveValue()).isEqualTo(4.0);
        assertThat(s.grad("z")).isEqualTo(-12.0);
        assertThat(s.grad("x")).isEqualTo(16.0);
        assertThat(s.undo()).isTrue();
        assertThat(s.grad("z")).isEqualTo(-12.0);
    }
}
