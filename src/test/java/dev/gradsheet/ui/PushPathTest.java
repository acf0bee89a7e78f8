package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import com.vaadin.flow.data.provider.DataChangeEvent;
import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed of the page: what one edit re-sends. A value edit that changes every cell of a
 * 100,000-cell sheet re-sends only the rows the browser holds, never the whole grid (which would make
 * the browser fetch its rows again), and the graph picture is updated from its own few nodes.
 */
class PushPathTest extends KaribuTestBase {
    @Test
    void aValueEditOfEveryCellResendsOnlyTheRowsTheBrowserHolds() throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(PageSpeedProbe.damped(100_000), "damped.sheet"));
        com.vaadin.flow.component.UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        SheetView view = _get(SheetView.class);
        var grid = view.cellGrid().grid();
        List<DataChangeEvent<?>> reloads = new ArrayList<>();
        List<DataChangeEvent<?>> rows = new ArrayList<>();
        grid.getDataProvider().addDataProviderListener(e -> {
            if (e instanceof DataChangeEvent.DataRefreshEvent<?>) {
                rows.add(e);
            } else {
                reloads.add(e);
            }
        });
        double before = shared.sheet().cell("c20000").orElseThrow().value();
        view.sgdPanel().apply();
        roundtrip();
        assertThat(shared.sheet().cell("c20000").orElseThrow().value()).isNotEqualTo(before);
        assertThat(reloads).as("whole-grid reloads").isEmpty();
        assertThat(rows.size()).as("rows re-sent").isLessThanOrEqualTo(2 * grid.getPageSize());
        // the graph's nodes show the new numbers
        String label = view.graph().picture().node("L").label();
        assertThat(label).startsWith("L = " + dev.gradsheet.engine.Numbers.readable(
                shared.sheet().cell("L").orElseThrow().value(), 4));
        // and a row scrolled to later is fetched with the new numbers
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(grid, shared.sheet().indexOf("c20000")).value())
                .isEqualTo(shared.sheet().cell("c20000").orElseThrow().value());
    }
}
