package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabel.Kind;
import dev.gradsheet.engine.EditLabelSamples;
import org.junit.jupiter.api.Test;

/**
 * The English names revisions had before labels were typed read back as the labels they stood for
 * (the names the engine and server wrote were the English the labels still have), so the migration
 * gives every old revision its typed label; a name of no known form is kept as written.
 */
class LegacyEditLabelsTest {

    @Test
    void theOldEnglishOfEveryKindReadsBackAsItsLabel() {
        for (EditLabel label : EditLabelSamples.all()) {
            if (label.kind() != Kind.VERBATIM) {
                assertThat(LegacyEditLabels.label(label.english())).as(label.english()).isEqualTo(label);
            }
        }
    }

    @Test
    void namesAsTheOldServerWroteThemReadAsTheirStructure() {
        EditLabel set = EditLabel.of(Kind.SET_VALUE, "z", -3);
        EditLabel run = EditLabel.of(Kind.TRAIN_AT, 0.5, 4);
        assertThat(LegacyEditLabels.label("train at lr 0.5 (batch 4): 37 steps to epoch 37"))
                .isEqualTo(EditLabel.trained(run, 37, 37));
        assertThat(LegacyEditLabels.label("undo train at lr 0.5 (batch 4): 1 step to epoch 1"))
                .isEqualTo(EditLabel.undo(EditLabel.trained(run, 1, 1)));
        assertThat(LegacyEditLabels.label("set z = -3, then undo SGD step (lr 0.01)"))
                .isEqualTo(EditLabel.of(Kind.THEN, set, EditLabel.undo(EditLabel.of(Kind.SGD_STEP, 0.01))));
        assertThat(LegacyEditLabels.label("set z = -3 (+4 more) (merged with another server's)"))
                .isEqualTo(EditLabel.of(Kind.MERGED, EditLabel.of(Kind.MORE, set, 4)));
        assertThat(LegacyEditLabels.label("data table (1 rows)")).isEqualTo(EditLabel.of(Kind.DATA_TABLE, 1));
        assertThat(LegacyEditLabels.label("set w = 1.0E-9")).isEqualTo(EditLabel.of(Kind.SET_VALUE, "w", 1e-9));
    }

    @Test
    void aNameOfNoKnownFormIsKeptAsWritten() {
        assertThat(LegacyEditLabels.label("opened")).isEqualTo(EditLabel.of(Kind.VERBATIM, "opened"));
        assertThat(LegacyEditLabels.label("undo something new"))
                .isEqualTo(EditLabel.undo(EditLabel.of(Kind.VERBATIM, "something new")));
        // a number cut short where the old names were cut at 200 characters
        assertThat(LegacyEditLabels.label("set z = 1.0E")).isEqualTo(EditLabel.of(Kind.VERBATIM, "set z = 1.0E"));
        String cut = "formula f = " + "x + ".repeat(50).substring(0, 187) + "…";
        assertThat(LegacyEditLabels.label(cut)).isEqualTo(EditLabel.of(Kind.FORMULA, "f", cut.substring(12)));
    }
}
