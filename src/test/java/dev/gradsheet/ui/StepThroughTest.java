package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Step through": the worked example's forward pass, then its backward pass, one cell at a time. */
class StepThroughTest extends KaribuTestBase {

    @Test
    void workedExampleForwardThenBackward() {
        SheetView view = openStart();
        StepPanel steps = view.stepPanel();
        assertThat(steps.next.isVisible()).isFalse();
        ButtonKt._click(steps.start);
        List<String> texts = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        texts.add(steps.text.getText());
        selected.add(view.cellGrid().selectedName());
        assertThat(steps.previous.isEnabled()).isFalse();
        while (steps.next.isEnabled()) {
            ButtonKt._click(steps.next);
            texts.add(steps.text.getText());
            selected.add(view.cellGrid().selectedName());
        }
        assertThat(selected).containsExactly("x", "y", "z", "q", "f", "t", "L", "L", "t", "f", "q", "z", "y", "x");
        assertThat(texts.get(0)).isEqualTo("forward: x = -2 (input)");
        assertThat(texts.get(3)).isEqualTo("forward: q = x + y = (-2) + 5 = 3");
        assertThat(texts.get(4)).isEqualTo("forward: f = q · z = 3 · (-4) = -12");
        assertThat(texts.get(6)).isEqualTo("forward: L = mse(f, t) = mse((-12), (-10)) = 4");
        assertThat(texts.get(7)).isEqualTo("backward: start at the objective: dL/dL = 1");
        assertThat(texts.get(9)).isEqualTo("backward: upstream gradient × local derivative: dL/df = dL/dL · ∂L/∂f = (1)·(-4) = -4");
        assertThat(texts.get(10)).isEqualTo("backward: upstream gradient × local derivative: dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16");
        assertThat(texts.get(11)).endsWith("dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12");
        assertThat(texts.get(13)).endsWith("dL/dx = dL/dq · ∂q/∂x = (16)·(1) = 16");
        assertThat(steps.position.getText()).isEqualTo("backward 7 of 7");
        ButtonKt._click(steps.previous);
        assertThat(steps.text.getText()).endsWith("= 16");
        assertThat(view.cellGrid().selectedName()).isEqualTo("y");

        // An edit ends stepping: the steps' numbers would be stale.
        view.presenter().setValue("z", "-3");
        roundtrip();
        assertThat(steps.active()).isFalse();
        assertThat(steps.next.isVisible()).isFalse();
    }

    @Test
    void aCellFeedingSeveralOthersAddsUp() throws Exception {
        SharedSheet s = registry.create(SheetFile.parse("x = input(3)\ny = x * x\nz = x + y\n", "s.sheet"));
        com.vaadin.flow.component.UI.getCurrent().navigate("sheet/" + s.id());
        roundtrip();
        SheetView view = com.github.mvysny.kaributesting.v10.LocatorJ._get(SheetView.class);
        ButtonKt._click(view.stepPanel().start);
        while (view.stepPanel().next.isEnabled()) {
            ButtonKt._click(view.stepPanel().next);
        }
        assertThat(view.stepPanel().text.getText()).isEqualTo("backward: x feeds 2 cells, so its gradient adds up (+=)"
                + " what each sends back: dz/dx = dz/dy · ∂y/∂x + dz/dz · ∂z/∂x = (1)·(6) + (1)·(1) = 7");
    }
}
