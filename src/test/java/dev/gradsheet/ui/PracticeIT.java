package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.ui.pages.PracticePart;
import dev.gradsheet.ui.pages.SheetPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A student practises the CS231n neuron's gradients in real Chromium: one answer wrong. */
class PracticeIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    @Test
    void studentTypesTheNeuronsGradientsAndSeesTicksAndACross() throws Exception {
        // The teacher's practice sheet: the neuron with the gradients of its inputs and weights hidden.
        SharedSheet shared = registry.create(SheetFile.parse(Examples.byId("cs231n-neuron").text()
                + "@practice = gradients of w0, x0, w1, x1, w2\n", "neuron.sheet"));
        SheetPage sheet = openSheet(newBrowser(), shared.id());
        sheet.grid().waitFor("w0", GRAD, "?", 90);
        assertThat(sheet.grid().text("x1", GRAD)).isEqualTo("?");
        assertThat(sheet.grid().text("f", VALUE)).isEqualTo("0.731059");
        PracticePart practice = sheet.practice();
        assertThat(practice.score()).isEqualTo("Score: 0 of 5 right");

        practice.answer("w0", "-0.1966");
        practice.answer("x0", "0.3932");
        practice.answer("w1", "-0.3932");
        practice.answer("x1", "0.5898"); // the sign is wrong: dx1 = w1·σ' = -0.5898
        practice.answer("w2", "0.1966");
        for (String right : new String[] {"w0", "x0", "w1", "w2"}) {
            practice.waitForMark(right, "✓");
        }
        practice.waitForMark("x1", "✗");
        practice.waitForScore("Score: 4 of 5 right");

        screenshot(sheet, "practice-answers");
        practice.askHint("x1");
        practice.waitForHintStartingWith("Hint 1 of 3 for the gradient of x1: x1 feeds f.2: × multiplies it by the other input.");
        screenshot(sheet, "practice-neuron");
        assertThat(shared.claims().expectations()).hasSize(5);
    }
}
