package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.ui.common.Format;

import dev.gradsheet.sheet.Examples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The presenter's own logic: number parsing, the cell builder's formulas, refusals as messages. */
class SheetPresenterTest {
    final SheetPresenter presenter = new SheetPresenter(new SharedSheet("aaaaaaaaaaaaaaaa",
            Examples.WORKED.load().sheet(), ""));

    @Test
    void numbersPeopleType() {
        assertThat(Format.parse("-3")).isEqualTo(-3.0);
        assertThat(Format.parse(" −3.5 ")).isEqualTo(-3.5);
        assertThat(Format.parse("1e-3")).isEqualTo(0.001);
        assertThat(Format.parse(".5")).isEqualTo(0.5);
        assertThat(Format.parse("0,25")).isEqualTo(0.25);
        assertThat(Format.parse("abc")).isNull();
        assertThat(Format.parse("NaN")).isNull();
        assertThat(Format.parse("Infinity")).isNull();
        assertThat(Format.parse("1e999")).isNull();
        assertThat(Format.parse("")).isNull();
        assertThat(Format.readable(-11.639999999999999)).isEqualTo("-11.64");
    }

    @Test
    void builderFormulas() {
        assertThat(SheetPresenter.formulaFor("mul", "q", "z")).isEqualTo("q * z");
        assertThat(SheetPresenter.formulaFor("add", "x", null)).isEqualTo("x + ?");
        assertThat(SheetPresenter.formulaFor("sigmoid", "a", null)).isEqualTo("sigmoid(a)");
        assertThat(SheetPresenter.formulaFor("mse", "p", "t")).isEqualTo("mse(p, t)");
        assertThat(SheetPresenter.formulaFor("neg", "a", null)).isEqualTo("-a");
        assertThat(SheetPresenter.formulaFor("weight", "0.5", null)).isEqualTo("weight(0.5)");
        assertThat(SheetPresenter.formulaFor("const", "2", null)).isEqualTo("2");
        assertThat(SheetPresenter.isBinary("mul")).isTrue();
        assertThat(SheetPresenter.isBinary("tanh")).isFalse();
    }

    @Test
    void refusalsBecomeMessagesAndChangeNothing() {
        long version = presenter.shared().sheet().version();
        assertThat(presenter.setValue("z", "x").error()).isEqualTo("'x' is not a number");
        assertThat(presenter.setValue("q", "1").error()).contains("q is computed by its formula");
        assertThat(presenter.setFormula("q", " ").error()).startsWith("enter a formula");
        assertThat(presenter.addCell("", "x").error()).isEqualTo("enter a name");
        assertThat(presenter.delete("q").error()).isEqualTo("cannot delete q: used by f");
        assertThat(presenter.rename("q", "f").error()).isEqualTo("a cell named f already exists");
        assertThat(presenter.setFormula("x", "L + 1").error()).startsWith("cycle");
        assertThat(presenter.sgdStep(0.0, 1).lrError()).isNotNull();
        assertThat(presenter.sgdStep(null, 1).lrError()).isNotNull();
        assertThat(presenter.sgdStep(0.01, 0).stepsError()).isNotNull();
        assertThat(presenter.shared().sheet().version()).isEqualTo(version);
        SheetPresenter.StepOutcome step = presenter.sgdStep(0.01, 1);
        assertThat(step.result().objectiveBefore()).isEqualTo(4.0);
        assertThat(presenter.shared().sheet().value("f")).isCloseTo(-11.64, org.assertj.core.data.Offset.offset(1e-12));
    }
}
