package dev.gradsheet.ui;

import static dev.gradsheet.ui.SheetViewTest.shown;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** "Why this gradient?" with the whole chain over paths, and the "Check numerically" button. */
class WhyAndCheckTest extends KaribuTestBase {

    static String text(Div row) {
        return row.getChildren().map(c -> ((Span) c).getText()).collect(Collectors.joining());
    }

    @Test
    void theWholeChainWithNumbersAndLinkedFactors() {
        SheetView view = openStart();
        view.cellGrid().select("x");
        roundtrip();
        ChainView chain = view.cellPanel().chain;
        assertThat(chain.summary.getText()).isEqualTo("The whole chain: dL/dx = 16, summed over 1 path");
        Div path = (Div) chain.paths.getComponentAt(0);
        assertThat(text(path)).isEqualTo("dL/dL · ∂L/∂f · ∂f/∂q · ∂q/∂x = 1 · (-4) · (-4) · 1 = 16");
        // ∂f/∂q links to f's own explanation
        Span factor = (Span) path.getChildren().filter(c -> c instanceof Span s && s.getText().equals("∂f/∂q"))
                .findFirst().orElseThrow();
        ButtonKt._click(factor);
        assertThat(view.cellPanel().shown()).isEqualTo("f");
        assertThat(view.cellPanel().equation.getText()).isEqualTo("dL/df = dL/dL · ∂L/∂f = (1)·(-4) = -4");
    }

    @Test
    void checkNumericallyShowsTheEstimatesAndTheWorstError() {
        SheetView view = openStart();
        NumericCheck check = view.numericCheck();
        assertThat(view.cellGrid().grid().getColumnByKey("numeric").isVisible()).isFalse();
        ButtonKt._click(check.run);
        assertThat(view.cellGrid().grid().getColumnByKey("numeric").isVisible()).isTrue();
        assertThat(shown(view, "z", "numeric")).isEqualTo("-12");
        assertThat(shown(view, "x", "numeric")).isEqualTo("16");
        assertThat(check.result.getText()).startsWith("worst relative error ")
                .endsWith("— backprop agrees with finite differences");
        view.presenter().setValue("z", "-3");
        roundtrip();
        assertThat(view.cellGrid().grid().getColumnByKey("numeric").isVisible()).isFalse();
        assertThat(check.result.getText()).isEmpty();
    }
}
