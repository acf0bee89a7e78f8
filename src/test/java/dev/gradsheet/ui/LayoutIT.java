package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.KIND;
import static dev.gradsheet.ui.pages.GridPart.NAME;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.ui.pages.AddCellPart;
import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.PagePart.Box;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.TrainingPart;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium at a laptop's 1366×768, a tablet's 800×1000 and 1920×1080: the
 * grid's name, value and gradient columns, the selected cell's explanation, "Add a cell" and the
 * training panel are inside the viewport without scrolling. Training sits beside the grid at
 * 1920×1080 and takes the grid's place below that, with the grid one click away. The screenshots go
 * to the docs too.
 */
class LayoutIT extends BrowserTestBase {

    /** Asserts that {@code e} is wholly inside the viewport (and not of zero size). */
    static void assertInView(SheetPage page, WebElement e, String what, int width, int height) {
        Box r = page.box(e);
        assertThat(r.width()).as(what + " width").isPositive();
        assertThat(r.left()).as(what + " left").isGreaterThanOrEqualTo(-0.5);
        assertThat(r.top()).as(what + " top").isGreaterThanOrEqualTo(-0.5);
        assertThat(r.right()).as(what + " right").isLessThanOrEqualTo(width + 0.5);
        assertThat(r.bottom()).as(what + " bottom").isLessThanOrEqualTo(height + 0.5);
    }

    private void checkAt(int width, int height, boolean wide) throws Exception {
        SheetPage sheet = workedExample(width, height);
        GridPart grid = sheet.grid();
        // select z (its Kind cell: a click there selects without editing)
        grid.click("z", KIND);
        sheet.why().waitForTitle("Why is dL/dz = -12?");
        sheet.graph().waitForNodes(7);

        // the page itself does not scroll, either way
        assertThat(sheet.scrollHeight()).isLessThanOrEqualTo(height);
        assertThat(sheet.scrollWidth()).isLessThanOrEqualTo(width);
        // the grid needs no sideways scrolling, and z's name, value and gradient are in view
        assertThat(grid.sidewaysOverflow()).as("grid scrolls sideways by").isLessThanOrEqualTo(0);
        for (int column : new int[] {NAME, VALUE, GRAD}) {
            assertInView(sheet, grid.cell("z", column), "z column " + column, width, height);
            assertInView(sheet, grid.header(column), "header " + column, width, height);
        }
        assertThat(grid.text("z", GRAD)).isEqualTo("-12");
        // the explanation of the selected cell, whole, without scrolling
        assertInView(sheet, sheet.why().titleElement(), "Why title", width, height);
        assertInView(sheet, sheet.why().equationElement(), "Why equation", width, height);
        assertInView(sheet, sheet.why().firstTerm(), "Why term", width, height);
        assertInView(sheet, sheet.graph().element(), "graph", width, height);
        screenshot(sheet, "layout-" + width + "x" + height);
        readme(sheet, "sheet-" + width + "x" + height);

        // "Add a cell" is one click away and then in view
        AddCellPart add = sheet.showAddCell();
        assertInView(sheet, add.addButton(), "Add cell button", width, height);
        assertInView(sheet, add.nameField(), "Add cell name", width, height);

        // training: beside the grid where the screen is wide enough for both (1920), in the grid's
        // place below that, with the grid one click away; Play in view either way
        TrainingPart training = sheet.showTraining();
        assertInView(sheet, training.playButton(), "Start training", width, height);
        screenshot(sheet, "layout-" + width + "x" + height + "-training");
        if (width >= 1700) {
            Box beside = sheet.box(grid.element());
            assertThat(sheet.box(training.element()).left()).as("training beside the grid").isGreaterThanOrEqualTo(beside.right());
            assertThat(training.gridButtonShown()).isFalse();
        } else {
            assertInView(sheet, training.gridButton(), "Grid button", width, height);
            training.showGrid();
        }
        // the grid keeps its rows beside the tabs (it used to shrink to three)
        Box gridBox = sheet.box(grid.element());
        assertThat(gridBox.height()).as("grid height").isGreaterThan(wide ? 250 : 200);
        assertInView(sheet, sheet.why().titleElement(), "Why title (after training)", width, height);
    }

    @Test
    void laptop1366x768() throws Exception {
        checkAt(1366, 768, true);
    }

    @Test
    void tablet800x1000() throws Exception {
        checkAt(800, 1000, false);
    }

    @Test
    void desktop1920x1080() throws Exception {
        checkAt(1920, 1080, true);
    }
}
