package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabel.Kind;
import dev.gradsheet.engine.EditLabelSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A revision's label as stored: kind names and arguments, no words, read back exactly. */
class EditLabelCodecTest {

    @Test
    void everyKindIsStoredWithoutWordsAndReadBackEqual() {
        for (EditLabel label : EditLabelSamples.all()) {
            String stored = EditLabelCodec.encode(label);
            assertThat(EditLabelCodec.decode(stored)).as(stored).isEqualTo(label);
        }
        EditLabel undo = EditLabel.undo(EditLabel.of(Kind.SET_VALUE, "z", -3));
        assertThat(EditLabelCodec.encode(undo)).isEqualTo("[\"UNDO\",[\"SET_VALUE\",\"z\",-3.0]]");
        EditLabel run = EditLabel.trained(EditLabel.of(Kind.TRAIN_AT, 0.5, 4), 37, 37);
        assertThat(EditLabelCodec.encode(run)).isEqualTo("[\"TRAINED\",[\"TRAIN_AT\",0.5,4],37,37]");
    }

    @Test
    void numbersTextAndCountsSurviveExactly() {
        for (double v : List.of(0.1 + 0.2, -0.0, 1e-300, Double.NaN, Double.POSITIVE_INFINITY, -1.7976931348623157e308)) {
            EditLabel label = EditLabel.of(Kind.SET_VALUE, "x_1", v);
            assertThat(EditLabelCodec.decode(EditLabelCodec.encode(label))).isEqualTo(label);
        }
        EditLabel quoted = EditLabel.of(Kind.FORMULA, "f", "\"q\" * z \\ 2, ∂ 한글");
        assertThat(EditLabelCodec.decode(EditLabelCodec.encode(quoted))).isEqualTo(quoted);
        EditLabel many = EditLabel.of(Kind.SGD_STEPS, Long.MAX_VALUE, 0.01);
        assertThat(EditLabelCodec.decode(EditLabelCodec.encode(many))).isEqualTo(many);
    }

    @Test
    void aLongFormulaIsKeptShortened() {
        String formula = "x + ".repeat(100) + "y";
        EditLabel label = EditLabel.of(Kind.FORMULA, "f", formula);
        EditLabel back = EditLabelCodec.decode(EditLabelCodec.encode(label));
        assertThat(back.text(1)).hasSize(EditLabelCodec.TEXT_CHARS).endsWith("…")
                .startsWith(formula.substring(0, EditLabelCodec.TEXT_CHARS - 1));
        assertThat(back.text(0)).isEqualTo("f");
    }

    @Test
    void somethingElseIsRefusedNotMisread() {
        for (String bad : List.of("set z = -3", "[]", "[\"NO_SUCH_KIND\"]", "[\"SET_VALUE\",\"z\"]",
                "[\"SET_VALUES\",2.5]", "[\"UNDO\",\"set z = -3\"]", "[\"ADD\",3]", "{\"kind\":\"ADD\"}")) {
            assertThatThrownBy(() -> EditLabelCodec.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
