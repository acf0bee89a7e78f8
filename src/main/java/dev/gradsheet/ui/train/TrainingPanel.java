package dev.gradsheet.ui.train;

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
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.ui.Format;
import dev.gradsheet.ui.SharedSheet;
import dev.gradsheet.ui.SheetRegistry;
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
 * "Data & training" on the sheet view: the data table ({@link DataSection}), mini-batch SGD settings
 * (batch size m, epochs, learning rate, seed), Start and Stop, a progress bar with steps/s, the loss
 * curve per step and per epoch, the decision picture, and after a run the final loss and the last
 * batch's mean gradient per weight. Training runs on a background thread ({@link TrainingJob}); the
 * page hears about it a few times a second through server push. A run is one undoable edit.
 */
public class TrainingPanel extends Composite<Details> {
    /** How often the sheet's observers (grid, graph, picture) see a run's progress. */
    public static final long PUBLISH_MS = 200;
    /** How often the panel's progress and loss curve update during a run. */
    public static final long NOTIFY_MS = 150;
    static final String ALREADY_TRAINING = "This sheet is already training (one run per sheet, whichever tab started"
            + " it); its progress and Stop are shown here.";
    final IntegerField batch = new IntegerField("Batch size m");
    final IntegerField epochs = new IntegerField("Epochs");
    final NumberField learningRate = new NumberField("Learning rate");
    final IntegerField seed = new IntegerField("Seed");
    final Checkbox shuffle = new Checkbox("Shuffle", true);
    final Button start = new Button("Start");
    final Button stop = new Button("Stop");
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Span error = new Span();
    final Span finalLoss = new Span();
    final Paragraph numbersNote = new Paragraph();
    final Grid<Map.Entry<String, double[]>> batchGradient = new Grid<>();
    final LineChart lossChart = new LineChart();
    final Heatmap heatmap = new Heatmap();
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
        details.setSummaryText("Data & training (mini-batch SGD)");
        details.setId("training");
        details.setOpened(shared.data() != null);
        details.setWidthFull();

        batch.setId("train-batch");
        batch.setMin(1);
        batch.setWidth("8em");
        epochs.setId("train-epochs");
        epochs.setValue(1000);
        epochs.setMin(1);
        epochs.setWidth("7em");
        learningRate.setId("train-lr");
        learningRate.setValue(0.5);
        learningRate.setWidth("7em");
        seed.setId("train-seed");
        seed.setValue(1);
        seed.setWidth("6em");
        shuffle.setId("train-shuffle");
        start.setId("train-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        stop.setId("train-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.setEnabled(false);
        stop.addClickListener(e -> stop());
        progress.setId("train-progress");
        progress.getElement().setAttribute("aria-label", "Training progress"); // issue 15: a named progress bar
        progress.setWidthFull();
        status.setId("train-status");
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

        Button templates = new Button("Templates…", e -> new TemplateDialog(registry).open());
        templates.setId("templates");
        Anchor activations = new Anchor("lesson/activations", "Activations f, f′");
        activations.setId("link-activations");
        Anchor losses = new Anchor("lesson/losses", "MSE vs cross-entropy");
        losses.setId("link-losses");
        HorizontalLayout controls = new HorizontalLayout(templates, batch, epochs, learningRate, seed, shuffle,
                start, stop, activations, losses);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);

        Div chartBox = new Div(lossChart);
        chartBox.getStyle().set("flex", "1 1 300px").set("min-width", "260px");
        VerticalLayout result = new VerticalLayout(progress, status, finalLoss, numbersNote, batchGradient);
        result.setPadding(false);
        result.setSpacing(false);
        result.setWidth("24em");
        HorizontalLayout body = new HorizontalLayout(data, chartBox, heatmap, result);
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
        batchGradient.addColumn(Map.Entry::getKey).setHeader("Weight").setWidth("7em").setFlexGrow(0);
        batchGradient.addColumn(e -> Format.readable(e.getValue()[0])).setKey("value").setHeader("Value")
                .setTextAlign(ColumnTextAlign.END);
        batchGradient.addColumn(e -> Format.readable(e.getValue()[1])).setKey("batch")
                .setHeader("Batch gradient").setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(e -> "mean over the last batch of ∂L/∂" + e.getKey() + " = " + Format.exact(e.getValue()[1]));
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

    /** Starts a run with the fields' settings; problems are shown next to the controls. */
    public void start() {
        error.setText("");
        if (job != null && !job.isDone()) {
            error.setText(ALREADY_TRAINING);
            return;
        }
        DataTable table = shared.data();
        Sheet sheet = shared.sheet();
        if (table == null) {
            error.setText("Pick a built-in data set or upload a CSV file first.");
            return;
        }
        try {
            Binding.check(sheet, table, table.columns(), "data"); // checked against the sheet when it was attached
        } catch (DataException e) {
            error.setText(String.join("\n", e.lines()));
            return;
        }
        if (sheet.weights().isEmpty()) {
            error.setText("This sheet has no weight to train: add one, e.g. w = weight(0.5), or use a template.");
            return;
        }
        TrainingConfig config;
        try {
            config = new TrainingConfig(value(batch, "batch size"), value(epochs, "epochs"),
                    learningRate.getValue() == null ? Double.NaN : learningRate.getValue(),
                    seed.getValue() == null ? 0 : seed.getValue(), shuffle.getValue());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        if (config.epochs() > registry.limits().maxEpochs()) {
            error.setText("at most " + registry.limits().maxEpochs() + " epochs per run on this server");
            return;
        }
        TrainingJob started;
        try {
            started = shared.training().start(() -> TrainingJob.start(sheet, table, config, registry.jobs(),
                    PUBLISH_MS, NOTIFY_MS));
        } catch (JobRefusedException e) {
            error.setText(e.getMessage());
            return;
        }
        if (started == null) {
            error.setText(ALREADY_TRAINING);
            follow(shared.training().current());
            return;
        }
        follow(started);
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

    private static int value(IntegerField field, String what) {
        if (field.getValue() == null) {
            throw new IllegalArgumentException("enter the " + what);
        }
        return field.getValue();
    }

    /** Asks the run to stop after its current step; the sheet keeps the weights reached so far. */
    public void stop() {
        if (job != null && !job.isDone()) {
            job.stop();
            if (UI.getCurrent() != null) {
                status.setText("stopping…");
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
        progress.setValue(p.fraction());
        if (job.waiting()) {
            int ahead = job.ahead();
            status.setText("waiting for a free worker (" + (ahead == 0 ? "next" : ahead + " ahead") + ")");
            drawLosses();
            return;
        }
        status.setText((job.plainSteps() ? "SGD " : "") + "step " + p.step() + " / " + p.totalSteps() + " · epoch " + p.epoch()
                + (Double.isNaN(p.loss()) ? "" : " · loss " + Format.readable(p.loss()))
                + " · " + Math.round(p.stepsPerSecond()) + " steps/s");
        drawLosses();
    }

    private void showResult(TrainingJob run, Trainer.Result result, Throwable failure) {
        if (run != job) {
            return;
        }
        start.setEnabled(true);
        stop.setEnabled(false);
        showProgress();
        if (failure instanceof CancellationException || failure != null && failure.getCause() instanceof CancellationException) {
            finalLoss.setText("Stopped before it started; nothing was changed.");
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            error.setText(cause instanceof EditRefusedException ? cause.getMessage()
                    : "training failed: " + cause.getMessage());
            finalLoss.setText("Training ended early; the weights reached before the refused step are kept (Undo reverts the run).");
            return;
        }
        if (run.plainSteps()) {
            finalLoss.setText((result.stopped() ? "Stopped after " : "Done: ") + result.steps() + " SGD steps. "
                    + shared.sheet().objective() + " = " + Format.readable(shared.sheet().objectiveValue())
                    + " · Undo reverts the whole run.");
            return;
        }
        double last = result.epochLosses().isEmpty() ? run.progress().loss() : result.finalLoss();
        finalLoss.setText((result.stopped() ? "Stopped at step " + result.steps() + ". " : "Done: " + result.steps()
                + " steps. ") + "Final loss " + Format.readable(last)
                + (result.epochLosses().isEmpty() ? " (last step)" : " (mean over the last epoch)")
                + " · " + (result.seconds() < 1 ? Math.round(result.seconds() * 1000) + " ms"
                        : String.format("%.1f s", result.seconds())) + " · Undo reverts the whole run.");
        showWhichNumbers(result);
    }

    /** After a run: says which numbers the grid shows and lists the last batch's mean gradient. */
    private void showWhichNumbers(Trainer.Result result) {
        Sheet sheet = shared.sheet();
        DataTable table = shared.data();
        List<String> sample = new ArrayList<>();
        for (String column : table.columns()) {
            sheet.cell(column).ifPresent(c -> sample.add(column + " = " + Format.readable(c.value())));
        }
        numbersNote.setText("Which numbers are which: the grid's values and gradients are those of the current"
                + " sample — the last sample of the last batch (" + String.join(", ", sample) + "). The batch"
                + " gradient below is the mean of ∂" + sheet.objective() + "/∂w over that batch (m = "
                + batch.getValue() + "; an epoch's last batch holds what is left): the gradient of the last step."
                + (result.batchGradient().values().stream().allMatch(g -> g == 0)
                        ? " Every batch gradient is 0, so nothing was learned: a step activation's gradient is 0"
                        + " everywhere (it cannot learn by backpropagation); use sigmoid, tanh or ReLU." : ""));
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
        if (job != null) {
            series.add(new LineChart.Series("loss per step", "#90caf9", false, job.stepLosses().points(), 1));
            series.add(new LineChart.Series("mean loss per epoch", "#e65100", false, job.epochLosses().points(), 2.5));
        }
        lossChart.show(job == null ? "Loss curve: press Start" : "Loss curve", "step", "loss (log scale)", true, series);
    }

    private void drawPicture() {
        DecisionPicture.draw(heatmap, shared.sheet(), shared.data());
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
        subscription = shared.sheet().changes().throttleLatest(250, TimeUnit.MILLISECONDS, true)
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
