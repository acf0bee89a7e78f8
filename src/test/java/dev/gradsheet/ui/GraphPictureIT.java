package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.NAME;
import static dev.gradsheet.ui.pages.GridPart.VALUE;
import static dev.gradsheet.ui.pages.ScreenPart.SCREENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.ui.pages.AddCellPart;
import dev.gradsheet.ui.pages.GraphPart;
import dev.gradsheet.ui.pages.GraphPicturePart;
import dev.gradsheet.ui.pages.GraphPicturePart.Node;
import dev.gradsheet.ui.pages.SheetPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The graph picture keeps itself in view, in Chromium at 1366×768, 800×1000 and 1920×1080: every node
 * inside the picture with a readable label after an SGD step makes labels wider; no edge is drawn
 * through another cell's label; the wheel scrolls the page unless the picture has the focus; Fit never
 * makes labels unreadable; a neuron built by hand in the Add a cell form (Enter after Enter, the
 * caret back in New cell each time) opens with its objective, which followed the newest cell, in view.
 */
class GraphPictureIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    /** Every node wholly inside the picture, its label drawn and at least 11 px. */
    private static void assertAllInView(GraphPicturePart picture, String when) {
        picture.settle();
        for (Node n : picture.nodes()) {
            assertThat(picture.inside(n)).as(n.id() + " inside the picture " + when + ": " + n).isTrue();
            assertThat(n.labelShown()).as(n.id() + " label drawn " + when).isTrue();
            assertThat(n.font()).as(n.id() + " label px " + when).isGreaterThanOrEqualTo(GraphPicturePart.MIN_LABEL_PX);
        }
    }

    private static void resize(SheetPage sheet, int[] size) {
        viewport(sheet.driver(), size[0], size[1]);
        sheet.screen().waitForWidth(size[0]);
    }

    @Test
    void theWorkedExampleStaysInViewAfterAStepAndNoEdgeCrossesALabel() throws Exception {
        SheetPage sheet = workedExample();
        GraphPart graph = sheet.showGraph();
        graph.waitForNodes(7);
        GraphPicturePart picture = graph.picture();
        for (int[] s : SCREENS) {
            resize(sheet, s);
            String at = " at " + s[0] + "x" + s[1];
            assertAllInView(picture, "when opened" + at);
            // q → f skips z's column: it passes beside z's label, not through it
            assertThat(picture.edgesThroughOtherNodes()).as("edges through labels" + at).isEmpty();
            sheet.applySgdStep();
            sheet.grid().waitFor("f", VALUE, "-11.64", 20);
            assertAllInView(picture, "after an SGD step" + at); // f = -11.64, L = 2.6896: wider labels
            assertThat(picture.edgesThroughOtherNodes()).as("edges through labels after the step" + at).isEmpty();
            screenshot(sheet, "graph-picture-after-step-" + s[0] + "x" + s[1]);
            sheet.undo();
            sheet.grid().waitFor("f", VALUE, "-12", 20);
        }
    }

    @Test
    void theWheelScrollsThePageUnlessThePictureHasTheFocus() throws Exception {
        SheetPage sheet = workedExample();
        GraphPart graph = sheet.showGraph();
        graph.waitForNodes(7);
        GraphPicturePart picture = graph.picture();
        for (int[] s : SCREENS) {
            resize(sheet, s);
            sheet.grid().click("x", NAME); // the focus elsewhere
            picture.settle();
            double before = picture.zoom();
            assertThat(picture.userZoom()).isFalse();
            picture.wheel(-300);
            picture.settle();
            assertThat(picture.zoom()).as("zoom after the wheel over an unfocused picture").isEqualTo(before);
            graph.focusPicture(); // a click or Tab gives it the focus too
            picture.wheel(-300);
            sheet.waitUntil(5, "the wheel should zoom the focused picture", () -> picture.zoom() > before);
            assertThat(picture.userZoom()).isTrue();
            // Fit: everything, readable
            graph.fit();
            assertAllInView(picture, "after Fit at " + s[0]);
        }
    }

    @Test
    void aNeuronBuiltByHandOpensWithItsObjectiveInView() throws Exception {
        SharedSheet empty = registry.create(SheetFile.parse("", "empty.sheet"));
        WebDriver b = newBrowser();
        viewport(b, 1366, 768);
        SheetPage sheet = openSheet(b, empty.id());
        AddCellPart add = sheet.addCell().waitUntilShown(90); // an empty sheet opens on Add a cell
        String[][] cells = {{"x0", "input(-1)"}, {"w0", "weight(2)"}, {"x1", "input(-2)"}, {"w1", "weight(-3)"},
                {"w2", "weight(-3)"}, {"a", "w0 * x0"}, {"b", "w1 * x1"}, {"s", "a + b + w2"}, {"f", "sigmoid(s)"},
                {"t", "input(1)"}, {"L", "mse(f, t)"}};
        for (String[] c : cells) {
            add.enter(c[0], c[1]);
            add.waitForCaretInNewCell(); // Enter added it and the caret is back, ready for the next
            sheet.waitUntil(20, c[0] + " should be in the grid", () -> sheet.grid().text(c[0], NAME) != null);
        }
        // the objective followed the newest loss-like cell: the loss, without anyone picking it
        sheet.waitUntil(20, "the objective should be L", () -> sheet.objective().startsWith("L = "));
        GraphPart graph = sheet.showGraph();
        graph.waitForNodes(12); // 11 cells and s.1 = a + b
        GraphPicturePart picture = graph.picture();
        for (int[] s : SCREENS) {
            resize(sheet, s);
            picture.settle();
            Node objective = picture.node("L");
            assertThat(picture.inside(objective)).as("the objective in view at " + s[0] + ": " + objective).isTrue();
            assertThat(objective.labelShown()).isTrue();
            for (Node n : picture.nodes()) {
                if (n.labelShown()) {
                    assertThat(n.font()).isGreaterThanOrEqualTo(GraphPicturePart.MIN_LABEL_PX);
                }
            }
            assertThat(picture.edgesThroughOtherNodes()).as("edges through labels at " + s[0]).isEmpty();
            screenshot(sheet, "graph-picture-neuron-by-hand-" + s[0] + "x" + s[1]);
        }
        // a selected cell is brought into view
        resize(sheet, new int[] {800, 1000});
        sheet.grid().click("x0", NAME);
        sheet.waitUntil(10, "x0 should be brought into the picture", () -> picture.inside(picture.node("x0")));
        assertThat(picture.node("x0").labelShown()).isTrue();
    }
}
