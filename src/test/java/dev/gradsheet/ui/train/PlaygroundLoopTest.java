package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.LossHistory;
import dev.gradsheet.jobs.TrainingJob;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.train.TrainingLoop;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The Playground loop — Play until paused, Pause, Step, Reset, the split, divergence. */
class PlaygroundLoopTest extends TrainKaribuTestBase {

    /** The XOR template with the dialog's defaults (2-4-1 sigmoid, cross-entropy, seed 1). */
    TrainingPanel xorTemplate() throws Exception {
        open(Examples.WORKED.text());
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.open();
        assertThat(dialog.kind.getValue()).isEqualTo(TemplateDialog.Kind.MLP);
        assertThat(dialog.data.getValue()).isEqualTo(BuiltInData.XOR);
        dialog.open.click();
        roundtrip();
        TrainingPanel panel = _get(TrainingPanel.class);
        assertThat(panel.shared().data()).isEqualTo(BuiltInData.XOR.table());
        return panel;
    }

    @Test
    void defaultsPlayUntilPausedAndLearnXor() throws Exception {
        TrainingPanel panel = xorTemplate();
        assertThat(panel.settings.epochs.getValue()).isNull(); // until paused
        assertThat(panel.transport.speed.getValue()).isZero(); // full speed
        assertThat(panel.transport.start.getText()).isEqualTo("Play");
        panel.transport.start.click();
        assertThat(panel.transport.stop.isEnabled()).isTrue();
        assertThat(panel.transport.stepOnce.isEnabled()).isFalse();
        TrainingJob run = panel.job();
        await().atMost(60, TimeUnit.SECONDS).until(() -> run.epochLoss() < 0.05);
        roundtrip();
        assertThat(run.isDone()).isFalse(); // learning did not end it: it goes on until paused
        panel.transport.stop.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        long steps = run.playState().loop().steps();
        assertThat(run.result().get().stopped()).isTrue();
        assertThat(panel.summary.finalLoss.getText()).startsWith("Paused at step " + steps + " (epoch " + steps + "). Final loss ");
        double shown = Double.parseDouble(panel.readout.status.getText().replaceAll("^.* loss (\\S+) .*$", "$1"));
        assertThat(shown).isLessThan(0.05);
        assertThat(panel.readout.status.getText()).startsWith("step " + steps + " · epoch " + steps).contains("steps/s");

        // Play again goes on from there: steps count on and the curve continues
        int points = panel.curve.chart.series("mean loss per epoch").points().size();
        panel.settings.epochs.setValue(10);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(panel.job().playState()).isSameAs(run.playState());
        assertThat(run.playState().loop().steps()).isEqualTo(steps + 10);
        assertThat(panel.summary.finalLoss.getText()).startsWith("Done: 10 steps.");
        assertThat(panel.readout.status.getText()).startsWith("step " + (steps + 10) + " / " + (steps + 10));
        List<double[]> curve = panel.curve.chart.series("mean loss per epoch").points();
        assertThat(curve.get(curve.size() - 1)[0]).isEqualTo(steps + 10);
        assertThat(curve.size()).isGreaterThanOrEqualTo(Math.min(points, LossHistory.MAX_POINTS / 2));
    }

    /**
     * Speed 1 (one step per screen update): the sheet shows the weights after every single step — one
     * announcement per step, then the run's one undoable edit. (At full speed it shows them every
     * 100 ms, however many steps that is.) Counted, not timed.
     */
    @Test
    void theSpeedControlShowsThatManyStepsPerScreenUpdate() throws Exception {
        TrainingPanel panel = xorTemplate();
        assertThat(panel.transport.speed.getListDataView().getItems().toList()).containsExactly(0, 1000, 100, 10, 1);
        Sheet sheet = panel.shared().sheet();
        List<String> labels = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.reactivex.rxjava3.disposables.Disposable listening = sheet.changes()
                .filter(c -> c.label().english().startsWith("train at"))
                .subscribe(c -> labels.add(c.label().english()));
        panel.transport.speed.setValue(1);
        panel.settings.epochs.setValue(3);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        listening.dispose();
        assertThat(labels).containsExactly("train at lr 0.5 (batch 4): step 1", "train at lr 0.5 (batch 4): step 2",
                "train at lr 0.5 (batch 4): step 3", "train at lr 0.5 (batch 4): 3 steps to epoch 3");
    }

    @Test
    void stepTakesOneFullBatchStepAsTheTrainerDoes() throws Exception {
        TrainingPanel panel = xorTemplate();
        Sheet sheet = panel.shared().sheet();
        assertThat(panel.settings.batch.getValue()).isEqualTo(4);
        // the same step through the command line's trainer, on a copy of the sheet
        Sheet copy = SheetFile.parse(SheetFile.format(sheet, ""), "copy.sheet").sheet();
        new Trainer(copy, BuiltInData.XOR.table(), TrainingConfig.fullBatch(4, 1, 0.5)).run();

        panel.transport.stepOnce.click();
        assertThat(panel.error.getText()).isEmpty();
        assertThat(panel.shared().training().play().loop().steps()).isEqualTo(1);
        for (String w : sheet.weights()) {
            assertThat(sheet.value(w)).as(w).isCloseTo(copy.value(w), within(1e-12));
        }
        assertThat(sheet.undoLabel().english()).isEqualTo("train 1 step at lr 0.5 (step 1)");
        assertThat(panel.readout.status.getText()).startsWith("step 1 · epoch 1 · loss ");
        assertThat(panel.curve.chart.series("loss per step").points()).hasSize(1);
        assertThat(panel.summary.batchGradient.isVisible()).isTrue();

        panel.transport.stepOnce.click();
        assertThat(panel.readout.status.getText()).startsWith("step 2 · epoch 2");
        assertThat(panel.curve.chart.series("loss per step").points()).hasSize(2);
        assertThat(sheet.undoLabel().english()).isEqualTo("train 1 step at lr 0.5 (step 2)");
    }

    @Test
    void resetPutsBackTheStartingWeightsAsOneUndoableEdit() throws Exception {
        TrainingPanel panel = xorTemplate();
        Sheet sheet = panel.shared().sheet();
        Map<String, Double> start = weights(sheet);
        panel.transport.stepOnce.click();
        panel.settings.epochs.setValue(50);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        Map<String, Double> trained = weights(sheet);
        assertThat(trained).isNotEqualTo(start);
        assertThat(panel.shared().training().play().loop().steps()).isEqualTo(51);

        panel.transport.reset.click();
        assertThat(weights(sheet)).isEqualTo(start); // exactly
        assertThat(sheet.undoLabel().english()).isEqualTo("reset training to its starting weights");
        assertThat(panel.readout.status.getText()).isEqualTo("step 0 · epoch 0");
        assertThat(panel.shared().training().play().loop().steps()).isZero();
        assertThat(panel.curve.chart.series("loss per step").points()).isEmpty();
        // the same seed replays the same run after a reset
        panel.transport.stepOnce.click();
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(weights(sheet)).isEqualTo(trained);

        panel.transport.reset.click();
        assertThat(sheet.undo()).isTrue(); // one undo brings the trained weights back
        assertThat(weights(sheet)).isEqualTo(trained);
    }

    @Test
    void resetPausesARunningPlayFirst() throws Exception {
        TrainingPanel panel = xorTemplate();
        Sheet sheet = panel.shared().sheet();
        Map<String, Double> start = weights(sheet);
        panel.transport.start.click();
        TrainingJob run = panel.job();
        await().atMost(30, TimeUnit.SECONDS).until(() -> run.progress().step() > 100);
        panel.transport.reset.click();
        assertThat(run.isDone()).isTrue();
        assertThat(run.result().get().stopped()).isTrue();
        assertThat(weights(sheet)).isEqualTo(start);
        assertThat(panel.shared().training().busy()).isFalse();
    }

    @Test
    void stepWhileRunningAndResetBeforeTrainingAreExplained() throws Exception {
        TrainingPanel panel = xorTemplate();
        panel.transport.reset.click();
        assertThat(panel.error.getText()).contains("Nothing to reset");
        panel.transport.start.click();
        panel.step();
        assertThat(panel.error.getText()).startsWith("Pause first");
        panel.transport.stop.click();
        panel.finished().get(30, TimeUnit.SECONDS);
    }

    /** A line fitted with far too large a learning rate: the run stops itself and says so. */
    @Test
    void divergenceStopsTheRunAndTheCurveShowsTheBlowUp() throws Exception {
        TrainingPanel panel = startDivergingLine();
        assertThatThrownBy(() -> panel.job().result().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TrainingLoop.Diverged.class);
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(panel.error.getText()).startsWith("training stopped: the loss blew up from ")
                .contains("learning rate is too large");
        assertThat(panel.summary.finalLoss.getText()).startsWith("Stopped by itself: the loss diverged");
        assertThat(panel.transport.start.isEnabled()).isTrue();
        List<double[]> curve = panel.curve.chart.series("mean loss per epoch").points();
        assertThat(curve.get(curve.size() - 1)[1]).isGreaterThan(TrainingLoop.BLOW_UP * curve.get(0)[1]);
        Sheet sheet = panel.shared().sheet();
        for (String name : sheet.names()) {
            assertThat(sheet.value(name)).as(name).isFinite();
        }
        assertThat(panel.shared().training().play().loop().epochs()).isEqualTo(curve.size());
    }

    @Test
    void aTestShareHoldsRowsBackAndTheCurveDrawsTestLoss() throws Exception {
        TrainingPanel panel = open(Templates.mlp(2, List.of(4), Activation.TANH, Templates.Loss.CROSS_ENTROPY, false, 1));
        assertThat(panel.data.use(BuiltInData.TWO_MOONS.table(), "two moons")).isTrue();
        panel.settings.testShare.setValue(25);
        panel.settings.epochs.setValue(20);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        TrainingLoop loop = panel.shared().training().play().loop();
        assertThat(loop.trainSize()).isEqualTo(75);
        assertThat(loop.testSize()).isEqualTo(25);
        assertThat(loop.steps()).isEqualTo(20L * 8); // ⌈75 / 10⌉ batches per epoch
        assertThat(panel.curve.chart.series("test loss per epoch").points()).hasSize(20);
        // the decision picture draws exactly the held-back rows hollow
        assertThat(panel.heatmap.testRows()).isEqualTo(dev.gradsheet.train.Split.of(100, 0.25, 1).test()).hasSize(25);
        assertThat(panel.readout.status.getText()).contains(" · test loss ");
        assertThat(panel.summary.finalLoss.getText()).contains(", test loss ");
        // a test share that leaves nothing to train on is refused next to the field
        panel.settings.testShare.setValue(100);
        panel.transport.start.click();
        assertThat(panel.error.getText()).contains("test share");
    }

    @Test
    void generatedDataIsSeededAndBadSettingsChangeNothing() throws Exception {
        TrainingPanel panel = xorTemplate();
        DataSection data = panel.data;
        data.generator.setValue(dev.gradsheet.train.DataGenerator.SPIRAL);
        data.size.setValue(150);
        data.noise.setValue(0.05);
        data.dataSeed.setValue(3);
        data.generate.click();
        assertThat(panel.shared().data()).isEqualTo(dev.gradsheet.train.DataGenerator.SPIRAL.generate(150, 0.05, 3));
        assertThat(data.summary.getText()).contains("M = 150 samples");
        assertThat(panel.settings.batch.getValue()).isEqualTo(10);
        DataTable before = panel.shared().data();
        data.size.setValue(0);
        data.generate.click();
        assertThat(data.errorLines()).containsExactly("size must be 2..5000, not 0");
        assertThat(panel.shared().data()).isSameAs(before);
        data.size.setValue(20);
        data.noise.setValue(3.0);
        data.generate.click();
        assertThat(String.join("\n", data.errorLines())).contains("noise must be between 0 and 1");
        assertThat(panel.shared().data()).isSameAs(before);
        // each generator feeds the loop: Play trains on it
        for (dev.gradsheet.train.DataGenerator kind : dev.gradsheet.train.DataGenerator.values()) {
            data.generator.setValue(kind);
            data.size.setValue(40);
            data.noise.setValue(0.1);
            data.generate.click();
            assertThat(panel.shared().data()).isEqualTo(kind.generate(40, 0.1, 3));
        }
    }

    /** The MLP builder's L2 and L1 penalties are cells, and each weight's gradient includes theirs. */
    @Test
    void penaltyCellsAddTheirGradientToEveryWeight() throws Exception {
        open(Examples.WORKED.text());
        Sheet plain = SheetFile.parse(Templates.mlp(2, List.of(3), Activation.TANH, Templates.Loss.CROSS_ENTROPY,
                false, 5), "plain.sheet").sheet();
        for (Templates.Penalty kind : List.of(Templates.Penalty.L2, Templates.Penalty.L1)) {
            TemplateDialog dialog = new TemplateDialog(registry);
            dialog.hidden.setValue("3");
            dialog.activation.setValue(Activation.TANH);
            dialog.seed.setValue(5);
            dialog.penalty.setValue(kind);
            dialog.lambda.setValue(0.01);
            assertThat(dialog.openTemplate()).isNotNull();
            roundtrip();
            TrainingPanel panel = _get(TrainingPanel.class);
            Sheet sheet = panel.shared().sheet();
            assertThat(sheet.objective()).isEqualTo("J");
            assertThat(sheet.cell("reg")).isPresent();
            assertThat(sheet.value("lambda")).isEqualTo(0.01);
            // same inputs in both sheets: the first sample's
            double penalty = 0;
            for (String w : plain.weights()) {
                assertThat(sheet.value(w)).isEqualTo(plain.value(w));
                if (w.startsWith("w")) {
                    penalty += kind == Templates.Penalty.L2 ? sheet.value(w) * sheet.value(w) : Math.abs(sheet.value(w));
                }
            }
            assertThat(sheet.value("reg")).isCloseTo(0.01 * penalty, within(1e-12));
            assertThat(sheet.value("J")).isCloseTo(sheet.value("L") + sheet.value("reg"), within(1e-12));
            for (String w : plain.weights()) {
                double extra = !w.startsWith("w") ? 0
                        : kind == Templates.Penalty.L2 ? 2 * 0.01 * sheet.value(w) : 0.01 * Math.signum(sheet.value(w));
                assertThat(sheet.grad(w)).as(kind + " " + w).isCloseTo(plain.grad(w) + extra, within(1e-12));
            }
            // and it trains: Play moves the mean of J down
            panel.settings.epochs.setValue(200);
            panel.transport.start.click();
            panel.finished().get(30, TimeUnit.SECONDS);
            roundtrip();
            List<double[]> curve = panel.curve.chart.series("mean loss per epoch").points();
            assertThat(curve.get(curve.size() - 1)[1]).isLessThan(curve.get(0)[1]);
        }
        TemplateDialog bad = new TemplateDialog(registry);
        bad.penalty.setValue(Templates.Penalty.L2);
        bad.lambda.setValue(-1.0);
        assertThat(bad.openTemplate()).isNull();
        assertThat(bad.error.getText()).contains("lambda must be a number of at least 0");
    }

    /** The network view of the MLP template; a click selects the cell in the grid. */
    @Test
    void networkViewDrawsLayersAndAClickSelectsTheCell() throws Exception {
        TrainingPanel panel = xorTemplate();
        Sheet sheet = panel.shared().sheet();
        NetworkView network = panel.network();
        assertThat(network.message()).isEmpty();
        assertThat(network.neurons()).extracting(NetworkView.Neuron::cell)
                .containsExactly("x1", "x2", "h1_1", "h1_2", "h1_3", "h1_4", "out");
        assertThat(network.neurons()).extracting(NetworkView.Neuron::layer).containsExactly(0, 0, 1, 1, 1, 1, 2);
        assertThat(network.edges()).hasSize(2 * 4 + 4);
        NetworkView.Edge e = network.edges().stream().filter(x -> x.weight().equals("w1_3_2")).findFirst().orElseThrow();
        assertThat(e.from().cell()).isEqualTo("x2");
        assertThat(e.to().cell()).isEqualTo("h1_3");
        assertThat(e.value()).isEqualTo(sheet.value("w1_3_2"));
        String svg = network.getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("data-cell='h1_3'").contains("data-cell='w2_1_4'")
                .contains("data:image/png;base64,");
        // colour by sign
        assertThat(svg).contains("data-cell='w1_3_2'").contains(sheet.value("w1_3_2") >= 0 ? "#f59322" : "#0877bd");
        // after training the edges follow the weights
        panel.transport.stepOnce.click();
        roundtrip();
        assertThat(network.edges().stream().filter(x -> x.weight().equals("w1_3_2")).findFirst().orElseThrow().value())
                .isEqualTo(sheet.value("w1_3_2"));
        dev.gradsheet.ui.CellGrid grid = _get(dev.gradsheet.ui.CellGrid.class);
        network.clicked("h1_2");
        roundtrip();
        assertThat(grid.selectedName()).isEqualTo("h1_2");
        network.clicked("w2_1_3");
        roundtrip();
        assertThat(grid.selectedName()).isEqualTo("w2_1_3");
        // a sheet without layers says what the view needs
        TrainingPanel worked = open(Examples.WORKED.text());
        assertThat(worked.network().neurons()).isEmpty();
        assertThat(worked.network().message()).contains("layered sheets");
    }

    private static Map<String, Double> weights(Sheet sheet) {
        return sheet.weights().stream().collect(Collectors.toMap(w -> w, sheet::value));
    }
}
