package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.TrainingJob;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.CellGrid;
import dev.gradsheet.server.SharedSheet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The data & training panel: templates, data, background training, stop, undo, saturation flags. */
class TrainingPanelTest extends TrainKaribuTestBase {

    /** Opens the MLP template (2-4-1 sigmoid, cross-entropy, seed 1) with XOR data through the dialog. */
    TrainingPanel xorMlp() throws Exception {
        TrainingPanel start = open(Examples.WORKED.text());
        String before = path();
        start.getContent().setOpened(true);
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.open();
        dialog.kind.setValue(TemplateDialog.Kind.MLP);
        dialog.hidden.setValue("4");
        dialog.activation.setValue(Activation.SIGMOID);
        dialog.loss.setValue(Templates.Loss.CROSS_ENTROPY);
        dialog.seed.setValue(1);
        dialog.data.setValue(BuiltInData.XOR);
        dialog.open.click();
        roundtrip();
        assertThat(path()).startsWith("sheet/").isNotEqualTo(before);
        return _get(TrainingPanel.class);
    }

    @Test
    void xorMlpTemplateTrainsBelowLossFiveHundredths() throws Exception {
        TrainingPanel panel = xorMlp();
        Sheet sheet = panel.shared().sheet();
        assertThat(sheet.cell("h1_4")).isPresent();
        assertThat(sheet.cell("out")).map(Cell::kind).contains("sigmoid");
        assertThat(panel.shared().data()).isEqualTo(BuiltInData.XOR.table());
        assertThat(panel.data.summary.getText()).contains("M = 4 samples").contains("x1 → input x1")
                .contains("y → input y");
        assertThat(GridKt._size(panel.data.table)).isEqualTo(4);
        assertThat(panel.settings.batch.getValue()).isEqualTo(4);
        Map<String, Double> startWeights = weights(sheet);

        panel.settings.epochs.setValue(2000);
        panel.settings.learningRate.setValue(1.0);
        panel.transport.start.click();
        panel.finished().get(60, TimeUnit.SECONDS);
        roundtrip();

        assertThat(panel.job().epochLoss()).isLessThan(0.05);
        assertThat(panel.summary.finalLoss.getText()).startsWith("Done: 2000 steps. Final loss ")
                .contains("(mean over the last epoch)");
        double shown = Double.parseDouble(panel.summary.finalLoss.getText().replaceAll("^.*Final loss (\\S+) .*$", "$1"));
        assertThat(shown).isLessThan(0.05);
        assertThat(panel.readout.progress.getValue()).isEqualTo(1.0);
        assertThat(panel.readout.status.getText()).contains("step 2000 / 2000").contains("steps/s");
        // the loss curve: per step and per epoch, falling
        List<double[]> epochs = panel.curve.chart.series("mean loss per epoch").points();
        assertThat(epochs.get(0)[1]).isGreaterThan(0.5);
        assertThat(epochs.get(epochs.size() - 1)[1]).isLessThan(0.05);
        assertThat(panel.curve.chart.series("loss per step").points()).isNotEmpty();
        // which numbers are which
        assertThat(panel.summary.numbersNote.isVisible()).isTrue();
        assertThat(panel.summary.numbersNote.getText()).contains("current sample").contains("batch gradient");
        assertThat(GridKt._size(panel.summary.batchGradient)).isEqualTo(sheet.weights().size());
        assertThat(GridKt._getFormatted(panel.summary.batchGradient, 0, "batch")).isNotBlank();
        // the decision picture of out over (x1, x2), with 0.5 boundary data
        assertThat(panel.heatmap.map()).isNotNull();
        assertThat(panel.heatmap.map().xName()).isEqualTo("x1");
        // the grid itself shows each weight's batch gradient beside its last-sample gradient
        var cells = _get(dev.gradsheet.ui.CellGrid.class).grid();
        assertThat(cells.getColumnByKey("batch").isVisible()).isTrue();
        assertThat(_get(dev.gradsheet.ui.CellGrid.class).headerText("value")).isEqualTo("Value (last sample)");
        int row = sheet.indexOf("w1_1_1");
        assertThat(GridKt._getFormatted(cells, row, "batch"))
                .isEqualTo(dev.gradsheet.ui.common.Format.readable(panel.job().result().get().batchGradient().get("w1_1_1")));
        assertThat(GridKt._getFormatted(cells, sheet.indexOf("h1_1"), "batch")).isEmpty(); // weights only
        // one undo step reverts the whole run, and the batch gradients no longer apply
        assertThat(sheet.undoLabel().english()).isEqualTo("train at lr 1 (batch 4): 2000 steps to epoch 2000");
        assertThat(sheet.undo()).isTrue();
        assertThat(weights(sheet)).isEqualTo(startWeights);
        roundtrip();
        assertThat(cells.getColumnByKey("batch").isVisible()).isFalse();
        assertThat(_get(dev.gradsheet.ui.CellGrid.class).headerText("value")).isEqualTo("Value");
    }

    @Test
    void stoppingHalfwayLeavesAConsistentUndoableSheet() throws Exception {
        TrainingPanel panel = xorMlp();
        Sheet sheet = panel.shared().sheet();
        Map<String, Double> startWeights = weights(sheet);
        panel.settings.epochs.setValue(1_000_000);
        panel.settings.learningRate.setValue(0.1);
        panel.transport.start.click();
        assertThat(panel.transport.start.isEnabled()).isFalse();
        assertThat(panel.transport.stop.isEnabled()).isTrue();
        await().atMost(30, TimeUnit.SECONDS).until(() -> panel.job().progress().step() > 200);
        // live: progress, the loss curve and the decision picture move while the run goes on
        roundtrip();
        var picture = panel.heatmap.map();
        // the curve's last step (its point count can shrink: the history thins itself out as it grows)
        List<double[]> before = panel.curve.chart.series("loss per step").points();
        double curve = before.get(before.size() - 1)[0];
        int step = panel.job().progress().step();
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            roundtrip();
            assertThat(panel.heatmap.map()).isNotSameAs(picture);
            assertThat(panel.heatmap.map().outputs()).isNotEqualTo(picture.outputs());
            List<double[]> now = panel.curve.chart.series("loss per step").points();
            assertThat(now.get(now.size() - 1)[0]).isGreaterThan(curve);
            assertThat(panel.readout.status.getText()).startsWith("step ").doesNotStartWith("step " + step + " ");
        });
        panel.transport.stop.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        var result = panel.job().result().get();
        assertThat(result.stopped()).isTrue();
        assertThat(result.steps()).isLessThan(1_000_000);
        assertThat(panel.summary.finalLoss.getText()).startsWith("Paused at step " + result.steps() + " ");
        assertThat(panel.transport.start.isEnabled()).isTrue();
        assertThat(panel.transport.stop.isEnabled()).isFalse();
        assertThat(weights(sheet)).isNotEqualTo(startWeights);
        // consistent: the objective is what a fresh load of the current cells computes
        Sheet reloaded = dev.gradsheet.sheet.SheetFile.parse(dev.gradsheet.sheet.SheetFile.format(sheet, ""), "x").sheet();
        assertThat(reloaded.objectiveValue()).isEqualTo(sheet.objectiveValue());
        assertThat(sheet.undoLabel().english()).contains(": " + result.steps() + " steps to epoch ");
        assertThat(sheet.undo()).isTrue();
        assertThat(weights(sheet)).isEqualTo(startWeights);
    }

    /**
     * The run belongs to the sheet. Another session's tab on the link shows its
     * progress, curve and Stop (Start disabled) and can stop it; a tab reloaded mid-run finds it too.
     */
    @Test
    void everyTabOnTheLinkShowsTheRunAndCanStopIt() throws Exception {
        TrainingPanel panel = xorMlp();
        SharedSheet shared = panel.shared();
        panel.settings.epochs.setValue(1_000_000);
        panel.transport.start.click();
        await().atMost(30, TimeUnit.SECONDS).until(() -> panel.job().progress().step() > 10);
        TrainingJob run = panel.job();
        assertThat(shared.training().current()).isSameAs(run);

        // reloading this tab (opening the link afresh) does not stop the run; the new page shows it
        TrainingPanel reopened = open(shared);
        assertThat(reopened).isNotSameAs(panel);
        roundtrip();
        assertThat(run.isDone()).isFalse();
        assertThat(reopened.job()).isSameAs(run);
        assertThat(reopened.transport.start.isEnabled()).isFalse();
        assertThat(reopened.transport.stop.isEnabled()).isTrue();
        // a second start from it is refused: one run per sheet
        reopened.start();
        assertThat(reopened.error.getText()).contains("already training");

        // another session's tab (its own thread, as a second browser) sees the run live and stops it
        // (the template's sheet is this session's; its owner lets the link edit first)
        registry.setLinkMode(shared, dev.gradsheet.server.SheetOwner.LinkMode.EDIT, ctx.getBean(dev.gradsheet.server.LiveEvents.class));
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<String> seen = other.submit(() -> {
                kotlin.jvm.functions.Function0<UI> uiFactory = UI::new;
                com.github.mvysny.kaributesting.v10.MockVaadin.setup(uiFactory,
                        new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                                new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("dev.gradsheet.ui"), ctx, uiFactory));
                try {
                    UI.getCurrent().navigate("sheet/" + shared.id());
                    roundtrip();
                    TrainingPanel second = _get(TrainingPanel.class);
                    assertThat(second.job()).isSameAs(run);
                    assertThat(second.transport.start.isEnabled()).isFalse();
                    assertThat(second.transport.stop.isEnabled()).isTrue();
                    int step = run.progress().step();
                    await().pollInSameThread().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
                        roundtrip();
                        assertThat(second.readout.status.getText()).startsWith("step ").doesNotStartWith("step " + step + " ");
                        assertThat(second.curve.chart.series("loss per step").points()).isNotEmpty();
                    });
                    second.transport.stop.click();
                    second.finished().get(30, TimeUnit.SECONDS);
                    roundtrip();
                    assertThat(second.transport.start.isEnabled()).isTrue();
                    assertThat(second.transport.stop.isEnabled()).isFalse();
                    return second.summary.finalLoss.getText();
                } finally {
                    com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
                }
            });
            assertThat(seen.get(60, TimeUnit.SECONDS)).startsWith("Paused at step ");
        } finally {
            other.shutdownNow();
        }
        assertThat(run.result().get(30, TimeUnit.SECONDS).stopped()).isTrue();
        // this tab hears the end too
        reopened.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(reopened.summary.finalLoss.getText()).startsWith("Paused at step " + run.result().get().steps() + " ");
        assertThat(reopened.transport.start.isEnabled()).isTrue();
        assertThat(reopened.transport.stop.isEnabled()).isFalse();
        assertThat(shared.training().busy()).isFalse();
    }

    @Test
    void csvUploadErrorsShowFileAndLineAndLeaveEverythingAlone() throws Exception {
        TrainingPanel panel = open(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0));
        String before = panel.shared().sheet().toString();
        UploadKt._upload(panel.data.upload, "bad.csv", "text/csv",
                "x1,x2,y\n0,0,0\n1,abc,1\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        assertThat(panel.data.errorLines()).contains("bad.csv was not used (the sheet and its data are unchanged):",
                "bad.csv:3: column x2: 'abc' is not a number");
        assertThat(panel.shared().data()).isNull();
        UploadKt._upload(panel.data.upload, "cols.csv", "text/csv", "x1,zz\n1,2\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        assertThat(String.join("\n", panel.data.errorLines())).contains("cols.csv:1: column 'zz' names no cell of the sheet");
        assertThat(panel.shared().data()).isNull();
        assertThat(panel.shared().sheet().toString()).isEqualTo(before);

        byte[] big = new byte[DataSection.MAX_CSV_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '1');
        assertThat(panel.data.useCsv(big, "big.csv")).isFalse();
        assertThat(panel.data.errorLines()).singleElement().asString().startsWith("big.csv is larger than");
        assertThat(panel.data.upload.getMaxFileSize()).isEqualTo(DataSection.MAX_CSV_BYTES);
        assertThat(panel.shared().data()).isNull();

        UploadKt._upload(panel.data.upload, "good.csv", "text/csv",
                "x1,x2,y\n0,0,0\n1,1,1\n0.5,2,1\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        assertThat(panel.data.errorLines()).isEmpty();
        assertThat(panel.shared().data().size()).isEqualTo(3);
        assertThat(GridKt._getFormatted(panel.data.table, 2, "col-x2"))
                .isEqualTo("2");
        // saved with the sheet: it survives reload from disk
        registry.flush();
        assertThat(registry.store().load(panel.shared().id()).orElseThrow().data())
                .isEqualTo(panel.shared().data());
    }

    @Test
    void startWithoutDataOrWeightsExplainsWhy() throws Exception {
        TrainingPanel panel = open("a = input(1)\nb = a * 2\n");
        panel.transport.start.click();
        assertThat(panel.error.getText()).contains("Pick a built-in data set");
        assertThat(panel.data.use(new dev.gradsheet.sheet.DataTable(List.of("a"), new double[][] {{1}, {2}}), "d"))
                .isTrue();
        panel.transport.start.click();
        assertThat(panel.error.getText()).contains("no weight to train");
    }

    @Test
    void stepNeuronTemplateDrawsItsLineAndExplainsWhyItCannotLearn() throws Exception {
        open(Examples.WORKED.text());
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.kind.setValue(TemplateDialog.Kind.STEP);
        assertThat(dialog.note.getText()).contains("cannot learn by backpropagation").contains("x1 + x2 = 1");
        assertThat(dialog.data.getValue()).isEqualTo(BuiltInData.LINE_SEPARATION);
        SharedSheet created = dialog.openTemplate();
        roundtrip();
        TrainingPanel panel = _get(TrainingPanel.class);
        assertThat(panel.shared().id()).isEqualTo(created.id());
        var map = panel.heatmap.map();
        assertThat(map).isNotNull();
        // the picture is the line x1 + x2 = 1: output 1 above it, 0 below
        for (int j = 0; j < map.size(); j++) {
            for (int i = 0; i < map.size(); i++) {
                double x = map.x0() + (i + 0.5) * (map.x1() - map.x0()) / map.size();
                double y = map.y0() + (j + 0.5) * (map.y1() - map.y0()) / map.size();
                assertThat(map.at(i, j)).isEqualTo(x + y > 1 ? 1.0 : 0.0);
            }
        }
        // every weight's gradient is 0: training moves nothing, and the panel says why
        Sheet sheet = panel.shared().sheet();
        for (String w : sheet.weights()) {
            assertThat(sheet.grad(w)).isZero();
        }
        Map<String, Double> before = weights(sheet);
        panel.settings.epochs.setValue(5);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(weights(sheet)).isEqualTo(before);
        assertThat(panel.summary.numbersNote.getText()).contains("Every batch gradient is 0")
                .contains("cannot learn by backpropagation");
    }

    @Test
    void mlpBuilderRefusesBadLayerSizes() throws Exception {
        open(Examples.WORKED.text());
        String before = path();
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.hidden.setValue("4, x");
        assertThat(dialog.openTemplate()).isNull();
        assertThat(dialog.error.getText()).contains("'x' is not a whole number");
        dialog.hidden.setValue("0");
        assertThat(dialog.openTemplate()).isNull();
        assertThat(dialog.error.getText()).contains("1..256");
        assertThat(path()).isEqualTo(before);
        dialog.hidden.setValue("3, 2");
        dialog.activation.setValue(Activation.TANH);
        dialog.loss.setValue(Templates.Loss.MSE);
        assertThat(dialog.openTemplate()).isNotNull();
        roundtrip();
        Sheet sheet = _get(TrainingPanel.class).shared().sheet();
        assertThat(sheet.cell("h2_2")).map(Cell::kind).contains("tanh");
        assertThat(sheet.cell("L")).map(Cell::kind).contains("mse");
    }

    @Test
    void saturatedSigmoidRowsAreFlagged() throws Exception {
        SharedSheet shared = registry.create(Examples.byId("saturation").load());
        open(shared);
        CellGrid cells = _get(CellGrid.class);
        Grid<Cell> grid = cells.grid();
        Sheet sheet = shared.sheet();
        int p = sheet.indexOf("p");
        assertThat(sheet.cell("p").orElseThrow().isSaturated()).isTrue();
        assertThat(GridKt._getFormatted(grid, p, "kind")).isEqualTo("⚠ sigmoid");
        assertThat(grid.getColumnByKey("kind").getPartNameGenerator().apply(sheet.cell("p").orElseThrow()))
                .isEqualTo("saturated");
        assertThat(grid.getColumnByKey("kind").getTooltipGenerator().apply(sheet.cell("p").orElseThrow()))
                .contains("saturated").contains("< 0.01");
        sheet.setValue("w", 0.1);
        roundtrip();
        assertThat(GridKt._getFormatted(grid, p, "kind")).isEqualTo("sigmoid");
        assertThat(grid.getColumnByKey("kind").getPartNameGenerator().apply(sheet.cell("p").orElseThrow())).isNull();
    }

    private static Map<String, Double> weights(Sheet sheet) {
        return sheet.weights().stream().collect(Collectors.toMap(w -> w, sheet::value));
    }
}
