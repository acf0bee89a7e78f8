package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Op;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;

/**
 * The cell builder's part of the operations' contract (the engine's part is {@code OpContractTest}):
 * it offers every operation {@link Op} defines, and the formula it writes for each parses back to a
 * cell of that operation.
 */
class BuilderOpContractTest {
    @Test
    void theBuilderOffersEveryOpAndWritesFormulasThatParseBackToIt() throws Exception {
        for (Op op : Op.values()) {
            if (op == Op.COPY) {
                continue; // a copy is a name typed alone; the builder has no use for it
            }
            assertThat(AddCellForm.OPS).as("the builder offers " + op.label()).contains(op.label());
            if (!op.hasArguments()) {
                continue;
            }
            String b = SheetPresenter.isBinary(op.label()) ? "b" : null;
            String formula = SheetPresenter.formulaFor(op.label(), "a", b);
            Sheet s = SheetFile.parse("a = weight(0.5)\nb = weight(0.25)\ny = " + formula + "\n", "t.sheet").sheet();
            assertThat(s.cell("y").orElseThrow().kind()).as(formula).isEqualTo(op.label());
        }
    }

    @Test
    void optionalSecondArgumentsAreLeftOutWhenBlank() {
        assertThat(SheetPresenter.formulaFor("leaky_relu", "a", null)).isEqualTo("leaky_relu(a)");
        assertThat(SheetPresenter.formulaFor("leaky_relu", "a", "s")).isEqualTo("leaky_relu(a, s)");
        assertThat(SheetPresenter.formulaFor("pow", "a", null)).isEqualTo("pow(a, ?)");
        assertThat(SheetPresenter.secondIsOptional("leaky_relu")).isTrue();
        assertThat(SheetPresenter.secondIsOptional("max")).isFalse();
        assertThat(SheetPresenter.isBinary("sqrt")).isFalse();
    }
}
