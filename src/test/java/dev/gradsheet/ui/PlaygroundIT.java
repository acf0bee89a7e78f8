package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Playground loop in a real browser: the XOR template with the panel's default settings, Play, and the loss
 * read from the page falls below 0.05 within ten seconds; Pause and Reset from the page.
 */
class PlaygroundIT extends BrowserTestBase {

    /**
     * Opens a sheet of {@code text} in a fresh 1366×768 browser, waits for cell {@code cell} to show
     * {@code formula}, and opens the training panel.
     */
    private WebDriver trainingPanelOf(String text, String cell, String formula) throws Exception {
        SharedSheet shared = registry.create(dev.gradsheet.sheet.SheetFile.parse(text, "test.sheet"));
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url("sheet/" + shared.id()));
        waitForCell(b, cell, FORMULA, formula, 90);
        b.findElement(By.id("tab-training")).click();
        return b;
    }

    @Test
    void playOnTheXorTemplateLearnsWithinTenSeconds() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url(""));
        waitForWorkedExample(b);
        String first = b.getCurrentUrl();
        b.findElement(By.id("tab-training")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("templates")).isDisplayed());
        b.findElement(By.id("templates")).click();
        waitFor(b, 20).until(d -> !d.findElements(By.id("template-open")).isEmpty()
                && d.findElement(By.id("template-open")).isDisplayed());
        b.findElement(By.id("template-open")).click(); // the dialog's defaults: MLP 2-4-1 on XOR
        waitFor(b, 30).until(d -> !d.getCurrentUrl().equals(first));
        waitFor(b, 20).until(d -> d.findElement(By.id("data-summary")).getText().contains("M = 4 samples"));
        waitFor(b, 20).until(d -> d.findElement(By.id("train-start")).isDisplayed());

        b.findElement(By.id("train-start")).click(); // Play, default settings
        long clicked = System.nanoTime();
        waitFor(b, 10).withMessage(() -> "status after 10 s: " + b.findElement(By.id("train-status")).getText())
                .until(d -> loss(d) < 0.05);
        double seconds = (System.nanoTime() - clicked) / 1e9;
        assertThat(seconds).isLessThan(10);
        assertThat(b.findElement(By.id("train-stop")).getAttribute("disabled")).isNull(); // still playing
        screenshot(b, "playground-01-xor-playing-1366x768");
        LayoutIT.viewport(b, 800, 1000);
        screenshot(b, "playground-02-xor-playing-800x1000");
        LayoutIT.viewport(b, 1366, 768);

        clickWhenStill(b, "train-stop"); // Pause, once the page has settled after the resize
        waitFor(b, 20).withMessage(() -> "after Pause: " + b.findElement(By.id("final-loss")).getText() + " | "
                        + b.findElement(By.id("train-status")).getText() + " | " + b.findElement(By.id("train-error")).getText())
                .until(d -> d.findElement(By.id("final-loss")).getText().startsWith("Paused at step "));
        assertThat(loss(b)).isLessThan(0.05);
        long paused = TrainingIT.steps(b);
        assertThat(paused).isGreaterThan(100);

        b.findElement(By.id("train-step")).click(); // one batch more
        waitFor(b, 20).until(d -> TrainingIT.steps(d) == paused + 1);

        b.findElement(By.id("train-reset")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("train-status")).getText().equals("step 0 · epoch 0"));
        waitFor(b, 20).until(d -> d.findElement(By.id("undo")).getText().contains("reset"));
        screenshot(b, "playground-03-xor-reset-1366x768");
    }

    @Test
    void networkViewShowsTheLayersAndAClickOnANeuronSelectsItsCell() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        openXorTemplate(b);
        waitFor(b, 20).until(d -> !d.findElements(By.cssSelector("#network circle[data-cell='h1_2']")).isEmpty());
        assertThat(b.findElements(By.cssSelector("#network circle[data-cell]"))).hasSize(7);
        assertThat(b.findElements(By.cssSelector("#network line"))).hasSize(12);
        org.openqa.selenium.WebElement neuron = b.findElement(By.cssSelector("#network circle[data-cell='h1_2']"));
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'center'})", neuron);
        new org.openqa.selenium.interactions.Actions(b).moveToElement(neuron).perform();
        // the hovered neuron's own picture shows enlarged; the others' stay hidden
        assertThat(bigPictureDisplay(b, "h1_2")).isNotEqualTo("none");
        assertThat(bigPictureDisplay(b, "h1_3")).isEqualTo("none");
        screenshot(b, "playground-04-network-hover-1366x768");
        neuron.click();
        waitFor(b, 20).withMessage(() -> "why: " + b.findElement(By.id("why-title")).getText())
                .until(d -> d.findElement(By.id("why-title")).getText().contains("h1_2"));
        // an edge is clicked on the band over its line (a thin line alone is hard to hit)
        b.findElement(By.cssSelector("#network path.nv-hit[data-cell='w2_1_3']")).click();
        waitFor(b, 20).withMessage(() -> "why: " + b.findElement(By.id("why-title")).getText())
                .until(d -> d.findElement(By.id("why-title")).getText().contains("w2_1_3"));
        LayoutIT.viewport(b, 800, 1000);
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                b.findElement(By.id("network")));
        screenshot(b, "playground-05-network-800x1000");
    }

    @org.springframework.beans.factory.annotation.Autowired
    SheetRegistry registry;

    /**
     * A 2-3-1 network written by hand (inputs a, b; hidden g, k, m; output o; sums in any order, sum(…),
     * a chain over cells) is drawn as three columns; hovering k shows its picture over (a, b), clicking
     * the edge v2 selects v2.
     */
    @Test
    void aHandWrittenNetworkIsDrawnByItsFormulas() throws Exception {
        String text = dev.gradsheet.train.NetworkStructureTest.HAND_WRITTEN_2_3_1
                + "@data = a, b, target\n@row = 0, 0, 0\n@row = 0, 1, 1\n@row = 1, 0, 1\n@row = 1, 1, 0\n";
        WebDriver b = trainingPanelOf(text, "a", "input(0.5)");
        waitFor(b, 20).until(d -> d.findElements(By.cssSelector("#network circle[data-cell]")).size() == 6);
        assertThat(b.findElements(By.cssSelector("#network line"))).hasSize(9);
        java.util.function.Function<String, String> column = cell ->
                b.findElement(By.cssSelector("#network circle[data-cell='" + cell + "']")).getAttribute("cx");
        assertThat(column.apply("b")).isEqualTo(column.apply("a"));
        assertThat(List.of(column.apply("g"), column.apply("k"), column.apply("m"))).containsOnly(column.apply("k"));
        assertThat(Double.parseDouble(column.apply("a"))).isLessThan(Double.parseDouble(column.apply("k")));
        assertThat(Double.parseDouble(column.apply("k"))).isLessThan(Double.parseDouble(column.apply("o")));
        org.openqa.selenium.WebElement k = b.findElement(By.cssSelector("#network circle[data-cell='k']"));
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'center'})", k);
        new org.openqa.selenium.interactions.Actions(b).moveToElement(k).perform();
        assertThat(bigPictureDisplay(b, "k")).isNotEqualTo("none");
        assertThat(b.findElement(By.id("network")).getText()).contains("a →, b ↑");
        screenshot(b, "playground-07-hand-written-network-1366x768");
        // axe-core finds nothing serious in the drawn network (the SVG is labelled, every neuron and edge titled)
        assertThat(AxeCore.violations(b).stream().filter(v -> String.join(" ", v.targets()).contains("network")))
                .isEmpty();
        // v2 (k to o) is horizontal, a line of zero height: a real click 3 px off its middle still hits its band
        @SuppressWarnings("unchecked")
        List<Number> middle = (List<Number>) ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "const r = document.querySelector(\"#network path.nv-hit[data-cell='v2']\").getBoundingClientRect();"
                        + " return [r.left + r.width / 2, r.top + r.height / 2, r.height];");
        assertThat(middle.get(2).doubleValue()).isZero();
        new org.openqa.selenium.interactions.Actions(b)
                .moveToLocation((int) Math.round(middle.get(0).doubleValue()), (int) Math.round(middle.get(1).doubleValue()) + 3)
                .click().perform();
        waitFor(b, 20).withMessage(() -> "why: " + b.findElement(By.id("why-title")).getText())
                .until(d -> d.findElement(By.id("why-title")).getText().contains("v2"));
        LayoutIT.viewport(b, 800, 1000);
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                b.findElement(By.id("network")));
        screenshot(b, "playground-08-hand-written-network-800x1000");
    }

    /**
     * A line fitted to the noisy line at learning rate 5: the run stops by itself, the page says why,
     * the curve ends with the blow-up, and every number in the grid is still a number.
     */
    @Test
    void divergenceStopsTheRunAndThePageSaysSo() throws Exception {
        dev.gradsheet.engine.Sheet line = dev.gradsheet.sheet.SheetFile.parse(
                "x1 = input(0)\nw = weight(0)\nb = weight(0)\nout = w * x1 + b\ny = input(0)\nL = mse(out, y)\n",
                "line.sheet").sheet();
        String text = dev.gradsheet.sheet.SheetFile.format(line, "", dev.gradsheet.train.BuiltInData.NOISY_LINE.table());
        WebDriver b = trainingPanelOf(text, "w", "weight(0)");
        waitFor(b, 20).until(d -> d.findElement(By.id("train-start")).isDisplayed());
        TrainingIT.type(b, "train-batch", "30");
        TrainingIT.type(b, "train-lr", "5");
        b.findElement(By.id("train-start")).click();
        waitFor(b, 30).withMessage(() -> "error: " + b.findElement(By.id("train-error")).getText())
                .until(d -> d.findElement(By.id("train-error")).getText().startsWith("training stopped: the loss blew up from "));
        assertThat(b.findElement(By.id("train-error")).getText()).contains("learning rate is too large");
        waitFor(b, 20).until(d -> d.findElement(By.id("final-loss")).getText().startsWith("Stopped by itself: the loss diverged"));
        assertThat(b.findElement(By.id("train-start")).getAttribute("disabled")).isNull(); // Play is offered again
        // the chart's epoch curve ends far above where it began
        Object first = ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "return document.getElementById('loss-chart')._chart.data.datasets[1].data[0].y");
        Object last = ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "const d = document.getElementById('loss-chart')._chart.data.datasets[1].data; return d[d.length - 1].y");
        assertThat(((Number) last).doubleValue()).isGreaterThan(1000 * ((Number) first).doubleValue());
        for (String cell : List.of("w", "b", "out", "L")) {
            assertThat(Double.parseDouble(cellText(b, cell, VALUE))).as(cell).isFinite();
        }
        screenshot(b, "playground-09-diverged-1366x768");
        LayoutIT.viewport(b, 800, 1000);
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                b.findElement(By.id("train-error")));
        screenshot(b, "playground-10-diverged-800x1000");
    }

    /** The text of {@code column} in {@code cell}'s grid row. */
    static String cellText(WebDriver b, String cell, int column) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) b).executeScript(CELL_JS, cell, column, false);
    }

    /** The CSS display of the enlarged picture of {@code cell}'s neuron (shown only while hovered). */
    static Object bigPictureDisplay(WebDriver b, String cell) {
        return ((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                "const c = document.querySelector(\"#network circle[data-cell='\" + arguments[0] + \"']\");"
                        + " return getComputedStyle(c.parentNode.querySelector('.nv-big')).display", cell);
    }

    /** JS: for each point of the decision picture, [test (1) or not (0), r, g, b] of the canvas at its centre. */
    static final String POINT_PIXELS_JS = """
            const e = document.getElementById('decision-picture');
            const m = e._map, side = Number(e.dataset.side), dpr = window.devicePixelRatio || 1;
            const ctx = e.querySelector('canvas').getContext('2d');
            return m.points.map(p => {
              const x = 44 + (p[0] - m.x0) / (m.x1 - m.x0) * side;
              const y = 22 + side - (p[1] - m.y0) / (m.y1 - m.y0) * side;
              const d = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
              return [p[3], d[0], d[1], d[2]];
            });
            """;

    /** With a test share, the held-back points are hollow rings (white inside), the training points filled. */
    @Test
    void testPointsAreHollowInTheDecisionPicture() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        openXorTemplate(b);
        org.openqa.selenium.WebElement share = b.findElement(By.cssSelector("#train-test input"));
        share.click();
        share.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "25",
                org.openqa.selenium.Keys.TAB);
        waitFor(b, 20).until(d -> "1".equals(d.findElement(By.id("decision-picture")).getAttribute("data-tests")));
        @SuppressWarnings("unchecked")
        java.util.List<java.util.List<Number>> pixels = (java.util.List<java.util.List<Number>>)
                ((org.openqa.selenium.JavascriptExecutor) b).executeScript(POINT_PIXELS_JS);
        assertThat(pixels).hasSize(4);
        assertThat(pixels.stream().filter(p -> p.get(0).intValue() == 1)).hasSize(1).allSatisfy(p ->
                assertThat(List.of(p.get(1).intValue(), p.get(2).intValue(), p.get(3).intValue())).containsExactly(255, 255, 255));
        assertThat(pixels.stream().filter(p -> p.get(0).intValue() == 0)).hasSize(3).allSatisfy(p ->
                assertThat(p.get(1).intValue() + p.get(2).intValue() + p.get(3).intValue()).isLessThan(200)); // dark fill
        org.openqa.selenium.WebElement picture = b.findElement(By.id("decision-picture"));
        ((org.openqa.selenium.JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block: 'center'})", picture);
        screenshot(b, "playground-06-test-points-1366x768");
    }

    /** Opens the start page, then the Templates dialog's default (MLP 2-4-1 on XOR) as a new sheet. */
    void openXorTemplate(WebDriver b) {
        b.get(url(""));
        waitForWorkedExample(b);
        String first = b.getCurrentUrl();
        b.findElement(By.id("tab-training")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("templates")).isDisplayed());
        b.findElement(By.id("templates")).click();
        waitFor(b, 20).until(d -> !d.findElements(By.id("template-open")).isEmpty()
                && d.findElement(By.id("template-open")).isDisplayed());
        b.findElement(By.id("template-open")).click();
        waitFor(b, 30).until(d -> !d.getCurrentUrl().equals(first));
        waitFor(b, 20).until(d -> d.findElement(By.id("data-summary")).getText().contains("M = 4 samples"));
    }

    /** The loss in the status line ("step 12 · epoch 12 · loss 0.0413 · 51234 steps/s"), or +∞ before. */
    static double loss(WebDriver d) {
        String t = d.findElement(By.id("train-status")).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("· loss (\\S+)").matcher(t);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.POSITIVE_INFINITY;
    }
}
