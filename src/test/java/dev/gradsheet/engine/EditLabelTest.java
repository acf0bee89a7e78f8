package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradsheet.engine.EditLabel.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An edit's label is data — a kind and typed arguments, composed as structure — and its English (the
 * command line's, the logs' and the Java library's) is the wording the engine always used.
 */
class EditLabelTest {

    @Test
    void everyKindIsWordedInEnglishAsTheCommandLineAlwaysSaidIt() {
        EditLabel set = EditLabel.of(Kind.SET_VALUE, "z", -3);
        EditLabel run = EditLabel.of(Kind.TRAIN_AT, 0.5, 4);
        Map<EditLabel, String> english = new java.util.LinkedHashMap<>();
        english.put(set, "set z = -3");
        english.put(EditLabel.of(Kind.SET_VALUES, 2), "set 2 values");
        english.put(EditLabel.of(Kind.FORMULA, "f", "q * z"), "formula f = q * z");
        english.put(EditLabel.of(Kind.MAKE_WEIGHT, "x"), "make x a weight");
        english.put(EditLabel.of(Kind.MAKE_INPUT, "z"), "make z an input");
        english.put(EditLabel.of(Kind.ADD, "h"), "add h");
        english.put(EditLabel.of(Kind.RENAME, "q", "s"), "rename q to s");
        english.put(EditLabel.of(Kind.DELETE, "h"), "delete h");
        english.put(EditLabel.of(Kind.OBJECTIVE, "L"), "objective L");
        english.put(EditLabel.of(Kind.OBJECTIVE_LAST), "objective: last cell");
        english.put(EditLabel.of(Kind.LEARNING_RATE, 0.1), "learning rate 0.1");
        english.put(EditLabel.of(Kind.SGD_STEP, 0.01), "SGD step (lr 0.01)");
        english.put(EditLabel.of(Kind.SGD_STEPS, 10000, 0.01), "10000 SGD steps (lr 0.01)");
        english.put(EditLabel.of(Kind.TRAIN_EPOCHS, 5, 4, 0.1), "train 5 epochs (batch 4, lr 0.1)");
        english.put(EditLabel.of(Kind.TRAIN_EPOCHS, 1, 4, 1e-9), "train 1 epoch (batch 4, lr 1.0E-9)");
        english.put(run, "train at lr 0.5 (batch 4)");
        english.put(EditLabel.of(Kind.TRAIN_STEP, 0.5, 3), "train 1 step at lr 0.5 (step 3)");
        english.put(EditLabel.of(Kind.RESET_TRAINING), "reset training to its starting weights");
        english.put(EditLabel.progress(run, 40), "train at lr 0.5 (batch 4): step 40");
        english.put(EditLabel.stopped(EditLabel.of(Kind.SGD_STEPS, 10000, 0.01), 37),
                "10000 SGD steps (lr 0.01), stopped at step 37");
        english.put(EditLabel.trained(run, 37, 37), "train at lr 0.5 (batch 4): 37 steps to epoch 37");
        english.put(EditLabel.trained(run, 1, 1), "train at lr 0.5 (batch 4): 1 step to epoch 1");
        english.put(EditLabel.undo(set), "undo set z = -3");
        english.put(EditLabel.redo(EditLabel.of(Kind.SGD_STEP, 0.01)), "redo SGD step (lr 0.01)");
        english.put(EditLabel.of(Kind.THEN, set, EditLabel.of(Kind.ADD, "h")), "set z = -3, then add h");
        english.put(EditLabel.of(Kind.MORE, set, 3), "set z = -3 (+3 more)");
        english.put(EditLabel.of(Kind.RESTORE, 3), "restore revision #3");
        english.put(EditLabel.of(Kind.REMOTE_EDITS), "edits from another server");
        english.put(EditLabel.of(Kind.DATA_TABLE, 30), "data table (30 rows)");
        english.put(EditLabel.of(Kind.DATA_TABLE, 1), "data table (1 row)");
        english.put(EditLabel.of(Kind.DATA_REMOVED), "data table removed");
        english.put(EditLabel.of(Kind.ANSWERS_OR_PRACTICE), "answers or practice setting");
        english.put(EditLabel.of(Kind.KEPT), "kept (an upload or a share link)");
        english.put(EditLabel.of(Kind.SAVED), "saved");
        english.put(EditLabel.of(Kind.IMPORTED, "abc.sheet"), "imported from abc.sheet");
        english.put(EditLabel.of(Kind.MERGED, set), "set z = -3 (merged with another server's)");
        english.put(EditLabel.of(Kind.CONFLICTED, set), "set z = -3 (conflicted with another server's; theirs kept)");
        english.put(EditLabel.of(Kind.EDIT), "edit");
        english.put(EditLabel.of(Kind.VERBATIM, "an old {name}'s"), "an old {name}'s");
        english.forEach((label, text) -> assertThat(label.english()).as(label.kind().name()).isEqualTo(text));
        assertThat(english.keySet()).extracting(EditLabel::kind).containsAll(List.of(Kind.values()));
        assertThat(set).hasToString("set z = -3");
    }

    @Test
    void editsSavedTogetherAreNamedByTheFirstAndHowManyMore() {
        EditLabel a = EditLabel.of(Kind.SET_VALUE, "z", -3);
        EditLabel b = EditLabel.of(Kind.ADD, "h");
        EditLabel c = EditLabel.of(Kind.SGD_STEP, 0.01);
        EditLabel name = EditLabel.together(null, a);
        assertThat(name).isEqualTo(a);
        name = EditLabel.together(name, b);
        assertThat(name).isEqualTo(EditLabel.of(Kind.THEN, a, b));
        name = EditLabel.together(name, c);
        assertThat(name).isEqualTo(EditLabel.of(Kind.MORE, a, 2));
        name = EditLabel.together(name, c);
        assertThat(name.english()).isEqualTo("set z = -3 (+3 more)");
        // a formula that reads like the text form of several edits is still one edit
        EditLabel odd = EditLabel.of(Kind.FORMULA, "f", "a (+2 more), then b");
        assertThat(EditLabel.together(odd, b)).isEqualTo(EditLabel.of(Kind.THEN, odd, b));
    }

    @Test
    void argumentsAreCheckedAgainstTheKind() {
        assertThatThrownBy(() -> EditLabel.of(Kind.SET_VALUE, "z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SET_VALUE takes [TEXT, NUMBER]");
        assertThatThrownBy(() -> EditLabel.of(Kind.SET_VALUES, 2.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument 0 must be COUNT");
        assertThatThrownBy(() -> EditLabel.of(Kind.UNDO, "set z = -3")).isInstanceOf(IllegalArgumentException.class);
        List<Object> args = new ArrayList<>(List.of("z", -3.0));
        EditLabel label = new EditLabel(Kind.SET_VALUE, args);
        args.set(0, "w");
        assertThat(label.text(0)).isEqualTo("z"); // a label does not change under its maker
    }

    @Test
    void everyEditUndoAndRedoOfTheSheetNamesItself() {
        Sheet s = Sheets.of(Sheets.WORKED);
        List<ChangeSet> seen = new ArrayList<>();
        s.changes().subscribe(seen::add);
        s.setValue("z", -3);
        s.setFormula("q", "x - y");
        s.switchKind("x");
        s.addCell("g", "f * 2");
        s.rename("g", "h");
        s.delete("h");
        s.setObjective("f");
        s.setObjective(null);
        s.setLearningRate(0.1);
        s.sgdStep(0.01, 1);
        s.sgdStep(0.01, 2);
        s.setValues(new java.util.LinkedHashMap<>(Map.of("y", 1.0, "t", 2.0)));
        assertThat(s.undo()).isTrue();
        assertThat(s.redo()).isTrue();
        assertThat(seen).extracting(c -> c.label().english()).containsExactly("set z = -3", "formula q = x - y",
                "make x a weight", "add g", "rename g to h", "delete h", "objective f", "objective: last cell",
                "learning rate 0.1", "SGD step (lr 0.01)", "2 SGD steps (lr 0.01)", "set 2 values",
                "undo set 2 values", "redo set 2 values");
        assertThat(seen.get(seen.size() - 2).label()).isEqualTo(EditLabel.undo(EditLabel.of(Kind.SET_VALUES, 2)));
        assertThat(s.undoLabel()).isEqualTo(EditLabel.of(Kind.SET_VALUES, 2));
        assertThat(s.undo()).isTrue();
        assertThat(s.redoLabel()).isEqualTo(EditLabel.of(Kind.SET_VALUES, 2));
        assertThat(s.undoLabel()).isEqualTo(EditLabel.of(Kind.SGD_STEPS, 2, 0.01));
    }

    @Test
    void theSamplesCoverEveryKind() {
        assertThat(EditLabelSamples.all()).extracting(EditLabel::kind).containsAll(List.of(Kind.values()));
    }
}
