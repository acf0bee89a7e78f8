package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GraphPart.nodes;
import static dev.gradsheet.ui.pages.GridPart.FORMULA;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.pages.GraphPart;
import dev.gradsheet.ui.pages.SheetPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph picture in Chromium at 1366×768: the 2-4-1 and a 2-8-8-1 MLP drawn in columns, every
 * neuron's label readable (at least 11 px) and in view; wheel, buttons and "Fit" zoom; the selected
 * cell's paths to the objective highlighted.
 */
class GraphIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    private SheetPage openMlp(List<Integer> hidden, int nodes) throws Exception {
        String text = Templates.mlp(2, hidden, Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1);
        SharedSheet shared = registry.create(SheetFile.parse(text, "mlp.sheet"));
        WebDriver b = newBrowser();
        viewport(b, 1366, 768);
        SheetPage sheet = openSheet(b, shared.id());
        sheet.grid().waitFor("x1", FORMULA, "input(0)", 90);
        sheet.graph().waitForNodes(nodes);
        return sheet;
    }

    /** Every neuron, the output and the loss: label at least 11 px and wholly inside the picture. */
    private static void assertReadable(Map<String, Object> report, List<String> mustRead) {
        double w = ((Number) report.get("width")).doubleValue();
        double h = ((Number) report.get("height")).doubleValue();
        for (Map<String, Object> n : nodes(report)) {
            String id = (String) n.get("id");
            double font = ((Number) n.get("font")).doubleValue();
            if (Boolean.TRUE.equals(n.get("labelShown"))) {
                assertThat(font).as(id + " label px").isGreaterThanOrEqualTo(11);
            }
            if (mustRead.stream().anyMatch(id::startsWith)) {
                assertThat(n.get("labelShown")).as(id + " readable").isEqualTo(true);
                assertThat(((Number) n.get("x1")).doubleValue()).as(id + " left").isGreaterThanOrEqualTo(0);
                assertThat(((Number) n.get("y1")).doubleValue()).as(id + " top").isGreaterThanOrEqualTo(0);
                assertThat(((Number) n.get("x2")).doubleValue()).as(id + " right").isLessThanOrEqualTo(w);
                assertThat(((Number) n.get("y2")).doubleValue()).as(id + " bottom").isLessThanOrEqualTo(h);
            }
        }
    }

    private static double x(Map<String, Object> report, String id) {
        return nodes(report).stream().filter(n -> id.equals(n.get("id"))).mapToDouble(n -> ((Number) n.get("x")).doubleValue())
                .findFirst().orElseThrow();
    }

    @Test
    void theTwoFourOneMlpIsReadableInColumnsWithPanZoomAndPaths() throws Exception {
        // weights drawn inside their neurons (Show weights off): 2 inputs, 4 neurons, out, y, L
        SheetPage sheet = openMlp(List.of(4), 9);
        GraphPart graph = sheet.graph();
        Map<String, Object> r = graph.report();
        assertReadable(r, List.of("x", "h1_", "out", "L"));
        assertThat(x(r, "h1_1")).isEqualTo(x(r, "h1_4"));
        assertThat(x(r, "x1")).isLessThan(x(r, "h1_1"));
        assertThat(x(r, "h1_1")).isLessThan(x(r, "out"));
        screenshot(sheet, "graph-2-4-1");

        // buttons
        double z0 = graph.zoom();
        graph.zoomIn();
        assertThat(graph.zoom()).isCloseTo(z0 * 1.25, org.assertj.core.data.Offset.offset(1e-6));
        graph.zoomOut();
        graph.zoomOut();
        assertThat(graph.zoom()).isLessThan(z0);
        // the mouse wheel zooms (towards the pointer) once the picture has the focus
        double before = graph.zoom();
        graph.focusPicture();
        graph.wheelInAtTheMiddle();
        sheet.waitUntil(5, "the wheel should zoom in", () -> graph.zoom() > before);
        graph.fit();
        assertReadable(graph.report(), List.of("h1_", "out", "L"));

        // the selected cell's paths to the objective
        graph.tap("h1_2");
        sheet.why().waitForTitleStartingWith("Why is dL/dh1_2");
        sheet.waitUntil(10, "L should be on the highlighted path",
                () -> nodes(graph.report()).stream().anyMatch(n -> "L".equals(n.get("id")) && Boolean.TRUE.equals(n.get("path"))));
        Map<String, Object> selected = graph.report();
        assertThat(nodes(selected).stream().filter(n -> Boolean.TRUE.equals(n.get("path"))).map(n -> n.get("id")))
                .containsExactlyInAnyOrder("h1_2", "out", "L");
        assertThat(((Number) selected.get("pathEdges")).intValue()).isEqualTo(2);
        screenshot(sheet, "graph-2-4-1-path");
    }

    @Test
    void aTwoEightEightOneMlpIsReadableAtALaptopsSize() throws Exception {
        SheetPage sheet = openMlp(List.of(8, 8), 21);
        GraphPart graph = sheet.graph();
        Map<String, Object> r = graph.report();
        assertReadable(r, List.of("h1_", "h2_", "out", "L"));
        assertThat(x(r, "h1_1")).isEqualTo(x(r, "h1_8"));
        assertThat(x(r, "h2_1")).isEqualTo(x(r, "h2_8"));
        assertThat(x(r, "h1_1")).isLessThan(x(r, "h2_1"));
        screenshot(sheet, "graph-2-8-8-1");
        readme(sheet, "graph-2-8-8-1-1366x768");

        // with every weight drawn: zoomed out, labels too small to read are left out, never drawn below 11 px
        graph.toggleShowWeights();
        graph.waitForNodes(126);
        graph.fit();
        Map<String, Object> all = graph.report();
        assertReadable(all, List.of());
        assertThat(nodes(all).stream().filter(n -> Boolean.TRUE.equals(n.get("labelShown"))).count())
                .as("labels shown when zoomed out").isLessThan(126);
        screenshot(sheet, "graph-2-8-8-1-weights");
    }
}
