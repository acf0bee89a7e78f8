package dev.gradsheet.ui.train;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.ui.common.TabAccess;
import dev.gradsheet.ui.frames.FrameWorkers;
import dev.gradsheet.ui.frames.PageUpdates;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * "Data & training" on the sheet view, TensorFlow Playground's loop: Play (until paused or for some
 * epochs), Pause, Step (one batch), Reset (the starting weights), a speed control and a readout of
 * step, epoch, loss and steps/s; the data table ({@link DataSection}) with generated data and a
 * test share; the loss curve (train, test), the decision picture and the network view; after a run
 * the last batch's mean gradient per weight. The panel lays its parts out and puts on the page what
 * its {@link TrainingPresenter} decides and computes; training runs on a background thread
 * ({@link TrainingJob}) and the page hears about it up to ten times a second through server push —
 * fewer when the server is behind (the readout then says so), none while the tab is hidden. Its
 * pictures are computed on the server's picture threads and only put on the page here. Each Play,
 * Step and Reset is one undoable edit.
 *
 * <p>Laid out as the Playground is (gradsheet.css, {@code .gs-train}): the controls and the readout in
 * one bar on top, then three columns — the data on the left, the network (with the loss curve and
 * the run's summary under it) in the middle, the decision picture on the right — so at 1366×768 a run
 * is watched whole without scrolling; narrow screens stack the same parts in one scrolling page.
 */
public class TrainingPanel extends Composite<Details> {
    final TrainingSettings settings = new TrainingSettings(this::drawPictures);
    final Transport transport = new Transport(this::start, this::stop, this::step, this::reset);
    final ReadoutView readout = new ReadoutView();
    final Span error = new Span();
    final RunSummary summary = new RunSummary();
    final LossCurve curve = new LossCurve();
    final Heatmap heatmap = new Heatmap();
    final NetworkView network = new NetworkView();
    final DataSection data;
    private final TrainingPresenter presenter;
    private final FrameWorkers frames;
    /** What this panel receives while it is on a page. */
    private PageUpdates updates;
    private Runnable stopHearingBusy;

    /**
     * The panel of {@code shared}, whose pictures are computed on {@code frames} and whose runs count
     * against {@code visitor}'s (one browser; null: nobody in particular).
     */
    public TrainingPanel(SharedSheet shared, SheetRegistry registry, FrameWorkers frames, String visitor) {
        this.frames = frames;
        presenter = new TrainingPresenter(shared, registry.limits(), registry.jobs(), visitor, new Shown());
        data = new DataSection(presenter, registry, table -> {
            suggestBatch(table);
            drawPictures();
        });
        Details details = getContent();
        details.setSummaryText(TrainTexts.t("train.panel.summary"));
        details.setId("training");
        details.setOpened(shared.data() != null);
        details.setWidthFull();
        error.setId("train-error");
        error.addClassName("gs-error");
        heatmap.setId("decision-picture");
        suggestBatch(shared.data());
        details.add(layout(registry));
        curve.draw(presenter.curves());
        drawPictures();
    }

    /**
     * The bar on top (the transport, the readout, the settings, any refusal) over the three columns:
     * data with the templates and lesson links, the network with the loss curve and the run's
     * summary, and the decision picture.
     */
    private Div layout(SheetRegistry registry) {
        Div readoutBox = new Div(readout.status, readout.busy, readout.progress);
        readoutBox.addClassName("gs-train-readout");
        Div bar = new Div(transport, readoutBox, settings);
        bar.addClassName("gs-train-bar");
        error.addClassName("gs-train-error");
        Div dataColumn = column("gs-train-data", "train.panel.column.data", data, links(registry));
        Div netColumn = column("gs-train-net", "train.panel.column.network", network, curve, summary);
        Div outColumn = column("gs-train-out", "train.panel.column.output", heatmap);
        Div layout = new Div(bar, error, dataColumn, netColumn, outColumn);
        layout.addClassName("gs-train");
        return layout;
    }

    /** One of the three columns: a small heading over its parts. */
    private static Div column(String className, String headingKey, com.vaadin.flow.component.Component... parts) {
        com.vaadin.flow.component.html.H5 heading = new com.vaadin.flow.component.html.H5(TrainTexts.t(headingKey));
        heading.addClassName("gs-train-heading");
        Div column = new Div(heading);
        column.add(parts);
        column.addClassName(className);
        return column;
    }

    /** The templates and the lesson pages. */
    private HorizontalLayout links(SheetRegistry registry) {
        Button templates = new Button(TrainTexts.t("train.panel.templates"), e -> new TemplateDialog(registry).open());
        templates.setId("templates");
        Anchor activations = new Anchor(ActivationsView.ROUTE, TrainTexts.t("train.panel.link.activations"));
        activations.setId("link-activations");
        Anchor losses = new Anchor(LossesView.ROUTE, TrainTexts.t("train.panel.link.losses"));
        losses.setId("link-losses");
        HorizontalLayout links = new HorizontalLayout(templates, activations, losses);
        links.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        links.setWrap(true);
        links.addClassName("gs-train-links");
        return links;
    }

    /** Makes this panel's runs and edits {@code tab}'s (a tab's presenter: its person and visit are recorded with them). */
    public void actFor(dev.gradsheet.server.ActsFor tab) {
        presenter.actFor(tab);
    }

    /** Completes once the current run (if any) has ended and its result is queued for the page. */
    public CompletableFuture<Void> finished() {
        return presenter.finished();
    }

    /** The sheet (and data) this panel trains. */
    public SharedSheet shared() {
        return presenter.shared();
    }

    /** The run this panel shows (the sheet's current or last one), or null. */
    public TrainingJob job() {
        return presenter.job();
    }

    /** The network view (Playground style) of a layered sheet. */
    public NetworkView network() {
        return network;
    }

    private TrainingPresenter.Settings settings() {
        return settings.values(transport.speed.getValue());
    }

    /**
     * Play: trains the sheet's loop with the fields' settings until paused (epochs empty) or for the
     * epochs asked, going on from where the last Play or Step stopped. Problems are shown next to the
     * controls.
     */
    public void start() {
        error.setText("");
        refuseIf(presenter.play(settings()));
    }

    /** Asks the run to stop after its current step; the sheet keeps the weights reached so far. */
    public void stop() {
        if (presenter.pause() && UI.getCurrent() != null) {
            readout.stopping();
        }
    }

    /** Step: one batch, one SGD step, on the request thread (refused while a run goes on). */
    public void step() {
        error.setText("");
        TrainingPresenter.StepOutcome s = presenter.step(settings());
        if (s.readout() == null) {
            refuseIf(s.outcome());
            return;
        }
        if (refuseIf(s.outcome())) {
            summary.say(TrainingWords.stepDone(s));
            showNumbers(s.numbers());
        }
        readout.show(s.readout());
        curve.draw(presenter.curves());
        drawPictures();
    }

    /**
     * Reset: pauses a run that goes on, then puts the weights back where the loop began (one
     * undoable edit) and starts its steps, epochs and curves afresh.
     */
    public void reset() {
        error.setText("");
        if (!refuseIf(presenter.reset())) {
            return;
        }
        summary.say(TrainTexts.t("train.panel.reset.done"));
        summary.hideNumbers();
        readout.reset();
        curve.draw(presenter.curves());
        drawPictures();
    }

    /** Shows why {@code outcome} did not happen, if it did not; returns whether it did. */
    private boolean refuseIf(TrainingPresenter.Outcome outcome) {
        if (!outcome.ok()) {
            error.setText(TrainingWords.problem(outcome, presenter.maxEpochs()));
        }
        return outcome.ok();
    }

    /**
     * Shows {@code run} — the sheet's run, whichever tab started it — with live progress, loss
     * curve, Pause and, at the end, its result.
     */
    void follow(TrainingJob run) {
        presenter.follow(run);
    }

    /** After a run or a Step: which numbers the grid shows, and the last batch's mean gradient per weight. */
    private void showNumbers(GridNumbers numbers) {
        summary.show(numbers, settings.batch.getValue());
        fireEvent(new TrainingFinishedEvent(this, numbers.batchGradient()));
    }

    /**
     * Clears what the panel says about the last run (its result and which numbers the grid shows):
     * the next action, such as undoing the run, makes it stale.
     */
    public void clearResult() {
        TrainingJob job = presenter.job();
        if (job == null || job.isDone()) {
            summary.clear();
            error.setText("");
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

    /** The decision picture and the network are stale: the presenter computes them off this thread. */
    private void drawPictures() {
        presenter.redraw(settings.testShare.getValue(), settings.seed.getValue());
    }

    /** New data: a batch size to suit it, and the panel opens. */
    private void suggestBatch(DataTable table) {
        settings.suggestBatch(table);
        if (table != null) {
            getContent().setOpened(true);
        }
    }

    /** What the presenter tells the panel, put on the page. */
    private final class Shown implements TrainingPresenter.Display {
        @Override
        public void following(TrainingJob run) {
            summary.clear();
            getContent().setOpened(true);
            transport.running(!run.isDone());
        }

        @Override
        public void progressed() {
            TrainingPresenter.Progress p = presenter.progress();
            if (p != null) {
                readout.show(p);
                curve.draw(presenter.curves());
            }
        }

        @Override
        public void ended(RunEnd end) {
            transport.running(false);
            progressed();
            drawPictures(); // the final weights, with every neuron's picture fresh
            String failed = TrainingWords.error(end);
            if (failed != null) {
                error.setText(failed);
            }
            summary.say(TrainingWords.result(end));
            if (end.numbers() != null) {
                showNumbers(end.numbers());
            }
        }

        @Override
        public void sheetChanged(TrainingPresenter.Pictures pictures) {
            heatmap.show(pictures.decision());
            network.show(pictures.network());
            data.refresh();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        updates = TabAccess.of(ui, frames).open(TabAccess.page(ui));
        stopHearingBusy = updates.tab().pace().onBusy(readout::busy);
        readout.busy(updates.tab().pace().busy());
        drawPictures(); // with the settings as they are now
        presenter.attach(updates);
    }

    /**
     * Leaving the page (closing the tab, reloading) does not stop the sheet's run: it belongs to the
     * sheet, and every tab on the link (a reloaded one too) shows it and can stop it.
     */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        presenter.detach();
        if (updates != null) {
            updates.close();
            stopHearingBusy.run();
            updates = null;
        }
        super.onDetach(detachEvent);
    }
}
