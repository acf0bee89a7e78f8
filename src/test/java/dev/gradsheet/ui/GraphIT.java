package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

    @SuppressWarnings("unchecked")
    static Map<String, Object> report(WebDriver b) {
        return (Map<String, Object>) ((JavascriptExecutor) b).executeScript(
                "return document.getElementById('graph').report()");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("nodes");
    }

    static double zoom(WebDriver b) {
        return ((Number) report(b).get("zoom")).doubleValue();
    }

    private WebDriver openMlp(List<Integer> hidden, int nodes) throws Exception {
        String text = Templates.mlp(2, hidden, Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1);
        SharedSheet shared = registry.create(SheetFile.parse(text, "mlp.sheet"));
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url("sheet/" + shared.id()));
        waitForCell(b, "x1", FORMULA, "input(0)", 90);
        waitFor(b, 20).until(d -> String.valueOf(nodes).equals(d.findElement(By.id("graph")).getAttribute("nodes")));
        return b;
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
        WebDriver b = openMlp(List.of(4), 9);
        Map<String, Object> r = report(b);
        assertReadable(r, List.of("x", "h1_", "out", "L"));
        assertThat(x(r, "h1_1")).isEqualTo(x(r, "h1_4"));
        assertThat(x(r, "x1")).isLessThan(x(r, "h1_1"));
        assertThat(x(r, "h1_1")).isLessThan(x(r, "out"));
        screenshot(b, "graph-2-4-1");

        // buttons
        double z0 = zoom(b);
        b.findElement(By.id("graph-zoom-in")).click();
        assertThat(zoom(b)).isCloseTo(z0 * 1.25, org.assertj.core.data.Offset.offset(1e-6));
        b.findElement(By.id("graph-zoom-out")).click();
        b.findElement(By.id("graph-zoom-out")).click();
        assertThat(zoom(b)).isLessThan(z0);
        // the mouse wheel zooms (towards the pointer)
        double before = zoom(b);
        ((JavascriptExecutor) b).executeScript("""
                const c = document.querySelector('#graph canvas:last-of-type');
                const r = c.getBoundingClientRect();
                c.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 2,
                    clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
                """);
        waitFor(b, 5).until(d -> zoom(d) > before);
        b.findElement(By.id("graph-fit")).click();
        assertReadable(report(b), List.of("h1_", "out", "L"));

        // the selected cell's paths to the objective
        ((JavascriptExecutor) b).executeScript("document.getElementById('graph')._cy.getElementById('h1_2').emit('tap')");
        waitFor(b, 20).until(d -> d.findElement(By.id("why-title")).getText().startsWith("Why is dL/dh1_2"));
        waitFor(b, 10).until(d -> nodes(report(d)).stream().anyMatch(n -> "L".equals(n.get("id")) && Boolean.TRUE.equals(n.get("path"))));
        Map<String, Object> selected = report(b);
        assertThat(nodes(selected).stream().filter(n -> Boolean.TRUE.equals(n.get("path"))).map(n -> n.get("id")))
                .containsExactlyInAnyOrder("h1_2", "out", "L");
        assertThat(((Number) selected.get("pathEdges")).intValue()).isEqualTo(2);
        screenshot(b, "graph-2-4-1-path");
    }

    @Test
    void aTwoEightEightOneMlpIsReadableAtALaptopsSize() throws Exception {
        WebDriver b = openMlp(List.of(8, 8), 21);
        Map<String, Object> r = report(b);
        assertReadable(r, List.of("h1_", "h2_", "out", "L"));
        assertThat(x(r, "h1_1")).isEqualTo(x(r, "h1_8"));
        assertThat(x(r, "h2_1")).isEqualTo(x(r, "h2_8"));
        assertThat(x(r, "h1_1")).isLessThan(x(r, "h2_1"));
        screenshot(b, "graph-2-8-8-1");
        LayoutIT.readme(b, "graph-2-8-8-1-1366x768");

        // with every weight drawn: zoomed out, labels too small to read are left out, never drawn below 11 px
        b.findElement(By.cssSelector("#show-weights input")).click();
        waitFor(b, 20).until(d -> "126".equals(d.findElement(By.id("graph")).getAttribute("nodes")));
        b.findElement(By.id("graph-fit")).click();
        Map<String, Object> all = report(b);
        assertReadable(all, List.of());
        assertThat(nodes(all).stream().filter(n -> Boolean.TRUE.equals(n.get("labelShown"))).count())
                .as("labels shown when zoomed out").isLessThan(126);
        screenshot(b, "graph-2-8-8-1-weights");
    }
}
