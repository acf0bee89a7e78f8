package dev.gradsheet.jobs;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.SgdSteps;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import io.reactivex.rxjava3.subjects.Subject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One training run in the background, free of Vaadin: queued on the server's {@link JobPool}, it
 * runs a {@link Trainer}, records the loss per step and per epoch (thinned out for drawing), and can
 * be stopped while it waits or between steps. Anyone may watch it through {@link #updates()}: every
 * tab on the sheet's link shows the same run. The whole run is one undoable edit of the sheet (the
 * Trainer's guarantee).
 */
public final class TrainingJob {
    /** How often the sheet's observers (grid, graph, picture) see a run's progress: about 10 times a second. */
    public static final long PUBLISH_MS = 100;
    /** How often a watching page's progress and loss curve update during a run. */
    public static final long NOTIFY_MS = 100;
    /** Where a run is: step and epoch so far, the planned total, the latest step's loss and the speed. */
    public record Progress(int step, int epoch, int totalSteps, double loss, double stepsPerSecond) {
        /** The share done, 0..1. */
        public double fraction() {
            return totalSteps == 0 ? 0 : Math.min(1, (double) step / totalSteps);
        }
    }

    private final LossHistory steps;
    private final LossHistory epochs;
    private final LossHistory tests;
    /** The Playground loop this job plays, or null for a one-shot run. */
    private final PlayState play;
    /** How long a run "until paused" goes on when nobody pauses it. */
    public static final java.time.Duration UNTIL_PAUSED_LIMIT = java.time.Duration.ofMinutes(30);
    private volatile boolean pausedByLimit;
    private volatile boolean pausedUnwatched;
    private volatile double epochLoss = Double.NaN;
    private volatile double testLoss = Double.NaN;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final int totalSteps;
    private final TrainingConfig config;
    private volatile Progress progress;
    /** Jobs ahead of this one while it waits for a worker; -1 once it runs. */
    private volatile int ahead = -1;
    private volatile JobPool.Ticket ticket;
    private final CompletableFuture<Trainer.Result> result = new CompletableFuture<>();
    private final Subject<TrainingJob> updates = BehaviorSubject.<TrainingJob>create().toSerialized();

    private TrainingJob(int totalSteps, TrainingConfig config) {
        this(totalSteps, config, null);
    }

    private TrainingJob(int totalSteps, TrainingConfig config, PlayState play) {
        this.totalSteps = totalSteps;
        this.config = config;
        this.play = play;
        this.steps = play == null ? new LossHistory() : play.stepLosses();
        this.epochs = play == null ? new LossHistory() : play.epochLosses();
        this.tests = play == null ? new LossHistory() : play.testLosses();
        this.progress = new Progress(0, 0, totalSteps, Double.NaN, 0);
    }

    /**
     * Queues a run training {@code sheet} on {@code data} on {@code pool}. The sheet's observers see
     * its progress every {@code publishEveryMs}; {@link #updates()} emits at most every
     * {@code notifyEveryMs}, whenever its place in the queue changes, and completes at the end.
     *
     * @throws dev.gradsheet.jobs.JobRefusedException when the pool's queue is full
     */
    public static TrainingJob start(Sheet sheet, DataTable data, TrainingConfig config, JobPool pool,
                                    long publishEveryMs, long notifyEveryMs) {
        int perEpoch = config.stepsPerEpoch(data.size());
        Trainer trainer = new Trainer(sheet, data, config).publishEvery(publishEveryMs);
        return submit(new TrainingJob((int) Math.min(Integer.MAX_VALUE, (long) perEpoch * config.epochs()), config),
                trainer::run, pool, notifyEveryMs, null);
    }

    /**
     * Queues {@code steps} plain SGD steps at {@code lr} (no data) as a stoppable run on {@code pool}:
     * "Apply SGD step" requests too long for a click.
     */
    public static TrainingJob sgd(Sheet sheet, double lr, int steps, JobPool pool, long publishEveryMs,
                                  long notifyEveryMs) {
        return sgd(sheet, lr, steps, pool, publishEveryMs, notifyEveryMs, null);
    }

    /** As {@link #sgd(Sheet, double, int, JobPool, long, long)}, counted against {@code visitor}'s runs. */
    public static TrainingJob sgd(Sheet sheet, double lr, int steps, JobPool pool, long publishEveryMs,
                                  long notifyEveryMs, String visitor) {
        return submit(new TrainingJob(steps, null),
                (listener, stop) -> SgdSteps.run(sheet, lr, steps, publishEveryMs, listener, stop), pool, notifyEveryMs,
                visitor);
    }

    /**
     * Queues Play on the sheet's loop: training at {@code lr} for {@code epochs} more epochs or until
     * stopped (Pause); {@code untilPaused} only says there is no planned end to show; {@code stepsPerTick} &gt; 0 slows it to that many
     * steps per {@code tickMs} (0: full speed). Steps and epochs count on from where the loop is, and
     * the curves go on (they are the loop's). A diverging loss ends the job with
     * {@link dev.gradsheet.train.TrainingLoop.Diverged}.
     */
    public static TrainingJob play(PlayState state, double lr, long epochs, boolean untilPaused, int stepsPerTick,
                                   JobPool pool, long tickMs, long notifyEveryMs) {
        return play(state, lr, epochs, untilPaused, stepsPerTick, pool, tickMs, notifyEveryMs, null);
    }

    /** As {@link #play(PlayState, double, long, boolean, int, JobPool, long, long)}, counted against {@code visitor}'s runs. */
    public static TrainingJob play(PlayState state, double lr, long epochs, boolean untilPaused, int stepsPerTick,
                                   JobPool pool, long tickMs, long notifyEveryMs, String visitor) {
        dev.gradsheet.train.TrainingLoop loop = state.loop();
        long planned = untilPaused ? 0 : loop.steps() + epochs * loop.stepsPerEpoch();
        TrainingJob job = new TrainingJob((int) Math.min(Integer.MAX_VALUE, planned), null, state);
        Work work = (listener, stopAsked) -> {
            long first = loop.steps();
            long t0 = System.nanoTime();
            // a run until paused that nobody pauses gives its worker back after UNTIL_PAUSED_LIMIT
            java.util.function.BooleanSupplier stop = !untilPaused ? stopAsked : () -> {
                if (stopAsked.getAsBoolean()) {
                    return true;
                }
                if (System.nanoTime() - t0 > UNTIL_PAUSED_LIMIT.toNanos()) {
                    job.pausedByLimit = true;
                    return true;
                }
                return false;
            };
            dev.gradsheet.train.TrainingLoop.Outcome o = loop.run(lr, epochs, stepsPerTick, tickMs,
                    new dev.gradsheet.train.TrainingLoop.Listener() {
                        @Override
                        public void onStep(long step, long epoch, double loss) {
                            double seconds = (System.nanoTime() - t0) / 1e9;
                            listener.onStep((int) step, (int) epoch, loss, seconds > 0 ? (step - first) / seconds : 0);
                        }

                        @Override
                        public void onEpoch(long step, long epoch, double train, double test) {
                            job.epochLoss = train;
                            job.testLoss = test;
                            listener.onEpoch((int) epoch, train);
                            if (Double.isFinite(test)) {
                                job.tests.add(step, test);
                            }
                        }
                    }, stop);
            return new Trainer.Result(java.util.List.of(), java.util.List.of(), (int) o.steps(), o.paused(),
                    o.batchGradient(), o.seconds());
        };
        return submit(job, work, pool, notifyEveryMs, visitor);
    }

    /** The run's work: trains with this listener until done or stopped. */
    private interface Work {
        Trainer.Result run(Trainer.Listener listener, java.util.function.BooleanSupplier stop);
    }

    private static TrainingJob submit(TrainingJob job, Work work, JobPool pool, long notifyEveryMs, String visitor) {
        long notifyNanos = notifyEveryMs * 1_000_000;
        Trainer.Listener listener = new Trainer.Listener() {
            private long lastNotify = System.nanoTime();

            @Override
            public void onStep(int step, int epoch, double loss, double stepsPerSecond) {
                job.steps.add(step, loss);
                job.progress = new Progress(step, epoch, job.totalSteps, loss, stepsPerSecond);
                long now = System.nanoTime();
                if (now - lastNotify >= notifyNanos) {
                    lastNotify = now;
                    job.updates.onNext(job);
                }
            }

            @Override
            public void onEpoch(int epoch, double loss) {
                job.epochs.add(job.progress.step(), loss);
            }
        };
        job.ahead = Integer.MAX_VALUE; // until the pool says where it stands
        job.ticket = pool.submit(new JobPool.Task() {
            @Override
            public void run() {
                job.ahead = -1;
                job.updates.onNext(job);
                try {
                    // between steps the run passes its turn on the processors when its slice is over
                    job.result.complete(work.run(listener, () -> {
                        JobPool.pass();
                        return job.stop.get();
                    }));
                } catch (RuntimeException | Error e) {
                    job.result.completeExceptionally(e);
                }
                job.updates.onNext(job);
                job.updates.onComplete();
            }

            @Override
            public boolean stopRequested() {
                return job.stop.get();
            }

            @Override
            public void queueMoved(int ahead) {
                if (job.ahead >= 0) {
                    job.ahead = ahead;
                    job.updates.onNext(job);
                }
            }
        }, visitor);
        int place = job.ticket.ahead();
        if (place >= 0 && job.ahead >= 0) {
            job.ahead = place;
        }
        job.updates.onNext(job);
        return job;
    }

    /**
     * Asks the run to stop before its next step; a run still waiting for a worker leaves the queue
     * and ends at once, having changed nothing.
     */
    public void stop() {
        stop.set(true);
        JobPool.Ticket t = ticket;
        if (t != null && t.cancel()) {
            ahead = -1;
            // for logs and callers; a page shows its own sentence from the bundles (train.result.cancelled)
            result.completeExceptionally(new CancellationException("stopped before it started; nothing was changed"));
            updates.onNext(this);
            updates.onComplete();
        }
    }

    public boolean stopRequested() {
        return stop.get();
    }

    /** Pauses the run because no tab has shown its sheet for a while (the page says so when reopened). */
    public void pauseUnwatched() {
        pausedUnwatched = true;
        stop();
    }

    /** Whether the run was paused because nobody watched it. */
    public boolean pausedUnwatched() {
        return pausedUnwatched;
    }

    /** Whether the run waits for a free worker. */
    public boolean waiting() {
        return ahead >= 0 && !result.isDone();
    }

    /** Jobs ahead of this one in the server's queue (0: next), or -1 when it is not waiting. */
    public int ahead() {
        return waiting() ? ahead : -1;
    }

    /** The training settings, or null for a run of plain SGD steps. */
    public TrainingConfig config() {
        return config;
    }

    /** The Playground loop this job plays, or null for a one-shot run. */
    public PlayState playState() {
        return play;
    }

    /** Whether a run until paused paused itself after {@link #UNTIL_PAUSED_LIMIT}. */
    public boolean pausedByLimit() {
        return pausedByLimit;
    }

    /** The mean training loss of the latest finished epoch (NaN before the first). */
    public double epochLoss() {
        return epochLoss;
    }

    /** The test loss at the latest finished epoch (NaN without test rows). */
    public double testLoss() {
        return testLoss;
    }

    /** Test loss per epoch: (step, loss). */
    public LossHistory testLosses() {
        return tests;
    }

    /** Whether this is a run of plain SGD steps ("Apply SGD step"), not training on data. */
    public boolean plainSteps() {
        return config == null && play == null;
    }

    public Progress progress() {
        return progress;
    }

    /** Loss per step: (step, loss). */
    public LossHistory stepLosses() {
        return steps;
    }

    /** Mean loss per epoch, at the epoch's last step: (step, loss). */
    public LossHistory epochLosses() {
        return epochs;
    }

    /** This job whenever its progress or place in the queue changed; completes when the run ended. */
    public Observable<TrainingJob> updates() {
        return updates;
    }

    /** Completes with the run's result, or exceptionally when it failed (e.g. diverged) or was stopped while queued. */
    public CompletableFuture<Trainer.Result> result() {
        return result;
    }

    public boolean isDone() {
        return result.isDone();
    }
}
