package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;
import static dev.gradsheet.ui.pages.GridPart.KIND;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.pages.DecisionPicturePart;
import dev.gradsheet.ui.pages.LessonPage;
import dev.gradsheet.ui.pages.LossChartPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.TemplatesDialog;
import dev.gradsheet.ui.pages.TrainingPart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training in a real browser: the XOR MLP template with XOR data trains in the background, the loss
 * curve (Chart.js) falls live, the decision picture is drawn; plus the two lesson pages.
 */
class TrainingIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    /** Opens the start page, the training panel (beside the grid or below it) and its templates dialog. */
    private TemplatesDialog openTemplateDialog() throws Exception {
        return workedExample().showTraining().openTemplates();
    }

    @Test
    void xorMlpTemplateTrainsAndTheLossCurveFalls() throws Exception {
        // defaults: MLP, hidden 4, sigmoid, cross-entropy, seed 1, XOR data
        SheetPage sheet = openTemplateDialog().openOnly();
        sheet.grid().waitFor("x1", FORMULA, "input(0)", 30);
        TrainingPart training = sheet.training();
        training.waitForSamples(4, 20);
        training.setEpochs("2000");
        training.setLearningRate("1");
        screenshot(sheet, "train-01-xor-template");
        String startObjective = sheet.objective();

        training.play();
        training.waitForFinalLossContaining("Final loss", 90);
        double finalLoss = Double.parseDouble(training.finalLoss().replaceAll("^.*Final loss (\\S+) .*$", "$1"));
        assertThat(finalLoss).isLessThan(0.05);
        assertThat(training.status()).contains("step 2000 / 2000");
        // the chart in the browser: the epoch curve ends below 0.05
        LossChartPart chart = training.chart();
        assertThat(chart.waitForLastEpochBelow(0.05, 20)).isLessThan(0.05);
        assertThat(chart.firstEpochLoss()).isGreaterThan(0.5);
        assertThat(training.numbersNote()).contains("current sample");
        sheet.waitUntilUndoEnabled();
        screenshot(sheet, "train-02-xor-trained");
        // readable log-axis ticks in 1-2-5 steps that never repeat a label; a decision picture
        // of at least 280 px square with a colour legend
        List<String> ticks = chart.tickLabels();
        assertThat(ticks).hasSizeBetween(3, 8).doesNotHaveDuplicates();
        assertThat(ticks).allMatch(t -> t.matches("(1|2|5|0\\.0*[125]|[125]0*|[125]e-\\d+)"), "1-2-5 ticks");
        DecisionPicturePart picture = training.decisionPicture();
        assertThat(picture.side()).isGreaterThanOrEqualTo(280);
        assertThat(picture.legend()).isEqualTo("output 0 … 1");
        picture.scrollToTop();
        screenshot(sheet, "train-03-decision-picture");

        // one undo reverts the whole run
        sheet.undo();
        sheet.waitForObjective(startObjective);
    }

    /**
     * A training table over 1 MB (the servlet's default limit) and under the panel's 5 MB
     * is used; before, the server refused it before the panel saw it and nothing was said.
     */
    @Test
    void aTwoMegabyteTableIsUsed() throws Exception {
        SheetPage sheet = openTemplateDialog().open(4); // the XOR MLP: inputs x1, x2 and target y
        TrainingPart training = sheet.training();
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        int rows = 0;
        while (csv.length() < 2_000_000) {
            csv.append(rows % 2).append(".25,").append(rows % 3).append(".5,").append(rows % 2).append('\n');
            rows++;
        }
        Path file = Files.createTempDirectory("gradsheet-csv").resolve("big.csv");
        Files.writeString(file, csv);
        training.uploadTable(file);
        training.waitForSamples(rows, 60);
        assertThat(training.dataErrors()).isEmpty();

        // over the server's limits, with the page's own check bypassed: said, and the table stays
        while (csv.length() < 6_000_000) {
            csv.append("1.25,0.5,1\n");
        }
        Path huge = file.resolveSibling("huge.csv");
        Files.writeString(huge, csv);
        training.liftTableLimit();
        training.uploadTable(huge);
        training.waitForDataError("the server did not take it (HTTP 413", 30);
        assertThat(training.dataSummary()).contains("M = " + rows + " samples");
        training.scrollToDataErrors();
        screenshot(sheet, "i13-table-refused-by-the-server");

        // and the next file is read: neither the used nor the refused one is left in the list
        Path small = file.resolveSibling("small.csv");
        Files.writeString(small, "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n");
        training.uploadTable(small);
        training.waitForSamples(3, 30);
    }

    @Test
    void twoMoonsTrainLiveAndStop() throws Exception {
        TemplatesDialog templates = openTemplateDialog();
        templates.setHidden("8");
        templates.pickActivation("tanh");
        templates.pickData("Two moons");
        SheetPage sheet = templates.openOnly();
        sheet.grid().waitFor("h1_1", FORMULA, "tanh(w1_1_1 * x1 + w1_1_2 * x2 + b1_1)", 30);
        TrainingPart training = sheet.training();
        training.waitForSamples(100, 20);
        training.setBatch("1");
        training.setEpochs("100000");
        training.setLearningRate("0.02");
        String w0 = sheet.grid().text("w1_1_1", VALUE);
        training.play();
        // live: the status, the loss curve and the grid move while the run goes on
        sheet.waitUntil(30, "more than 5000 steps", () -> training.steps() > 5000);
        // the grid's numbers follow the status (each is pushed on its own): wait for the weight to move
        sheet.waitUntil(30, "w1_1_1 should move", () -> !sheet.grid().text("w1_1_1", VALUE).equals(w0));
        String w1 = sheet.grid().text("w1_1_1", VALUE);
        long points = training.chart().epochPoints();
        sheet.waitUntil(30, "the curve and w1_1_1 should move on", () -> training.chart().epochPoints() > points + 3
                && !sheet.grid().text("w1_1_1", VALUE).equals(w1));
        assertThat(w1).isNotEqualTo(w0);
        assertThat(training.pauseEnabled()).isTrue();
        screenshot(sheet, "train-05-two-moons-running");
        training.pause();
        training.waitForFinalLoss("Paused at step", 30);
        assertThat(training.numbersNote()).contains("that batch (m = 1;");
        screenshot(sheet, "train-06-two-moons-stopped");
    }

    @Test
    void stepNeuronLineAndSaturatedSigmoidFlag() throws Exception {
        TemplatesDialog templates = openTemplateDialog();
        templates.chooseKind("Step neuron");
        templates.waitForNote("cannot learn");
        screenshot(templates, "train-07-step-template-dialog");
        SheetPage sheet = templates.openOnly();
        sheet.grid().waitFor("out", FORMULA, "step(w1 * x1 + w2 * x2 + b, theta)", 30);
        sheet.training().waitForSamples(40, 20);
        screenshot(sheet, "train-08-step-neuron-line");

        var shared = registry.create(dev.gradsheet.sheet.Examples.byId("saturation").load());
        openSheet(sheet.driver(), shared.id()).grid().waitFor("p", KIND, "⚠ sigmoid", 60);
        screenshot(sheet, "train-09-saturated-sigmoid");
    }

    @Test
    void lessonPagesDrawTheirCharts() throws Exception {
        LessonPage activations = LessonPage.open(newBrowser(), url("lesson/activations"));
        activations.waitForActivationChart("relu", 90);
        screenshot(activations, "train-03-activations");
        LessonPage losses = LessonPage.open(activations.driver(), url("lesson/losses"));
        losses.waitForCrossEntropyGradient("a − y", 60);
        losses.waitForLossCurve(20);
        screenshot(losses, "train-04-losses");
    }
}
