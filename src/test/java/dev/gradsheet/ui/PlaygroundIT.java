package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.pages.DecisionPicturePart;
import dev.gradsheet.ui.pages.LossChartPart;
import dev.gradsheet.ui.pages.NetworkPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.TrainingPart;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Playground loop in a real browser: the XOR template with the panel's default settings, Play, and the loss
 * read from the page falls below 0.05 within ten seconds; Pause and Reset from the page.
 */
class PlaygroundIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    /**
     * Opens a sheet of {@code text} in a fresh 1366×768 browser, waits for cell {@code cell} to show
     * {@code formula}, and chooses the training panel's tab.
     */
    private SheetPage trainingPanelOf(String text, String cell, String formula) throws Exception {
        SharedSheet shared = registry.create(dev.gradsheet.sheet.SheetFile.parse(text, "test.sheet"));
        WebDriver b = newBrowser();
        viewport(b, 1366, 768);
        SheetPage sheet = openSheet(b, shared.id());
        sheet.grid().waitFor(cell, FORMULA, formula, 90);
        sheet.chooseTrainingTab();
        return sheet;
    }

    /** Opens the start page at 1366×768, then the Templates dialog's default (MLP 2-4-1 on XOR) as a new sheet. */
    private SheetPage xorTemplate() throws Exception {
        return workedExample(1366, 768).showTraining().openTemplates().open(4);
    }

    @Test
    void playOnTheXorTemplateLearnsWithinTenSeconds() throws Exception {
        SheetPage sheet = xorTemplate(); // the dialog's defaults: MLP 2-4-1 on XOR
        TrainingPart training = sheet.training().waitUntilShown();

        training.play(); // Play, default settings
        long clicked = System.nanoTime();
        sheet.waitUntil(10, "the loss should fall below 0.05 within 10 s", () -> training.loss() < 0.05);
        double seconds = (System.nanoTime() - clicked) / 1e9;
        assertThat(seconds).isLessThan(10);
        assertThat(training.pauseDisabled()).isFalse(); // still playing
        screenshot(sheet, "playground-01-xor-playing-1366x768");
        viewport(sheet.driver(), 800, 1000);
        screenshot(sheet, "playground-02-xor-playing-800x1000");
        viewport(sheet.driver(), 1366, 768);

        training.pause(); // once the page has settled after the resize
        training.waitForFinalLoss("Paused at step ", 20);
        assertThat(training.loss()).isLessThan(0.05);
        long paused = training.steps();
        assertThat(paused).isGreaterThan(100);

        training.step(); // one batch more
        sheet.waitUntil(20, "one step more than " + paused, () -> training.steps() == paused + 1);

        training.reset();
        training.waitForStatus("step 0 · epoch 0");
        sheet.waitForUndoTextContaining("reset");
        screenshot(sheet, "playground-03-xor-reset-1366x768");
    }

    @Test
    void networkViewShowsTheLayersAndAClickOnANeuronSelectsItsCell() throws Exception {
        SheetPage sheet = xorTemplate();
        NetworkPart network = sheet.training().network();
        network.waitForNeuron("h1_2");
        assertThat(network.neurons()).isEqualTo(7);
        assertThat(network.lines()).isEqualTo(12);
        network.hover("h1_2");
        // the hovered neuron's own picture shows enlarged; the others' stay hidden
        assertThat(network.bigPictureDisplay("h1_2")).isNotEqualTo("none");
        assertThat(network.bigPictureDisplay("h1_3")).isEqualTo("none");
        screenshot(sheet, "playground-04-network-hover-1366x768");
        network.clickNeuron("h1_2");
        sheet.why().waitForTitleContaining("h1_2");
        // below 1700 px training had taken the grid's place: the click brought the grid and its
        // explanation back, and the tab brings training back
        sheet.showTraining();
        // an edge is clicked on the band over its line (a thin line alone is hard to hit)
        network.clickEdge("w2_1_3");
        sheet.why().waitForTitleContaining("w2_1_3");
        viewport(sheet.driver(), 800, 1000);
        network.scrollIntoView();
        screenshot(sheet, "playground-05-network-800x1000");
    }

    /**
     * A 2-3-1 network written by hand (inputs a, b; hidden g, k, m; output o; sums in any order, sum(…),
     * a chain over cells) is drawn as three columns; hovering k shows its picture over (a, b), clicking
     * the edge v2 selects v2.
     */
    @Test
    void aHandWrittenNetworkIsDrawnByItsFormulas() throws Exception {
        String text = dev.gradsheet.train.NetworkStructureTest.HAND_WRITTEN_2_3_1
                + "@data = a, b, target\n@row = 0, 0, 0\n@row = 0, 1, 1\n@row = 1, 0, 1\n@row = 1, 1, 0\n";
        SheetPage sheet = trainingPanelOf(text, "a", "input(0.5)");
        NetworkPart network = sheet.training().network();
        network.waitForNeurons(6);
        assertThat(network.lines()).isEqualTo(9);
        assertThat(network.column("b")).isEqualTo(network.column("a"));
        assertThat(List.of(network.column("g"), network.column("k"), network.column("m"))).containsOnly(network.column("k"));
        assertThat(Double.parseDouble(network.column("a"))).isLessThan(Double.parseDouble(network.column("k")));
        assertThat(Double.parseDouble(network.column("k"))).isLessThan(Double.parseDouble(network.column("o")));
        network.hover("k");
        assertThat(network.bigPictureDisplay("k")).isNotEqualTo("none");
        assertThat(network.text()).contains("a →, b ↑");
        screenshot(sheet, "playground-07-hand-written-network-1366x768");
        // axe-core finds nothing serious in the drawn network (the SVG is labelled, every neuron and edge titled)
        assertThat(AxeCore.violations(sheet.driver()).stream().filter(v -> String.join(" ", v.targets()).contains("network")))
                .isEmpty();
        // v2 (k to o) is horizontal, a line of zero height: a real click 3 px off its middle still hits its band
        List<Number> middle = network.edgeMiddle("v2");
        assertThat(middle.get(2).doubleValue()).isZero();
        network.clickAt((int) Math.round(middle.get(0).doubleValue()), (int) Math.round(middle.get(1).doubleValue()) + 3);
        sheet.why().waitForTitleContaining("v2");
        sheet.showTraining();
        viewport(sheet.driver(), 800, 1000);
        network.scrollIntoView();
        screenshot(sheet, "playground-08-hand-written-network-800x1000");
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
        SheetPage sheet = trainingPanelOf(text, "w", "weight(0)");
        TrainingPart training = sheet.training().waitUntilShown();
        training.setBatch("30");
        training.setLearningRate("5");
        training.play();
        training.waitForError("training stopped: the loss blew up from ", 30);
        assertThat(training.error()).contains("learning rate is too large");
        training.waitForFinalLoss("Stopped by itself: the loss diverged", 20);
        assertThat(training.playDisabled()).isFalse(); // Play is offered again
        // the chart's epoch curve ends far above where it began
        LossChartPart chart = training.chart();
        assertThat(chart.lastEpochLoss()).isGreaterThan(1000 * chart.firstEpochLoss());
        for (String cell : List.of("w", "b", "out", "L")) {
            assertThat(Double.parseDouble(sheet.grid().text(cell, VALUE))).as(cell).isFinite();
        }
        screenshot(sheet, "playground-09-diverged-1366x768");
        viewport(sheet.driver(), 800, 1000);
        training.scrollToError();
        screenshot(sheet, "playground-10-diverged-800x1000");
    }

    /** With a test share, the held-back points are hollow rings (white inside), the training points filled. */
    @Test
    void testPointsAreHollowInTheDecisionPicture() throws Exception {
        SheetPage sheet = xorTemplate();
        sheet.training().setTestShare("25");
        DecisionPicturePart picture = sheet.training().decisionPicture();
        picture.waitForTestPoints(1);
        List<List<Number>> pixels = picture.pointPixels();
        assertThat(pixels).hasSize(4);
        assertThat(pixels.stream().filter(p -> p.get(0).intValue() == 1)).hasSize(1).allSatisfy(p ->
                assertThat(List.of(p.get(1).intValue(), p.get(2).intValue(), p.get(3).intValue())).containsExactly(255, 255, 255));
        assertThat(pixels.stream().filter(p -> p.get(0).intValue() == 0)).hasSize(3).allSatisfy(p ->
                assertThat(p.get(1).intValue() + p.get(2).intValue() + p.get(3).intValue()).isLessThan(200)); // dark fill
        picture.scrollIntoView();
        screenshot(sheet, "playground-06-test-points-1366x768");
    }
}
