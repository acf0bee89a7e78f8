package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.ui.common.Format;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.ui.train.TrainingPanel;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What the sheet page is made of, wherever the screen puts it. */
class SheetLayoutTest extends KaribuTestBase {
    private static boolean inside(Component c, Component ancestor) {
        for (Component p = c; p != null; p = p.getParent().orElse(null)) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theExplanationStaysOutsideTheTabsAndTrainingHasATab() {
        SheetView view = openStart();
        SideTabs tabs = view.sideTabs();
        assertThat(tabs.shown()).isEqualTo("tab-graph");
        assertThat(inside(view.cellPanel(), tabs)).isFalse(); // always in view, whatever the tab
        assertThat(inside(view.cellGrid(), tabs)).isFalse();
        tabs.show("tab-training");
        TrainingPanel training = _get(TrainingPanel.class);
        tabs.show("tab-graph");
        assertThat(inside(training, tabs)).isTrue();
        assertThat(inside(view.graph(), tabs)).isTrue();
        assertThat(inside(view.addForm(), tabs)).isTrue();
        assertThat(training.getContent().isOpened()).isTrue(); // the tab is the switch

        tabs.show("tab-training");
        assertThat(tabs.isShown("tab-training")).isTrue();
        assertThat(tabs.isShown("tab-graph")).isFalse();
        // hidden pages stay attached: a run keeps going and the graph keeps its view
        assertThat(view.graph().isAttached()).isTrue();
        tabs.show("tab-add");
        assertThat(training.isAttached()).isTrue();
        assertThat(tabs.isShown("tab-add")).isTrue();
    }

    @Test
    void aSheetWithDataOpensOnItsTrainingTab() throws Exception {
        SharedSheet shared = registry.create(dev.gradsheet.sheet.SheetFile.parse(
                "x1 = input(0)\nx2 = input(0)\nw = weight(0.5)\nout = sigmoid(w * x1 + x2)\ny = input(0)\nL = bce(out, y)\n"
                        + "@data = x1, x2, y\n@row = 0, 0, 0\n@row = 1, 1, 1\n", "d.sheet"));
        com.vaadin.flow.component.UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        assertThat(_get(SheetView.class).sideTabs().shown()).isEqualTo("tab-training");
    }

    @Test
    void nameValueAndGradientFitAnEightHundredPixelScreen() {
        SheetView view = openStart();
        Grid<Cell> grid = view.cellGrid().grid();
        // the grid is the full width minus the page's padding at 800 px, half of 1366 px beside the
        // tabs; columns grow from these widths
        assertThat(visibleWidth(grid)).isLessThanOrEqualTo(640);
        assertThat(grid.getColumnByKey("value").getWidth()).isEqualTo("110px");
        assertThat(grid.getColumnByKey("grad").getWidth()).isEqualTo("110px");
        // after a training run the batch gradient takes the local derivative's place
        view.cellGrid().showBatchGradients(java.util.Map.of("z", 0.5));
        assertThat(grid.getColumnByKey("batch").isVisible()).isTrue();
        assertThat(grid.getColumnByKey("local").isVisible()).isFalse();
        assertThat(visibleWidth(grid)).isLessThanOrEqualTo(640);
        view.cellGrid().showBatchGradients(java.util.Map.of());
        assertThat(grid.getColumnByKey("local").isVisible()).isTrue();
    }

    private static int visibleWidth(Grid<Cell> grid) {
        int sum = 0;
        for (Grid.Column<Cell> c : grid.getColumns()) {
            if (c.isVisible()) {
                sum += Integer.parseInt(c.getWidth().replace("px", ""));
            }
        }
        return sum;
    }

    @Test
    void headersAreShortWordsWithATooltip() {
        SheetView view = openStart();
        for (String key : new String[] {"name", "formula", "kind", "value", "grad"}) {
            assertThat(view.cellGrid().headerText(key).length()).as(key).isLessThanOrEqualTo(8);
            assertThat(view.cellGrid().headerTooltip(key)).as(key).isNotBlank();
        }
    }

    @Test
    void smallNumbersAreShortEnoughForTheirColumn() {
        // at most 11 characters for any 6-digit number the grid shows, so it is never broken or cut
        assertThat(Format.readable(3.95804e-6)).isEqualTo("3.95804e-6");
        assertThat(Format.readable(-0.0000676875)).isEqualTo("-6.76875e-5");
        assertThat(Format.readable(0.000164918)).isEqualTo("0.000164918");
        assertThat(Format.readable(-11.64)).isEqualTo("-11.64");
        for (double v : new double[] {3.95804e-6, -0.0000676875, 0.000164918, -0.00561475, 123456.7, -1.5e-300}) {
            assertThat(Format.readable(v).length()).as(Format.readable(v)).isLessThanOrEqualTo(12);
        }
    }
}
