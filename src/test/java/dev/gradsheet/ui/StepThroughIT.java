package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Steps through the worked example's backward pass in real Chromium: −4, then −12 and 16, in order. */
class StepThroughIT extends BrowserTestBase {

    static String stepText(WebDriver b) {
        return b.findElement(By.id("step-text")).getText();
    }

    @Test
    void backwardPassOfTheWorkedExampleOneCellAtATime() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        b.findElement(By.id("step-start")).click();
        waitFor(b, 20).until(d -> stepText(d).equals("forward: x = -2 (input)"));
        List<String> backward = new ArrayList<>();
        for (int i = 1; i < 14; i++) {
            String before = stepText(b);
            b.findElement(By.id("step-next")).click();
            waitFor(b, 20).until(d -> !stepText(d).equals(before));
            if (stepText(b).startsWith("backward")) {
                backward.add(stepText(b));
            }
            if (stepText(b).contains("dL/df = ")) {
                screenshot(b, "step-through-f");
            }
        }
        assertThat(backward).hasSize(7);
        int f = indexOf(backward, "dL/df = dL/dL · ∂L/∂f = (1)·(-4) = -4");
        int z = indexOf(backward, "dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12");
        int x = indexOf(backward, "dL/dx = dL/dq · ∂q/∂x = (16)·(1) = 16");
        assertThat(f).isLessThan(z);
        assertThat(z).isLessThan(x);
        assertThat(b.findElement(By.id("step-position")).getText()).isEqualTo("backward 7 of 7");
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
