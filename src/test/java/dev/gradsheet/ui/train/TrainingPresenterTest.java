package dev.gradsheet.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.server.ServerLimits;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.train.TrainingPresenter.Outcome;
import dev.gradsheet.ui.train.TrainingPresenter.Problem;
import dev.gradsheet.ui.train.TrainingPresenter.Settings;
import dev.gradsheet.ui.frames.FrameWorkers;
import dev.gradsheet.ui.frames.Tab;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The training panel's logic without a page: Play, Pause, Step and Reset on a sheet's loop, the typed
 * refusals of bad settings (nothing changes), following a run through a page that queues tasks, and
 * progress updates coalesced to one queued task at a time.
 */
class TrainingPresenterTest {
    /** The AND data set's sigmoid neuron (cross-entropy), four samples. */
    private static final String AND = Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0)
            + "@data = x1, x2, y\n@row = 0, 0, 0\n@row = 0, 1, 0\n@row = 1, 0, 0\n@row = 1, 1, 1\n";
    private static final Settings FOUR = new Settings(0.5, 4, null, 0, 1, true, 0);

    private final JobPool pool = new JobPool(1, 4);
    private final FrameWorkers workers = new FrameWorkers(1, 100);
    /** The page's tab (its hand-offs and frames). */
    private final Tab tab = new Tab(workers);
    /** The page: tasks the presenter queued, run when the test says so (on the test's thread). */
    private final Queue<Runnable> page = new ConcurrentLinkedQueue<>();
    /** What the presenter told the display, in order. */
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final AtomicReference<RunEnd> ended = new AtomicReference<>();
    /** The threads the display was called on. */
    private final List<String> shownOn = new CopyOnWriteArrayList<>();

    @AfterEach
    void closePool() {
        pool.close();
        workers.close();
    }

    private TrainingPresenter presenter(String sheetText, ServerLimits limits) throws Exception {
        SheetFile.Loaded loaded = SheetFile.parse(sheetText, "t.sheet");
        return presenter(loaded.sheet(), loaded.data(), limits);
    }

    private TrainingPresenter presenter(Sheet sheet, DataTable data, ServerLimits limits) {
        SharedSheet shared = new SharedSheet("cccccccccccccccc", sheet, "", new AtomicReference<>(data));
        return presenter(shared, limits, pool, null);
    }

    /** A presenter of {@code shared} on a page of this test, playing on {@code jobs} for {@code visitor}. */
    private TrainingPresenter presenter(SharedSheet shared, ServerLimits limits, JobPool jobs, String visitor) {
        TrainingPresenter p = new TrainingPresenter(shared, limits, jobs, visitor, new TrainingPresenter.Display() {
            @Override
            public void following(TrainingJob run) {
                told.add("following");
                shownOn.add(Thread.currentThread().getName());
            }

            @Override
            public void progressed() {
                told.add("progressed");
                shownOn.add(Thread.currentThread().getName());
            }

            @Override
            public void ended(RunEnd end) {
                told.add("ended");
                ended.set(end);
                shownOn.add(Thread.currentThread().getName());
            }

            @Override
            public void sheetChanged(TrainingPresenter.Pictures pictures) {
                told.add("sheetChanged");
                shownOn.add(Thread.currentThread().getName());
            }
        });
        p.attach(tab.open(page::add));
        // the first pictures, computed off this thread, reach the page; the test starts from there
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            runPage();
            return told.contains("sheetChanged");
        });
        told.clear();
        return p;
    }

    /** Runs every task handed to the page so far (waiting until what was posted before is handed). */
    private void runPage() {
        Tab.Mark mark = tab.mark();
        await().atMost(30, TimeUnit.SECONDS).until(() -> tab.handed(mark));
        for (Runnable task = page.poll(); task != null; task = page.poll()) {
            task.run();
        }
    }

    @Test
    void badSettingsAreRefusedByKindAndChangeNothing() throws Exception {
        TrainingPresenter p = presenter(AND, new ServerLimits(1000, 50, 1, 4, java.time.Duration.ofHours(1), 1 << 20));
        Sheet sheet = p.shared().sheet();
        long version = sheet.version();
        assertThat(p.reset().problem()).isEqualTo(Problem.NOTHING_TO_RESET); // no Play or Step yet
        assertThat(p.play(new Settings(0.5, null, null, 0, 1, true, 0)).problem()).isEqualTo(Problem.BATCH_MISSING);
        assertThat(p.play(new Settings(0.5, 4, null, 95, 1, true, 0)).problem()).isEqualTo(Problem.TEST_SHARE_RANGE);
        assertThat(p.play(new Settings(0.0, 4, null, 0, 1, true, 0)).problem()).isEqualTo(Problem.LR_INVALID);
        assertThat(p.play(new Settings(null, 4, null, 0, 1, true, 0)).problem()).isEqualTo(Problem.LR_INVALID);
        assertThat(p.play(new Settings(0.5, 4, 0, 0, 1, true, 0)).problem()).isEqualTo(Problem.EPOCHS_MIN);
        assertThat(p.play(new Settings(0.5, 4, 51, 0, 1, true, 0)).problem()).isEqualTo(Problem.EPOCHS_MAX);
        assertThat(p.maxEpochs()).isEqualTo(50);
        assertThat(p.job()).isNull();
        assertThat(sheet.version()).isEqualTo(version);
        assertThat(told).isEmpty();

        TrainingPresenter noData = presenter("w = weight(1)\nL = w * w\n", ServerLimits.defaults());
        assertThat(noData.play(FOUR).problem()).isEqualTo(Problem.NO_DATA);
        TrainingPresenter noWeight = presenter("x1 = input(0)\nx2 = input(0)\ny = input(0)\nL = (x1 + x2 - y) * 1\n"
                + "@data = x1, x2, y\n@row = 0, 0, 0\n", ServerLimits.defaults());
        assertThat(noWeight.step(FOUR).outcome().problem()).isEqualTo(Problem.NO_WEIGHT);
        // a table without rows leaves the loop nothing to train on: its own words, as a line
        TrainingPresenter noRows = presenter(SheetFile.parse(AND, "t.sheet").sheet(),
                new DataTable(List.of("x1", "x2", "y"), new double[0][]), ServerLimits.defaults());
        assertThat(noRows.step(FOUR).outcome())
                .isEqualTo(new Outcome(Problem.SETTINGS_REFUSED, List.of("no rows left to train on: lower the test share"), null, null));
    }

    @Test
    void aStepMovesTheLoopByOneBatchAndTellsWhichNumbersTheGridShows() throws Exception {
        TrainingPresenter p = presenter(AND, ServerLimits.defaults());
        Sheet sheet = p.shared().sheet();
        double w1 = sheet.value("w1");
        TrainingPresenter.StepOutcome s = p.step(FOUR);
        assertThat(s.outcome().ok()).isTrue();
        assertThat(s.step()).isEqualTo(1);
        assertThat(s.epoch()).isEqualTo(1);
        assertThat(s.loss()).isFinite().isPositive();
        assertThat(s.readout()).isEqualTo(TrainingPresenter.Readout.loop(1, 1, s.readout().loss(), Double.NaN));
        assertThat(s.readout().loss()).isEqualTo(s.loss()); // batch of all four: the epoch's mean is the step's loss
        assertThat(sheet.value("w1")).isNotEqualTo(w1);
        assertThat(s.numbers().sample().keySet()).containsExactly("x1", "x2", "y");
        assertThat(s.numbers().objective()).isEqualTo(sheet.objective());
        assertThat(s.numbers().gradients()).extracting(GridNumbers.WeightGradient::weight)
                .containsExactlyInAnyOrderElementsOf(sheet.weights());
        assertThat(s.numbers().gradients().get(0).value()).isEqualTo(sheet.value(s.numbers().gradients().get(0).weight()));
        assertThat(p.curves().steps().points()).hasSize(1);
        // Reset puts the weights back as one undoable edit and starts the curves afresh
        assertThat(p.reset().ok()).isTrue();
        assertThat(sheet.value("w1")).isEqualTo(w1);
        assertThat(p.curves().steps().points()).isEmpty();
        assertThat(sheet.undo()).isTrue();
        assertThat(sheet.value("w1")).isNotEqualTo(w1);
    }

    @Test
    void playIsFollowedOnThePageAndEndsWithItsResult() throws Exception {
        TrainingPresenter p = presenter(AND, ServerLimits.defaults());
        assertThat(p.play(new Settings(0.5, 4, 30, 0, 1, true, 0))).isEqualTo(Outcome.OK);
        TrainingJob run = p.job();
        assertThat(run).isNotNull();
        assertThat(told).startsWith("following", "progressed");
        p.finished().get(30, TimeUnit.SECONDS);
        assertThat(run.isDone()).isTrue();
        runPage();
        assertThat(told).contains("ended");
        RunEnd.Played played = (RunEnd.Played) ended.get();
        assertThat(played.how()).isEqualTo(RunEnd.How.DONE);
        assertThat(played.steps()).isEqualTo(30);
        assertThat(played.step()).isEqualTo(30);
        assertThat(played.epoch()).isEqualTo(30);
        assertThat(played.epochLoss()).isTrue();
        assertThat(played.loss()).isEqualTo(run.epochLoss());
        assertThat(played.numbers().batchGradient().keySet())
                .containsExactlyInAnyOrderElementsOf(p.shared().sheet().weights());
        assertThat(p.progress().readout()).isEqualTo(new TrainingPresenter.Readout(-1, false, 30, 30, 30,
                run.epochLoss(), Double.NaN, run.progress().stepsPerSecond()));
        assertThat(p.progress().fraction()).isEqualTo(1.0);
    }

    @Test
    void pauseTakesEffectAtOnceAndThePageGetsOneUpdateOfEachKindHoweverManyCame() throws Exception {
        TrainingPresenter p = presenter(AND, ServerLimits.defaults());
        assertThat(p.play(FOUR)).isEqualTo(Outcome.OK); // until paused
        TrainingJob run = p.job();
        // at least half a second: several progress updates and sheet changes (each every 100 ms) come meanwhile
        await().pollDelay(600, TimeUnit.MILLISECONDS).atMost(30, TimeUnit.SECONDS).until(() -> run.progress().step() > 2000);
        // a second Play while it goes on is refused, and so is a Step
        assertThat(p.play(FOUR).problem()).isEqualTo(Problem.ALREADY_TRAINING);
        assertThat(p.step(FOUR).outcome().problem()).isEqualTo(Problem.PAUSE_FIRST);
        assertThat(p.pause()).isTrue();
        // the run stops without the page running any of its queued tasks
        assertThat(run.result().get(30, TimeUnit.SECONDS).stopped()).isTrue();
        p.finished().get(30, TimeUnit.SECONDS);
        run.updates().ignoreElements().blockingAwait(30, TimeUnit.SECONDS); // its last update has come too
        // dozens of progress updates and sheet changes came while the page ran nothing: one of each waits
        told.clear();
        runPage();
        assertThat(told.stream().filter("progressed"::equals).count()).isEqualTo(1);
        assertThat(told.stream().filter("sheetChanged"::equals).count()).isEqualTo(1);
        assertThat(told).contains("ended");
        RunEnd.Played played = (RunEnd.Played) ended.get();
        assertThat(played.how()).isEqualTo(RunEnd.How.PAUSED);
        assertThat(played.step()).isEqualTo(p.shared().training().play().loop().steps()).isGreaterThan(2000);
        assertThat(p.pause()).isFalse(); // nothing goes on any more
    }

    @Test
    void aRunStartedElsewhereIsFollowedAndADetachedPresenterLetsItGo() throws Exception {
        TrainingPresenter p = presenter(AND, ServerLimits.defaults());
        SharedSheet shared = p.shared();
        TrainingPresenter other = new TrainingPresenter(shared, ServerLimits.defaults(), pool, new TrainingPresenter.Display() {
            @Override
            public void following(TrainingJob run) {
            }

            @Override
            public void progressed() {
            }

            @Override
            public void ended(RunEnd end) {
            }

            @Override
            public void sheetChanged(TrainingPresenter.Pictures pictures) {
            }
        });
        assertThat(other.play(FOUR)).isEqualTo(Outcome.OK);
        runPage(); // the slot told this presenter's page about the new run
        assertThat(p.job()).isSameAs(other.job());
        assertThat(told).startsWith("following");
        p.detach();
        assertThat(p.job()).isNull();
        assertThat(other.job().isDone()).isFalse(); // the run belongs to the sheet
        assertThat(other.pause()).isTrue();
        other.job().result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void picturesAreComputedOnPictureThreadsNeverOnTheTrainingThreadNorUnderTheSheetsLock() throws Exception {
        TrainingPresenter p = presenter(AND, ServerLimits.defaults());
        Sheet sheet = p.shared().sheet();
        List<String> computedOn = new CopyOnWriteArrayList<>();
        List<Boolean> holdingTheSheetsLock = new CopyOnWriteArrayList<>();
        p.whileComputing(() -> {
            computedOn.add(Thread.currentThread().getName());
            holdingTheSheetsLock.add(sheet.heldByCurrentThread());
        });
        assertThat(p.play(FOUR)).isEqualTo(Outcome.OK); // until paused
        TrainingJob run = p.job();
        // while the run goes on (its thread announcing every 100 ms under the sheet's lock) the page keeps up
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            runPage();
            return computedOn.size() >= 5 && told.stream().filter("progressed"::equals).count() >= 3;
        });
        assertThat(run.isDone()).isFalse();
        assertThat(p.pause()).isTrue();
        run.result().get(30, TimeUnit.SECONDS);
        runPage();
        assertThat(computedOn).allMatch(name -> name.startsWith(FrameWorkers.PICTURE_THREAD), "a picture thread");
        assertThat(holdingTheSheetsLock).containsOnly(false);
        // the page's own thread (here the test's) put everything on screen; the training thread nothing
        assertThat(shownOn).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aRunPausedBecauseNobodyWatchedIsShownPausedWithItsStateAndWhyWhenTheSheetIsOpenedAgain() throws Exception {
        TrainingPresenter p = presenter(AND, ServerLimits.defaults());
        SharedSheet shared = p.shared();
        assertThat(p.play(FOUR)).isEqualTo(Outcome.OK);
        TrainingJob run = p.job();
        await().atMost(30, TimeUnit.SECONDS).until(() -> run.progress().step() > 100);
        p.detach(); // the last tab closed; the registry pauses the run after gradsheet.train.unwatched-pause
        run.pauseUnwatched();
        run.result().get(30, TimeUnit.SECONDS);
        long step = shared.training().play().loop().steps();
        runPage();
        ended.set(null);
        // a tab opens the sheet again
        TrainingPresenter reopened = presenter(shared, ServerLimits.defaults(), pool, null);
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            runPage();
            return ended.get() != null;
        });
        assertThat(reopened.job()).isSameAs(run);
        RunEnd.Played played = (RunEnd.Played) ended.get();
        assertThat(played.how()).isEqualTo(RunEnd.How.PAUSED_UNWATCHED);
        assertThat(played.step()).isEqualTo(step).isGreaterThan(100);
        assertThat(TrainingWords.result(played)).startsWith("Paused by itself at step " + step + " (epoch " + played.epoch()
                + "): nobody had this sheet open.").contains("Play goes on from here");
        // its state: the readout where it stopped, and its curves
        assertThat(reopened.progress().readout().step()).isEqualTo(step);
        assertThat(reopened.curves().steps().count()).isEqualTo(step);
        // ready to Play on from there
        assertThat(reopened.play(FOUR)).isEqualTo(Outcome.OK);
        await().atMost(30, TimeUnit.SECONDS).until(() -> reopened.job().progress().step() > step);
        assertThat(reopened.pause()).isTrue();
        reopened.job().result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aVisitorsRunsAreCountedAndTheLimitIsWordedFromTheBundles() throws Exception {
        JobPool onePerVisitor = new JobPool(2, 4, 1, 1);
        try {
            SheetFile.Loaded first = SheetFile.parse(AND, "a.sheet");
            SheetFile.Loaded second = SheetFile.parse(AND, "b.sheet");
            SheetFile.Loaded third = SheetFile.parse(AND, "c.sheet");
            TrainingPresenter mine = presenter(new SharedSheet("aaaaaaaaaaaaaaaa", first.sheet(), "",
                    new AtomicReference<>(first.data())), ServerLimits.defaults(), onePerVisitor, "browser-1");
            TrainingPresenter alsoMine = presenter(new SharedSheet("bbbbbbbbbbbbbbbb", second.sheet(), "",
                    new AtomicReference<>(second.data())), ServerLimits.defaults(), onePerVisitor, "browser-1");
            TrainingPresenter someoneElses = presenter(new SharedSheet("dddddddddddddddd", third.sheet(), "",
                    new AtomicReference<>(third.data())), ServerLimits.defaults(), onePerVisitor, "browser-2");
            assertThat(mine.play(FOUR)).isEqualTo(Outcome.OK);
            assertThat(onePerVisitor.heldBy("browser-1")).isEqualTo(1);
            Outcome refused = alsoMine.play(FOUR);
            assertThat(refused.problem()).isEqualTo(Problem.REFUSED);
            assertThat(((dev.gradsheet.jobs.JobRefusedException) refused.cause()).reason())
                    .isEqualTo(dev.gradsheet.jobs.JobRefusedException.Reason.VISITOR_LIMIT);
            assertThat(TrainingWords.problem(refused, 1000))
                    .isEqualTo("you already have as many runs going as one visitor may (1); pause one first");
            assertThat(alsoMine.job()).isNull();
            assertThat(someoneElses.play(FOUR)).as("another browser plays on").isEqualTo(Outcome.OK);
            await().atMost(30, TimeUnit.SECONDS).until(() -> someoneElses.job().progress().step() > 0);
            mine.pause();
            someoneElses.pause();
            mine.job().result().get(30, TimeUnit.SECONDS);
            someoneElses.job().result().get(30, TimeUnit.SECONDS);
        } finally {
            onePerVisitor.close();
        }
    }
}
