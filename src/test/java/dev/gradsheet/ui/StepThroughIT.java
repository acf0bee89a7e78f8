package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StepThroughPart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps through the worked example's backward pass in real Chromium: −4, then −12 and 16, in order. */
class StepThroughIT extends BrowserTestBase {

    @Test
    void backwardPassOfTheWorkedExampleOneCellAtATime() throws Exception {
        SheetPage sheet = workedExample();
        StepThroughPart steps = sheet.stepThrough();
        steps.start("forward: x = -2 (input)");
        List<String> backward = new ArrayList<>();
        for (int i = 1; i < 14; i++) {
            String step = steps.next();
            if (step.startsWith("backward")) {
                backward.add(step);
            }
            if (step.contains("dL/df = ")) {
                screenshot(sheet, "step-through-f");
            }
        }
        assertThat(backward).hasSize(7);
        int f = indexOf(backward, "dL/df = dL/dL · ∂L/∂f = (1)·(-4) = -4");
        int z = indexOf(backward, "dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12");
        int x = indexOf(backward, "dL/dx = dL/dq · ∂q/∂x = (16)·(1) = 16");
        assertThat(f).isLessThan(z);
        assertThat(z).isLessThan(x);
        assertThat(steps.position()).isEqualTo("backward 7 of 7");
    }

    private static int indexOf(List<String> texts, String ending) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).endsWith(ending)) {
                return i;
            }
        }
        throw new AssertionError("no step ends with " + ending + ": " + texts);
    }
}
