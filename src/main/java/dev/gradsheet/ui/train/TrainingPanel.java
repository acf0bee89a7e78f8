package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.JobSlot;
import dev.gradsheet.jobs.LossHistory;
import dev.gradsheet.jobs.PlayState;
import dev.gradsheet.jobs.TrainingJob;

import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.jobs.JobRefusedException;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.Binding;
import dev.gradsheet.train.DataException;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.ui.common.Format;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Data & training" on the sheet view, TensorFlow Playground's loop: Play (until paused or for some
 * epochs), Pause, Step (one batch), Reset (the starting weights), a speed control and a readout of
 * step, epoch, loss and steps/s; the data table ({@link DataSection}) with generated data and a
 * test share; the loss curve (train, test), the decision picture and the network view; after a run
 * the last batch's mean gradient per weight. Training runs on a background thread
 * ({@link TrainingJob} over the sheet's {@link PlayState}); the page hears about it about ten times a
 * second through server push. Each Play, Step and Reset is one undoable edit.
 */
public class TrainingPanel extends Composite<Details> {
    /** The speed control's choices: steps per screen update (0: as fast as the engine goes). */
    static final List<Integer> SPEEDS = List.of(0, 1000, 100, 10, 1);
    /** The loss curve's colours: light blue per step, orange per epoch, green (dashed) for the test loss. */
    private static final String STEP_LOSS_COLOUR = "#90caf9";
    private static final String EPOCH_LOSS_COLOUR = "#e65100";
    private static final String TEST_LOSS_COLOUR = "#2e7d32";
    final IntegerField batch = new IntegerField(TrainTexts.t("train.panel.batch"));
    final IntegerField epochs = new IntegerField(TrainTexts.t("train.panel.epochs"));
    final NumberField learningRate = new NumberField(TrainTexts.t("train.panel.learningRate"));
    final IntegerField seed = new IntegerField(TrainTexts.t("train.panel.seed"));
    final Checkbox shuffle = new Checkbox(TrainTexts.t("train.panel.shuffle"), true);
    final Button start = new Button(TrainTexts.t("train.panel.play"));
    final Button stop = new Button(TrainTexts.t("train.panel.pause"));
    final Button stepOnce = new Button(TrainTexts.t("train.panel.step"));
    final Button reset = new Button(TrainTexts.t("train.panel.reset"));
    final com.vaadin.flow.component.select.Select<Integer> speed = new com.vaadin.flow.component.select.Select<>();
    final IntegerField testShare = new IntegerField(TrainTexts.t("train.panel.testShare"));
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Span error = new Span();
    final Span finalLoss = new Span();
    final Paragraph numbersNote = new Paragraph();
    final Grid<Map.Entry<String, double[]>> batchGradient = new Grid<>();
    final LineChart lossChart = new LineChart();
    final Heatmap heatmap = new Heatmap();
    final NetworkView network = new NetworkView();
    final DataSection data;
    private final SharedSheet shared;
    private final SheetRegistry registry;
    /** The sheet's run this panel shows (started here or in another tab), or null. */
    private TrainingJob job;
    private Disposable jobSubscription;
    private Disposable slotSubscription;
    private CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private Disposable subscription;

    public TrainingPanel(SharedSheet shared, SheetRegistry registry) {
        this.shared = shared;
        this.registry = registry;
        this.data = new DataSection(shared, registry, d -> {
            suggestBatch(d);
            drawPicture();
        });
        Details details = getContent();
        details.setSummaryText(TrainTexts.t("train.panel.summary"));
        details.setId("training");
        details.setOpened(shared.data() != null);
        details.setWidthFull();

        batch.setId("train-batch");
        batch.setMin(1);
        batch.setWidth("8em");
        epochs.setId("train-epochs");
        epochs.setPlaceholder(TrainTexts.t("train.panel.epochs.placeholder"));
        epochs.setTooltipText(TrainTexts.t("train.panel.epochs.tooltip"));
        epochs.setMin(1);
        epochs.setWidth("7em");
        learningRate.setId("train-lr");
        learningRate.setValue(0.5);
        learningRate.setWidth("7em");
        seed.setId("train-seed");
        seed.setValue(1);
        seed.setWidth("6em");
        shuffle.setId("train-shuffle");
        testShare.setId("train-test");
        testShare.setValue(0);
        testShare.setMin(0);
        testShare.setMax(90);
        testShare.setWidth("5em");
        testShare.addValueChangeListener(e -> drawPicture());
        seed.addValueChangeListener(e -> drawPicture());
        testShare.setTooltipText(TrainTexts.t("train.panel.testShare.tooltip"));
        speed.setId("train-speed");
        speed.setLabel(TrainTexts.t("train.panel.speed"));
        speed.setItems(SPEEDS);
        speed.setItemLabelGenerator(n -> n == 0 ? TrainTexts.t("train.panel.speed.full") : TrainTexts.t("train.panel.speed.steps", n));
        speed.setValue(0);
        speed.setWidth("10em");
        speed.setTooltipText(TrainTexts.t("train.panel.speed.tooltip"));
        stepOnce.setId("train-step");
        stepOnce.setTooltipText(TrainTexts.t("train.panel.step.tooltip"));
        stepOnce.addClickListener(e -> step());
        reset.setId("train-reset");
        reset.setTooltipText(TrainTexts.t("train.panel.reset.tooltip"));
        reset.addClickListener(e -> reset());
        start.setId("train-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        stop.setId("train-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.setEnabled(false);
        stop.addClickListener(e -> stop());
        progress.setId("train-progress");
        progress.getElement().setAttribute("aria-label", TrainTexts.t("train.panel.progress")); // screen readers say what the bar measures
        progress.setWidthFull();
        status.setId("train-status");
        status.getStyle().set("font-variant-numeric", "tabular-nums");
        error.setId("train-error");
        error.addClassName("gs-error");
        finalLoss.setId("final-loss");
        finalLoss.getStyle().set("font-weight", "600");
        numbersNote.setId("numbers-note");
        numbersNote.addClassName("gs-description");
        numbersNote.setVisible(false);
        setUpBatchGradient();
        lossChart.setId("loss-chart");
        lossChart.setHeight("230px");
        lossChart.setWidth("100%");
        heatmap.setId("decision-picture");
        heatmap.setWidth(Heatmap.SIZE);
        heatmap.setHeight(Heatmap.HEIGHT);
        suggestBatch(shared.data());

        Button templates = new Button(TrainTexts.t("train.panel.templates"), e -> new TemplateDialog(registry).open());
        templates.setId("templates");
        Anchor activations = new Anchor(ActivationsView.ROUTE, TrainTexts.t("train.panel.link.activations"));
        activations.setId("link-activations");
        Anchor losses = new Anchor(LossesView.ROUTE, TrainTexts.t("train.panel.link.losses"));
        losses.setId("link-losses");
        // the Playground's transport and its readout first, always in view; then the settings. The
        // readout has a line of its own: its text changes many times a second while a run goes, and
        // beside the buttons in a wrapping row it could move them when its length crossed the line.
        HorizontalLayout transport = new HorizontalLayout(start, stop, stepOnce, reset, speed);
        transport.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        transport.setWrap(true);
        HorizontalLayout settings = new HorizontalLayout(learningRate, batch, epochs, testShare, seed, shuffle);
        settings.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        settings.setWrap(true);
        HorizontalLayout links = new HorizontalLayout(templates, activations, losses);
        links.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        links.setWrap(true);
        VerticalLayout controls = new VerticalLayout(transport, status, progress, settings, links);
        controls.setPadding(false);
        controls.setSpacing(false);

        Div chartBox = new Div(lossChart);
        chartBox.getStyle().set("flex", "1 1 300px").set("min-width", "260px");
        VerticalLayout result = new VerticalLayout(finalLoss, numbersNote, batchGradient);
        result.setPadding(false);
        result.setSpacing(false);
        result.setWidth("24em");
        HorizontalLayout body = new HorizontalLayout(data, chartBox, heatmap, network, result);
        body.setWidthFull();
        body.setWrap(true);
        VerticalLayout content = new VerticalLayout(controls, error, body);
        content.setPadding(false);
        content.setSpacing(false);
        details.add(content);
        drawLosses();
        drawPicture();
    }

    private void setUpBatchGradient() {
        batchGradient.setId("batch-gradient");
        batchGradient.addThemeVariants(GridVariant.LUMO_COMPACT);
        batchGradient.setAllRowsVisible(true); // every weight listed: the panel scrolls, not a three-row box
        batchGradient.addColumn(Map.Entry::getKey).setHeader(TrainTexts.t("train.panel.gradient.weight")).setWidth("7em").setFlexGrow(0);
        batchGradient.addColumn(e -> Format.readable(e.getValue()[0])).setKey("value").setHeader(TrainTexts.t("train.panel.gradient.value"))
                .setTextAlign(ColumnTextAlign.END);
        batchGradient.addColumn(e -> Format.readable(e.getValue()[1])).setKey("batch")
                .setHeader(TrainTexts.t("train.panel.gradient.batch")).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(e -> TrainTexts.t("train.panel.gradient.tooltip", e.getKey(), Format.exact(e.getValue()[1])));
        batchGradient.setVisible(false);
    }

    /** Completes once the current run (if any) has ended and its result is queued for the page. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** The sheet (and data) this panel trains. */
    public SharedSheet shared() {
        return shared;
    }

    /** The run this panel shows (the sheet's current or last one), or null. */
    public TrainingJob job() {
        return job;
    }

    /**
     * Play: trains the sheet's loop with the fields' settings until paused (epochs empty) or for the
     * epochs asked, going on from where the last Play or Step stopped. Problems are shown next to the
     * controls.
     */
    public void start() {
        error.setText("");
        if (job != null && !job.isDone()) {
            error.setText(TrainTexts.t("train.panel.alreadyTraining"));
            return;
        }
        PlayState state = playState();
        if (state == null) {
            return;
        }
        double lr = learningRate.getValue() == null ? Double.NaN : learningRate.getValue();
        if (!(lr > 0) || !Double.isFinite(lr)) {
            error.setText(TrainTexts.t("train.panel.lr.invalid"));
            return;
        }
        boolean untilPaused = epochs.getValue() == null;
        // until paused: no epoch limit (4 samples run a million epochs in seconds), a time limit instead
        long toRun = untilPaused ? Long.MAX_VALUE : epochs.getValue();
        if (toRun < 1) {
            error.setText(TrainTexts.t("train.panel.epochs.min"));
            return;
        }
        if (!untilPaused && toRun > registry.limits().maxEpochs()) {
            error.setText(TrainTexts.t("train.panel.epochs.max", registry.limits().maxEpochs()));
            return;
        }
        int pace = speed.getValue() == null ? 0 : speed.getValue();
        TrainingJob started;
        try {
            started = shared.training().start(() -> TrainingJob.play(state, lr, toRun, untilPaused, pace,
                    registry.jobs(), TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS));
        } catch (JobRefusedException e) {
            error.setText(TrainingRefusals.text(e, null));
            return;
        }
        if (started == null) {
            error.setText(TrainTexts.t("train.panel.alreadyTraining"));
            follow(shared.training().current());
            return;
        }
        follow(started);
    }

    /**
     * The sheet's loop for the current data and settings: the one already going when they match,
     * else a new one starting from the weights as they are now. Null (and the reason shown) when
     * the sheet cannot train.
     */
    PlayState playState() {
        DataTable table = shared.data();
        Sheet sheet = shared.sheet();
        if (table == null) {
            error.setText(TrainTexts.t("train.panel.noData"));
            return null;
        }
        try {
            Binding.check(sheet, table, table.columns(), "data"); // checked against the sheet when it was attached
        } catch (DataException e) {
            error.setText(String.join("\n", e.lines()));
            return null;
        }
        if (sheet.weights().isEmpty()) {
            error.setText(TrainTexts.t("train.panel.noWeight"));
            return null;
        }
        if (batch.getValue() == null || batch.getValue() < 1) {
            error.setText(TrainTexts.t("train.panel.batch.missing"));
            return null;
        }
        int m = batch.getValue();
        if (testShare.getValue() != null && (testShare.getValue() < 0 || testShare.getValue() > 90)) {
            error.setText(TrainTexts.t("train.panel.testShare.range"));
            return null;
        }
        long s = seed.getValue() == null ? 0 : seed.getValue();
        double share = testShare.getValue() == null ? 0 : testShare.getValue() / 100.0;
        try {
            return shared.training().play(sheet, table, m, s, shuffle.getValue(), share);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return null;
        }
    }

    /** Step: one batch, one SGD step, on the request thread (refused while a run goes on). */
    public void step() {
        error.setText("");
        if (shared.training().busy()) {
            error.setText(TrainTexts.t("train.panel.pauseFirst"));
            return;
        }
        PlayState state = playState();
        if (state == null) {
            return;
        }
        double lr = learningRate.getValue() == null ? Double.NaN : learningRate.getValue();
        double[] last = {Double.NaN, Double.NaN};
        boolean ran = shared.training().whileIdle(() -> { // no Play (from any tab) starts on the loop meanwhile
            try {
                StepCurves listener = new StepCurves(state, last);
                long epoch = state.loop().epochs() + 1; // the epoch this step belongs to, even when it ends it
                var outcome = state.loop().step(lr, listener);
                finalLoss.setText(TrainTexts.t("train.panel.stepDone", state.loop().steps(), epoch, Format.readable(listener.loss)));
                showWhichNumbers(new Trainer.Result(List.of(), List.of(), 1, false, outcome.batchGradient(),
                        outcome.seconds()));
            } catch (dev.gradsheet.train.TrainingLoop.Diverged | IllegalArgumentException | EditRefusedException e) {
                error.setText(refusal(e, state));
            }
        });
        if (!ran) {
            error.setText(TrainTexts.t("train.panel.pauseFirst"));
            return;
        }
        status.setText(StatusLine.of(false, state.loop().steps(), 0, state.loop().epochs(), last[0], last[1], Double.NaN));
        drawLosses();
        drawPicture();
    }

    /** Records a Step's losses on the loop's curves. */
    private static final class StepCurves implements dev.gradsheet.train.TrainingLoop.Listener {
        private final PlayState state;
        private final double[] last;
        double loss = Double.NaN;

        StepCurves(PlayState state, double[] last) {
            this.state = state;
            this.last = last;
        }

        @Override
        public void onStep(long step, long epoch, double loss) {
            this.loss = loss;
            state.stepLosses().add(step, loss);
        }

        @Override
        public void onEpoch(long step, long epoch, double trainLoss, double testLoss) {
            last[0] = trainLoss;
            last[1] = testLoss;
            state.epochLosses().add(step, trainLoss);
            if (Double.isFinite(testLoss)) {
                state.testLosses().add(step, testLoss);
            }
        }
    }

    /**
     * Reset: pauses a run that goes on, then puts the weights back where the loop began (one
     * undoable edit) and starts its steps, epochs and curves afresh.
     */
    public void reset() {
        error.setText("");
        TrainingJob running = shared.training().busy() ? shared.training().current() : null;
        if (running != null) {
            running.stop();
            try {
                running.result().handle((r, f) -> null).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                error.setText(TrainTexts.t("train.panel.reset.timeout"));
                return;
            }
        }
        PlayState state = shared.training().play();
        if (state == null) {
            error.setText(TrainTexts.t("train.panel.reset.nothing"));
            return;
        }
        boolean[] done = {false};
        boolean idle = shared.training().whileIdle(() -> {
            try {
                state.loop().reset();
                state.clearCurves();
                done[0] = true;
            } catch (EditRefusedException e) {
                error.setText(refusal(e, state));
            }
        });
        if (!idle) {
            error.setText(TrainTexts.t("train.panel.reset.otherTab"));
            return;
        }
        if (!done[0]) {
            return;
        }
        finalLoss.setText(TrainTexts.t("train.panel.reset.done"));
        status.setText(StatusLine.of(false, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN));
        progress.setValue(0);
        numbersNote.setVisible(false);
        batchGradient.setVisible(false);
        drawLosses();
        drawPicture();
    }

    /**
     * Shows {@code run} — the sheet's run, whichever tab started it — with live progress, loss
     * curve, Stop and, at the end, its result.
     */
    void follow(TrainingJob run) {
        if (run == null || run == job) {
            return;
        }
        UI ui = UI.getCurrent();
        if (jobSubscription != null) {
            jobSubscription.dispose();
        }
        job = run;
        numbersNote.setVisible(false);
        batchGradient.setVisible(false);
        finalLoss.setText("");
        getContent().setOpened(true);
        start.setEnabled(run.isDone());
        stop.setEnabled(!run.isDone());
        stepOnce.setEnabled(run.isDone());
        if (ui != null) {
            jobSubscription = run.updates().subscribe(j -> push(ui), failure -> { });
            finished = run.result().handle((result, failure) -> {
                try {
                    ui.access(() -> showResult(run, result, failure));
                } catch (com.vaadin.flow.component.UIDetachedException closed) {
                    // the tab is gone; the run goes on for the others
                }
                return null;
            });
        }
        showProgress();
    }

    /** Asks the run to stop after its current step; the sheet keeps the weights reached so far. */
    public void stop() {
        if (job != null && !job.isDone()) {
            job.stop();
            if (UI.getCurrent() != null) {
                status.setText(TrainTexts.t("train.status.stopping"));
            }
        }
    }

    /** From the training thread: one progress update at a time is queued for the page. */
    private void push(UI ui) {
        if (updatePending.compareAndSet(false, true)) {
            try {
                ui.access(() -> {
                    updatePending.set(false);
                    showProgress();
                });
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                // the page is gone; the run belongs to the sheet and goes on for the other tabs
            }
        }
    }

    private void showProgress() {
        if (job == null) {
            return;
        }
        TrainingJob.Progress p = job.progress();
        progress.setIndeterminate(!job.isDone() && !job.waiting() && p.totalSteps() == 0);
        progress.setValue(p.fraction());
        if (job.waiting()) {
            int ahead = job.ahead();
            status.setText(ahead == 0 ? TrainTexts.t("train.status.waitingNext") : TrainTexts.t("train.status.waiting", ahead));
            drawLosses();
            return;
        }
        // a Playground run shows its latest epoch's mean loss (what the curve's thick line draws)
        double loss = job.playState() != null && !Double.isNaN(job.epochLoss()) ? job.epochLoss() : p.loss();
        status.setText(StatusLine.of(job.plainSteps(), p.step(), p.totalSteps(), p.epoch(), loss, job.testLoss(),
                p.stepsPerSecond()));
        drawLosses();
    }

    private void showResult(TrainingJob run, Trainer.Result result, Throwable failure) {
        if (run != job) {
            return;
        }
        start.setEnabled(true);
        stop.setEnabled(false);
        stepOnce.setEnabled(true);
        showProgress();
        drawPicture(); // the final weights, with every neuron's picture fresh
        if (failure instanceof CancellationException || failure != null && failure.getCause() instanceof CancellationException) {
            finalLoss.setText(TrainTexts.t("train.result.cancelled"));
            return;
        }
        if (failure != null && diverged(unwrap(failure))) {
            error.setText(refusal((RuntimeException) unwrap(failure), run.playState()));
            finalLoss.setText(TrainTexts.t(unwrap(failure) instanceof dev.gradsheet.train.TrainingLoop.Diverged
                    ? "train.result.diverged" : "train.result.sgdDiverged"));
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            String known = TrainingRefusals.text(cause, run.playState());
            error.setText(known != null ? known : cause instanceof EditRefusedException ? cause.getMessage()
                    : TrainTexts.t("train.result.failed", String.valueOf(cause.getMessage())));
            finalLoss.setText(TrainTexts.t("train.result.endedEarly"));
            return;
        }
        if (run.plainSteps()) {
            finalLoss.setText(TrainTexts.t(result.stopped() ? "train.result.sgdStopped" : "train.result.sgdDone", result.steps(),
                    shared.sheet().objective(), Format.readable(shared.sheet().objectiveValue())));
            return;
        }
        if (run.playState() != null) {
            long at = run.playState().loop().steps();
            double loss = Double.isNaN(run.epochLoss()) ? run.progress().loss() : run.epochLoss();
            long epoch = run.playState().loop().epochs();
            String how = run.pausedByLimit() ? TrainTexts.t("train.result.pausedByLimit", TrainingJob.UNTIL_PAUSED_LIMIT.toMinutes(), at, epoch)
                    : result.stopped() ? TrainTexts.t("train.result.paused", at, epoch) : TrainTexts.t("train.result.done", result.steps());
            String lossText = TrainTexts.t(Double.isNaN(run.epochLoss()) ? "train.result.lossLastStep" : "train.result.lossEpoch",
                    Format.readable(loss));
            String test = Double.isNaN(run.testLoss()) ? "" : TrainTexts.t("train.result.testLoss", Format.readable(run.testLoss()));
            finalLoss.setText(TrainTexts.t("train.result.play", how, lossText, test));
            showWhichNumbers(result);
            return;
        }
        double last = result.epochLosses().isEmpty() ? run.progress().loss() : result.finalLoss();
        String how = result.stopped() ? TrainTexts.t("train.result.stopped", result.steps()) : TrainTexts.t("train.result.done", result.steps());
        String lossText = TrainTexts.t(result.epochLosses().isEmpty() ? "train.result.lossLastStep" : "train.result.lossEpoch",
                Format.readable(last));
        String time = result.seconds() < 1 ? Math.round(result.seconds() * 1000) + " ms"
                : Format.readable(Math.round(result.seconds() * 10) / 10.0) + " s";
        finalLoss.setText(TrainTexts.t("train.result.oneShot", how, lossText, time));
        showWhichNumbers(result);
    }

    /**
     * Whether a run stopped because SGD diverged, by the failure's type: the loop's own verdict on its
     * loss, or the engine's refusal of a step with the typed reason DIVERGED (plain SGD runs).
     */
    static boolean diverged(Throwable failure) {
        return failure instanceof dev.gradsheet.train.TrainingLoop.Diverged
                || failure instanceof EditRefusedException e && e.reason() == EditRefusedException.Reason.DIVERGED;
    }

    private static Throwable unwrap(Throwable failure) {
        return TrainingRefusals.unwrap(failure);
    }

    /** The panel's sentence for a refused or stopped step, else the engine's own message. */
    private static String refusal(RuntimeException e, PlayState state) {
        String known = TrainingRefusals.text(e, state);
        return known != null ? known : e.getMessage();
    }

    /** After a run: says which numbers the grid shows and lists the last batch's mean gradient. */
    private void showWhichNumbers(Trainer.Result result) {
        Sheet sheet = shared.sheet();
        DataTable table = shared.data();
        List<String> sample = new ArrayList<>();
        for (String column : table.columns()) {
            sheet.cell(column).ifPresent(c -> sample.add(column + " = " + Format.readable(c.value())));
        }
        numbersNote.setText(TrainTexts.t("train.numbers.note", String.join(", ", sample), sheet.objective(),
                String.valueOf(batch.getValue()))
                + (result.batchGradient().values().stream().allMatch(g -> g == 0) ? " " + TrainTexts.t("train.numbers.allZero") : ""));
        numbersNote.setVisible(true);
        List<Map.Entry<String, double[]>> rows = new ArrayList<>();
        result.batchGradient().forEach((w, g) -> rows.add(Map.entry(w,
                new double[] {sheet.cell(w).map(c -> c.value()).orElse(Double.NaN), g})));
        batchGradient.setItems(rows);
        batchGradient.setVisible(true);
        fireEvent(new TrainingFinishedEvent(this, result.batchGradient()));
    }

    /**
     * Clears what the panel says about the last run (its result and which numbers the grid shows):
     * the next action, such as undoing the run, makes it stale.
     */
    public void clearResult() {
        if (job == null || job.isDone()) {
            finalLoss.setText("");
            error.setText("");
            numbersNote.setVisible(false);
            batchGradient.setVisible(false);
        }
    }

    /** Tells the sheet view a run finished, with each weight's mean gradient over the last batch. */
    public Registration addTrainingFinishedListener(ComponentEventListener<TrainingFinishedEvent> listener) {
        return addListener(TrainingFinishedEvent.class, listener);
    }

    /** A training run ended (done or stopped): the last batch's mean gradient per weight. */
    public static final class TrainingFinishedEvent extends ComponentEvent<TrainingPanel> {
        private final Map<String, Double> batchGradient;

        public TrainingFinishedEvent(TrainingPanel source, Map<String, Double> batchGradient) {
            super(source, false);
            this.batchGradient = Map.copyOf(batchGradient);
        }

        public Map<String, Double> batchGradient() {
            return batchGradient;
        }
    }

    private void drawLosses() {
        List<LineChart.Series> series = new ArrayList<>();
        PlayState state = shared.training().play();
        LossHistory steps = null;
        LossHistory epochLosses = null;
        LossHistory tests = null;
        if (state != null && (job == null || job.playState() != null)) {
            steps = state.stepLosses(); // the loop's curve, drawn across Play, Pause and Step
            epochLosses = state.epochLosses();
            tests = state.testLosses();
        } else if (job != null) {
            steps = job.stepLosses();
            epochLosses = job.epochLosses();
        }
        if (steps != null) {
            series.add(new LineChart.Series(TrainTexts.t("train.chart.stepLoss"), STEP_LOSS_COLOUR, false, steps.points(), 1));
            series.add(new LineChart.Series(TrainTexts.t("train.chart.epochLoss"), EPOCH_LOSS_COLOUR, false, epochLosses.points(), 2.5));
            if (tests != null && tests.count() > 0) {
                series.add(new LineChart.Series(TrainTexts.t("train.chart.testLoss"), TEST_LOSS_COLOUR, true, tests.points(), 2));
            }
        }
        lossChart.show(TrainTexts.t(steps == null ? "train.chart.titleEmpty" : "train.chart.title"), TrainTexts.t("train.chart.step"),
                TrainTexts.t("train.chart.lossLog"), true, series);
    }

    private void drawPicture() {
        DataTable table = shared.data();
        DecisionPicture.draw(heatmap, shared.sheet(), table, table == null ? new int[0] : testRows(table));
        network.update(shared.sheet(), table, shared.training().busy());
    }

    /** The network view (Playground style) of a layered sheet. */
    public NetworkView network() {
        return network;
    }

    /** The rows the loop holds back for testing with the fields' share and seed (what Play will use). */
    private int[] testRows(DataTable table) {
        int share = testShare.getValue() == null ? 0 : Math.max(0, Math.min(99, testShare.getValue()));
        return dev.gradsheet.train.Split.of(table.size(), share / 100.0, seed.getValue() == null ? 0 : seed.getValue()).test();
    }

    /** Chooses a batch size for new data: all samples when few, else 10. */
    private void suggestBatch(DataTable table) {
        if (table != null) {
            batch.setValue(table.size() <= 16 ? table.size() : 10);
            batch.setMax(table.size());
            getContent().setOpened(true);
        } else if (batch.getValue() == null) {
            batch.setValue(1);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        if (subscription != null) {
            subscription.dispose();
        }
        subscription = shared.sheet().changes().throttleLatest(TrainingJob.PUBLISH_MS, TimeUnit.MILLISECONDS, true)
                .subscribe(change -> ui.access(() -> {
                    drawPicture();
                    data.refresh();
                }), failure -> { /* the page went away */ });
        if (slotSubscription != null) {
            slotSubscription.dispose();
        }
        // A run started in any tab (or before this tab opened) is shown here too.
        slotSubscription = shared.training().changes().subscribe(current -> current.ifPresent(run -> {
            if (!run.isDone()) {
                try {
                    ui.access(() -> follow(run));
                } catch (com.vaadin.flow.component.UIDetachedException closed) {
                    // the tab is gone
                }
            }
        }), failure -> { });
    }

    /**
     * Leaving the page (closing the tab, reloading) does not stop the sheet's run: it belongs to the
     * sheet, and every tab on the link (a reloaded one too) shows it and can stop it.
     */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        for (Disposable d : new Disposable[] {subscription, slotSubscription, jobSubscription}) {
            if (d != null) {
                d.dispose();
            }
        }
        subscription = null;
        slotSubscription = null;
        jobSubscription = null;
        job = null; // a reattached panel follows the sheet's run afresh
        super.onDetach(detachEvent);
    }
}
