package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Big sheets: lazy rows, a readable graph neighbourhood and the live-update budget. */
class LargeSheetTest extends KaribuTestBase {

    /** A chain: x, w, c1 = x * w, c2 = c1 + w, c3 = c2 * w, ... and a loss at the end. */
    static String chain(int cells) {
        StringBuilder out = new StringBuilder("x = input(0.5)\nw = weight(1)\n");
        out.append("c1 = x * w\n");
        for (int i = 2; i <= cells - 3; i++) {
            out.append('c').append(i).append(" = c").append(i - 1).append(i % 2 == 0 ? " + w\n" : " * w\n");
        }
        out.append("L = c").append(cells - 3).append(" * 0.001\n");
        return out.toString();
    }

    SheetView open(String text) throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(text, "big.sheet"));
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        return _get(SheetView.class);
    }

    @Test
    void aHundredThousandCellSheetOpensAndScrolls() throws Exception {
        long start = System.nanoTime();
        SheetView view = open(chain(100_000));
        long openMs = (System.nanoTime() - start) / 1_000_000;
        var grid = view.cellGrid().grid();
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(100_000);
        // rows far down load on demand
        List<Cell> page = GridKt._fetch(grid, 99_000, 50);
        assertThat(page).hasSize(50);
        assertThat(GridKt._get(grid, GridKt._size(grid) - 1).name()).isEqualTo("L");
        // the graph shows the neighbourhood only
        GraphModel.Picture picture = view.graph().picture();
        assertThat(picture.neighbourhood()).isTrue();
        assertThat(picture.nodes().size()).isLessThanOrEqualTo(GraphModel.NEIGHBOURHOOD_LIMIT);
        assertThat(picture.node("L")).isNotNull();
        view.cellGrid().select("c500");
        roundtrip();
        assertThat(view.graph().picture().node("c500")).isNotNull();
        assertThat(view.graph().picture().node("c499")).isNotNull();
        assertThat(view.graph().picture().node("c501")).isNotNull();
        System.out.println("100,000-cell sheet opened in the view in " + openMs + " ms");
        assertThat(openMs).isLessThan(60_000);
    }

    @Test
    void aThousandCellEditReachesTheScreenWithinBudget() throws Exception {
        SheetView view = open(chain(1_000));
        List<ChangeSet> seen = new CopyOnWriteArrayList<>();
        view.presenter().shared().sheet().changes().subscribe(seen::add);
        // warm up
        view.presenter().shared().sheet().setValue("w", 1.0001);
        roundtrip();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            view.presenter().shared().sheet().setValue("w", 1 + i * 1e-4);
            roundtrip(); // the pushed UI.access: grid rows, graph nodes, panels
            best = Math.min(best, System.nanoTime() - start);
        }
        long ms = best / 1_000_000;
        System.out.println("1,000-cell edit to updated UI state: " + ms + " ms");
        // Speed is reported, not asserted (a timed assertion fails on a busy 2-core machine); the
        // browser tests measure click-to-screen and docs/performance.md reports it.
        assertThat(seen.get(seen.size() - 1).size()).isGreaterThan(900);
    }
}
