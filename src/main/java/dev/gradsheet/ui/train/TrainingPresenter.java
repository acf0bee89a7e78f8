package dev.gradsheet.ui.train;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.jobs.JobRefusedException;
import dev.gradsheet.jobs.JobSlot;
import dev.gradsheet.jobs.LossHistory;
import dev.gradsheet.jobs.PlayState;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.server.ServerLimits;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.Binding;
import dev.gradsheet.train.DataException;
import dev.gradsheet.train.Split;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingLoop;
import dev.gradsheet.ui.frames.Frame;
import dev.gradsheet.ui.frames.PageUpdates;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The logic of the training panel, free of Vaadin: Play, Pause, Step and Reset on the sheet's
 * Playground loop ({@link JobSlot}, {@link PlayState}), the checks of the settings typed into the
 * panel, and following the sheet's run ({@link TrainingJob}) whichever tab started it. Every answer is
 * typed ({@link Outcome}, {@link StepOutcome}, {@link RunEnd}, {@link Readout}); the panel words it
 * from the bundles.
 *
 * <p>Threads: every method is called on the page's thread (a request, or a task handed to the page
 * through its {@link PageUpdates}); run control (start, pause, step, reset) happens right there, never
 * in a task queued for later. The run's and the sheet's streams — which speak on the training thread,
 * holding the sheet's lock — only mark a frame stale ({@link Frame}): the readout's frame and the
 * pictures' frame are each waiting at most once, at the tab's pace, and the pictures are computed on
 * the server's picture threads from a private copy of the sheet ({@link Sheet#copy()}), never on the
 * training thread, the page's thread or under the sheet's lock. The page only puts them on screen.
 */
public final class TrainingPresenter {
    /** How long Reset waits for a run it paused to let go of the loop. */
    static final long RESET_WAIT_SECONDS = 10;

    /** What the panel shows; called on the page's thread. */
    public interface Display {
        /** The panel now shows {@code run} (started in this tab or another one): progress, Pause, no old result. */
        void following(TrainingJob run);

        /** The followed run moved on: read {@link TrainingPresenter#progress()} and {@link TrainingPresenter#curves()}. */
        void progressed();

        /** The followed run ended. */
        void ended(RunEnd end);

        /**
         * The sheet changed (an edit anywhere, or a run's progress): its {@code pictures}, computed
         * afresh off the page's thread, to put on the page.
         */
        void sheetChanged(Pictures pictures);
    }

    /**
     * The panel's fields as typed (null: left empty): learning rate, batch size, epochs (empty: until
     * paused), test share in percent, seed, shuffle, and the speed (steps per update, 0: full speed).
     */
    public record Settings(Double learningRate, Integer batch, Integer epochs, Integer testShare, Integer seed,
                           boolean shuffle, Integer stepsPerTick) {
    }

    /** Why an action did not happen; the panel words each from the bundles. */
    public enum Problem {
        ALREADY_TRAINING, NO_DATA, DATA_UNBOUND, NO_WEIGHT, BATCH_MISSING, TEST_SHARE_RANGE, SETTINGS_REFUSED,
        LR_INVALID, EPOCHS_MIN, EPOCHS_MAX, PAUSE_FIRST, RESET_TIMEOUT, NOTHING_TO_RESET, RESET_ELSEWHERE,
        /** The engine or the server refused: {@link Outcome#cause()} says why. */
        REFUSED
    }

    /**
     * An action's outcome: done ({@link #ok()}) or a {@link Problem}, with the data's problem lines
     * ({@code DATA_UNBOUND}, {@code SETTINGS_REFUSED}) or the refusal and the loop it happened on
     * ({@code REFUSED}).
     */
    public record Outcome(Problem problem, List<String> lines, Throwable cause, PlayState state) {
        public static final Outcome OK = new Outcome(null, List.of(), null, null);

        static Outcome of(Problem problem) {
            return new Outcome(problem, List.of(), null, null);
        }

        static Outcome refused(Throwable cause, PlayState state) {
            return new Outcome(Problem.REFUSED, List.of(), cause, state);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * The readout's line: {@code ahead} jobs in front while the run waits for a worker (-1 once it
     * runs); else step (of {@code total}, 0: no planned end), epoch, loss, test loss and speed (NaN:
     * not known). {@code sgd}: a run of plain SGD steps.
     */
    public record Readout(int ahead, boolean sgd, long step, long total, long epoch, double loss, double testLoss,
                          double stepsPerSecond) {
        /** The loop's place after a Step or a Reset. */
        static Readout loop(long step, long epoch, double loss, double testLoss) {
            return new Readout(-1, false, step, 0, epoch, loss, testLoss, Double.NaN);
        }

        public boolean waiting() {
            return ahead >= 0;
        }
    }

    /** The followed run's readout with its progress bar: the share done, or indeterminate (no planned end). */
    public record Progress(Readout readout, double fraction, boolean indeterminate) {
    }

    /** The loss curves to draw: per step, per epoch and the test loss per epoch (null: none). */
    public record Curves(LossHistory steps, LossHistory epochs, LossHistory tests) {
    }

    /**
     * A Step: refused before it ran ({@link #readout()} null), refused by the loop ({@code outcome}
     * REFUSED, the loop's readout given), or done: the step and epoch it reached, its loss and the
     * numbers the grid now shows.
     */
    public record StepOutcome(Outcome outcome, Readout readout, long step, long epoch, double loss, GridNumbers numbers) {
    }

    private final SharedSheet shared;
    private final ServerLimits limits;
    private final JobPool jobs;
    /** Who plays here (one browser), counted against the pool's runs per visitor; null: nobody in particular. */
    private final String visitor;
    private final Display display;
    /** Used by one picture frame at a time (a frame is computed only once the last one was put). */
    private final NetworkPicture.Painter networkPainter = new NetworkPicture.Painter();
    /** The sheet's run this panel shows (started here or in another tab), or null. */
    private TrainingJob job;
    private CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);
    private volatile PageUpdates page;
    /** The readout's and the pictures' frames while on a page. */
    private volatile Frame<Void, Void> progressFrame;
    private volatile Frame<PictureInput, Pictures> picturesFrame;
    /** Told at the start of every picture computation: lets a test see which thread computes, holding what. */
    private volatile Runnable computing = () -> { };
    /** The settings the pictures are drawn with (the test rows drawn hollow). */
    private volatile PictureSettings pictureSettings = new PictureSettings(null, null);
    private Disposable jobWatch;
    private Disposable slotWatch;
    private Disposable sheetWatch;
    /** Who this panel's Play, Step and Reset are made for (a tab's presenter; null: nobody in particular). */
    private Object tab;

    /** The presenter of one panel (one tab) training {@code shared}, within the server's limits, on its pool. */
    public TrainingPresenter(SharedSheet shared, ServerLimits limits, JobPool jobs, Display display) {
        this(shared, limits, jobs, null, display);
    }

    /** As {@link #TrainingPresenter(SharedSheet, ServerLimits, JobPool, Display)}, its runs counted against {@code visitor}'s. */
    public TrainingPresenter(SharedSheet shared, ServerLimits limits, JobPool jobs, String visitor, Display display) {
        this.shared = shared;
        this.limits = limits;
        this.jobs = jobs;
        this.visitor = visitor;
        this.display = display;
    }

    /** Makes this panel's runs and edits {@code tab}'s (its person and visit are recorded with them). */
    public void actFor(Object tab) {
        this.tab = tab;
    }

    /** Runs {@code edit} as this panel's tab's. */
    private void asTab(Runnable edit) {
        if (tab == null) {
            edit.run();
        } else {
            shared.sheet().actingAs(tab, edit);
        }
    }

    /** The sheet (and data) this panel trains. */
    public SharedSheet shared() {
        return shared;
    }

    /** The run shown (the sheet's current or last one), or null. */
    public TrainingJob job() {
        return job;
    }

    /** Completes once the followed run (if any) has ended and its end is queued for the page. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Most epochs one Play may ask for on this server. */
    public long maxEpochs() {
        return limits.maxEpochs();
    }

    /**
     * Play: trains the sheet's loop until paused (epochs empty) or for the epochs asked, going on from
     * where the last Play or Step stopped. The run is followed at once.
     */
    public Outcome play(Settings settings) {
        if (job != null && !job.isDone()) {
            return Outcome.of(Problem.ALREADY_TRAINING);
        }
        Loop found = loop(settings);
        if (found.refused() != null) {
            return found.refused();
        }
        PlayState state = found.state();
        double lr = settings.learningRate() == null ? Double.NaN : settings.learningRate();
        if (!(lr > 0) || !Double.isFinite(lr)) {
            return Outcome.of(Problem.LR_INVALID);
        }
        boolean untilPaused = settings.epochs() == null;
        // until paused: no epoch limit (4 samples run a million epochs in seconds), a time limit instead
        long toRun = untilPaused ? Long.MAX_VALUE : settings.epochs();
        if (toRun < 1) {
            return Outcome.of(Problem.EPOCHS_MIN);
        }
        if (!untilPaused && toRun > limits.maxEpochs()) {
            return Outcome.of(Problem.EPOCHS_MAX);
        }
        int pace = settings.stepsPerTick() == null ? 0 : settings.stepsPerTick();
        TrainingJob started;
        try {
            started = shared.training().start(tab, () -> TrainingJob.play(state, lr, toRun, untilPaused, pace, jobs,
                    TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS, visitor));
        } catch (JobRefusedException e) {
            return Outcome.refused(e, null);
        }
        if (started == null) {
            follow(shared.training().current());
            return Outcome.of(Problem.ALREADY_TRAINING);
        }
        follow(started);
        return Outcome.OK;
    }

    /** Pause: asks the followed run to stop after its current step; false when none goes on. */
    public boolean pause() {
        if (job == null || job.isDone()) {
            return false;
        }
        job.stop();
        return true;
    }

    /** Step: one batch, one SGD step, on the caller's thread (refused while a run goes on). */
    public StepOutcome step(Settings settings) {
        if (shared.training().busy()) {
            return new StepOutcome(Outcome.of(Problem.PAUSE_FIRST), null, 0, 0, Double.NaN, null);
        }
        Loop found = loop(settings);
        if (found.refused() != null) {
            return new StepOutcome(found.refused(), null, 0, 0, Double.NaN, null);
        }
        PlayState state = found.state();
        double lr = settings.learningRate() == null ? Double.NaN : settings.learningRate();
        StepCurves curves = new StepCurves(state);
        boolean ran = shared.training().whileIdle(() -> asTab(() -> { // no Play (from any tab) starts on the loop meanwhile
            curves.epoch = state.loop().epochs() + 1; // the epoch this step belongs to, even when it ends it
            try {
                curves.batchGradient = state.loop().step(lr, curves).batchGradient();
            } catch (TrainingLoop.Diverged | IllegalArgumentException | EditRefusedException e) {
                curves.refused = e;
            }
        }));
        if (!ran) {
            return new StepOutcome(Outcome.of(Problem.PAUSE_FIRST), null, 0, 0, Double.NaN, null);
        }
        Readout readout = Readout.loop(state.loop().steps(), state.loop().epochs(), curves.trainLoss, curves.testLoss);
        if (curves.refused != null) {
            return new StepOutcome(Outcome.refused(curves.refused, state), readout, 0, 0, Double.NaN, null);
        }
        return new StepOutcome(Outcome.OK, readout, state.loop().steps(), curves.epoch, curves.loss,
                GridNumbers.of(shared.sheet(), shared.data(), curves.batchGradient));
    }

    /** Records a Step's losses on the loop's curves, and what the step came to. */
    private static final class StepCurves implements TrainingLoop.Listener {
        private final PlayState state;
        long epoch;
        Map<String, Double> batchGradient;
        RuntimeException refused;
        double loss = Double.NaN;
        double trainLoss = Double.NaN;
        double testLoss = Double.NaN;

        StepCurves(PlayState state) {
            this.state = state;
        }

        @Override
        public void onStep(long step, long epoch, double loss) {
            this.loss = loss;
            state.stepLosses().add(step, loss);
        }

        @Override
        public void onEpoch(long step, long epoch, double trainLoss, double testLoss) {
            this.trainLoss = trainLoss;
            this.testLoss = testLoss;
            state.epochLosses().add(step, trainLoss);
            if (Double.isFinite(testLoss)) {
                state.testLosses().add(step, testLoss);
            }
        }
    }

    /**
     * Reset: pauses a run that goes on (waiting up to {@link #RESET_WAIT_SECONDS} for it), then puts the
     * weights back where the loop began (one undoable edit) and starts its steps, epochs and curves afresh.
     */
    public Outcome reset() {
        JobSlot slot = shared.training();
        TrainingJob running = slot.busy() ? slot.current() : null;
        if (running != null) {
            running.stop();
            try {
                running.result().handle((r, f) -> null).get(RESET_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                return Outcome.of(Problem.RESET_TIMEOUT);
            }
        }
        PlayState state = slot.play();
        if (state == null) {
            return Outcome.of(Problem.NOTHING_TO_RESET);
        }
        EditRefusedException[] refused = new EditRefusedException[1];
        boolean idle = slot.whileIdle(() -> asTab(() -> {
            try {
                state.loop().reset();
                state.clearCurves();
            } catch (EditRefusedException e) {
                refused[0] = e;
            }
        }));
        if (!idle) {
            return Outcome.of(Problem.RESET_ELSEWHERE);
        }
        return refused[0] != null ? Outcome.refused(refused[0], state) : Outcome.OK;
    }

    /**
     * Whether {@code data} (named {@code source} in messages) can be the sheet's table: empty when its
     * columns bind to the sheet's input cells (and keep the columns of the table it replaces), else
     * the problems, one {@code FILE:LINE: message} per line.
     */
    public List<String> dataProblems(DataTable data, String source) {
        DataTable before = shared.data();
        try {
            Binding.check(shared.sheet(), data, before == null ? null : before.columns(), source);
            return List.of();
        } catch (DataException e) {
            return e.lines();
        }
    }

    /** Which input cell each column of {@code data} binds to, by column in order (null: none). */
    public Map<String, String> bindings(DataTable data) {
        Sheet sheet = shared.sheet();
        Map<String, String> out = new LinkedHashMap<>();
        for (String column : data.columns()) {
            out.put(column, sheet.cell(column).filter(c -> c.isInput()).map(c -> c.name()).orElse(null));
        }
        return out;
    }

    /** The readout right after a Reset: the loop at its start. */
    public static Readout resetReadout() {
        return Readout.loop(0, 0, Double.NaN, Double.NaN);
    }

    /**
     * The sheet's loop for the current data and these settings: the one already going when they match,
     * else a new one starting from the weights as they are now; or the {@link Outcome} saying why the
     * sheet cannot train.
     */
    private Loop loop(Settings settings) {
        DataTable table = shared.data();
        Sheet sheet = shared.sheet();
        if (table == null) {
            return Loop.refused(Outcome.of(Problem.NO_DATA));
        }
        try {
            Binding.check(sheet, table, table.columns(), "data"); // checked against the sheet when it was attached
        } catch (DataException e) {
            return Loop.refused(new Outcome(Problem.DATA_UNBOUND, e.lines(), null, null));
        }
        if (sheet.weights().isEmpty()) {
            return Loop.refused(Outcome.of(Problem.NO_WEIGHT));
        }
        if (settings.batch() == null || settings.batch() < 1) {
            return Loop.refused(Outcome.of(Problem.BATCH_MISSING));
        }
        Integer share = settings.testShare();
        if (share != null && (share < 0 || share > 90)) {
            return Loop.refused(Outcome.of(Problem.TEST_SHARE_RANGE));
        }
        long seed = settings.seed() == null ? 0 : settings.seed();
        try {
            return new Loop(shared.training().play(sheet, table, settings.batch(), seed, settings.shuffle(),
                    share == null ? 0 : share / 100.0), null);
        } catch (IllegalArgumentException e) {
            return Loop.refused(new Outcome(Problem.SETTINGS_REFUSED, List.of(String.valueOf(e.getMessage())), null, null));
        }
    }

    /** The loop to train, or why there is none. */
    private record Loop(PlayState state, Outcome refused) {
        static Loop refused(Outcome why) {
            return new Loop(null, why);
        }
    }

    /**
     * Shows {@code run} — the sheet's run, whichever tab started it — with live progress and, at its
     * end, its result; nothing when it is already shown.
     */
    public void follow(TrainingJob run) {
        if (run == null || run == job) {
            return;
        }
        if (jobWatch != null) {
            jobWatch.dispose();
        }
        job = run;
        display.following(run);
        PageUpdates on = page;
        Frame<Void, Void> progressing = progressFrame;
        if (on != null) {
            jobWatch = run.updates().subscribe(j -> progressing.stale(), failure -> { });
            finished = run.result().handle((result, failure) -> on.post(() -> end(run, result, failure)))
                    .thenCompose(handed -> handed);
        }
        display.progressed();
    }

    private void end(TrainingJob run, Trainer.Result result, Throwable failure) {
        if (run == job) {
            display.ended(RunEnd.of(run, result, failure, shared.sheet(), shared.data()));
        }
    }

    /** The followed run's readout and progress, or null when no run is followed. */
    public Progress progress() {
        if (job == null) {
            return null;
        }
        TrainingJob.Progress p = job.progress();
        int ahead = job.ahead(); // read once: the run may leave the queue meanwhile
        boolean indeterminate = !job.isDone() && ahead < 0 && p.totalSteps() == 0;
        if (ahead >= 0) {
            return new Progress(new Readout(ahead, false, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN),
                    p.fraction(), indeterminate);
        }
        // a Playground run shows its latest epoch's mean loss (what the curve's thick line draws)
        double loss = job.playState() != null && !Double.isNaN(job.epochLoss()) ? job.epochLoss() : p.loss();
        return new Progress(new Readout(-1, job.plainSteps(), p.step(), p.totalSteps(), p.epoch(), loss,
                job.testLoss(), p.stepsPerSecond()), p.fraction(), indeterminate);
    }

    /** The curves to draw: the loop's (across Play, Pause and Step), else the followed one-shot run's, else null. */
    public Curves curves() {
        PlayState state = shared.training().play();
        if (state != null && (job == null || job.playState() != null)) {
            return new Curves(state.stepLosses(), state.epochLosses(), state.testLosses());
        }
        return job == null ? null : new Curves(job.stepLosses(), job.epochLosses(), null);
    }

    /** The decision picture and the network as the sheet is now, computed for the page to draw. */
    public record Pictures(DecisionPicture.Picture decision, NetworkPicture network) {
    }

    /** The settings that change the pictures: the test share and seed (which rows are drawn hollow). */
    private record PictureSettings(Integer testShare, Integer seed) {
    }

    /**
     * What a picture is computed from, read in a moment under the sheet's read lock: a private copy of
     * the sheet (the live sheet itself when it is too big for either picture, which then only says so),
     * the data, the rows drawn hollow and whether a run goes on.
     */
    record PictureInput(Sheet sheet, DataTable data, int[] testRows, boolean running) {
    }

    /**
     * The pictures are stale: the decision picture with the rows this test share and seed hold back
     * drawn hollow, and the network. They are computed off the page's thread and put on the page
     * through {@link Display#sheetChanged}; nothing is computed here.
     */
    public void redraw(Integer testShare, Integer seed) {
        pictureSettings = new PictureSettings(testShare, seed);
        Frame<PictureInput, Pictures> frame = picturesFrame;
        if (frame != null) {
            frame.stale();
        }
    }

    /** On a picture thread: the sheet's numbers now, copied in one short read. */
    PictureInput pictureInput() {
        DataTable table = shared.data();
        Sheet live = shared.sheet();
        Sheet sheet = live.size() <= Math.max(DecisionPicture.MAX_CELLS, NetworkPicture.MAX_CELLS) ? live.copy() : live;
        PictureSettings settings = pictureSettings;
        int[] testRows = table == null ? new int[0] : testRows(table, settings.testShare(), settings.seed());
        return new PictureInput(sheet, table, testRows, shared.training().busy());
    }

    /**
     * Computes the pictures from {@code in}: the decision picture and the network (its neurons' own
     * pictures redrawn at most every {@link NetworkPicture#PICTURES_MS} while a run goes on). Reads
     * only the copy in {@code in}, never the shared sheet.
     */
    Pictures pictures(PictureInput in) {
        computing.run();
        return new Pictures(DecisionPicture.of(in.sheet(), in.data(), in.testRows()),
                networkPainter.paint(in.sheet(), in.data(), in.running()));
    }

    /** Runs {@code probe} at the start of every picture computation (tests: on which thread, holding which lock). */
    void whileComputing(Runnable probe) {
        computing = probe;
    }

    /** The rows the loop holds back for testing with this share and seed (what Play will use). */
    static int[] testRows(DataTable table, Integer testShare, Integer seed) {
        int share = testShare == null ? 0 : Math.max(0, Math.min(99, testShare));
        return Split.of(table.size(), share / 100.0, seed == null ? 0 : seed).test();
    }

    /**
     * The panel is on a page, which gets what it shows through {@code on}: follows the sheet's run (a
     * run started in any tab, or before this tab opened, is shown here too; one that paused because
     * nobody watched it is shown paused, saying so) and redraws the pictures when the sheet changes.
     */
    public void attach(PageUpdates on) {
        detach();
        page = on;
        progressFrame = on.frame(display::progressed);
        picturesFrame = on.frame(this::pictureInput, this::pictures, display::sheetChanged);
        Frame<PictureInput, Pictures> pictures = picturesFrame;
        sheetWatch = shared.sheet().changes().subscribe(change -> pictures.stale(), failure -> { });
        slotWatch = shared.training().changes().subscribe(current -> current.ifPresent(run -> {
            if (!run.isDone() || run.pausedUnwatched()) {
                on.post(() -> follow(run));
            }
        }), failure -> { });
        pictures.stale();
    }

    /**
     * The panel left its page. The sheet's run goes on: it belongs to the sheet, and every tab on the
     * link (a reloaded one too) shows it and can pause it.
     */
    public void detach() {
        for (Disposable d : new Disposable[] {sheetWatch, slotWatch, jobWatch}) {
            if (d != null) {
                d.dispose();
            }
        }
        sheetWatch = null;
        slotWatch = null;
        jobWatch = null;
        page = null;
        progressFrame = null;
        picturesFrame = null;
        job = null; // a reattached panel follows the sheet's run afresh
    }
}
