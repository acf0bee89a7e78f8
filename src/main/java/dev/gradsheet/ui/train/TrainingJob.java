package dev.gradsheet.ui.train;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One training run in the background, free of Vaadin: runs a {@link Trainer} on an executor, records
 * the loss per step and per epoch (thinned out for drawing), tells a listener about progress at most
 * every {@code notifyEveryMs}, and can be stopped between steps. The whole run is one undoable edit
 * of the sheet (the Trainer's guarantee).
 */
public final class TrainingJob {
    /** Where a run is: step and epoch so far, the planned total, the latest step's loss and the speed. */
    public record Progress(int step, int epoch, int totalSteps, double loss, double stepsPerSecond) {
        /** The share done, 0..1. */
        public double fraction() {
            return totalSteps == 0 ? 0 : Math.min(1, (double) step / totalSteps);
        }
    }

    private final LossHistory steps = new LossHistory();
    private final LossHistory epochs = new LossHistory();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final int totalSteps;
    private volatile Progress progress;
    private final CompletableFuture<Trainer.Result> result;

    private TrainingJob(int totalSteps) {
        this.totalSteps = totalSteps;
        this.progress = new Progress(0, 0, totalSteps, Double.NaN, 0);
        this.result = new CompletableFuture<>();
    }

    /**
     * Starts training {@code sheet} on {@code data} on {@code executor}. The sheet's observers see its
     * progress every {@code publishEveryMs}; {@code onProgress} is called (on the training thread) at
     * most every {@code notifyEveryMs} and once at the end.
     */
    public static TrainingJob start(Sheet sheet, DataTable data, TrainingConfig config, Executor executor,
                                    long publishEveryMs, long notifyEveryMs, Runnable onProgress) {
        int perEpoch = config.stepsPerEpoch(data.size());
        TrainingJob job = new TrainingJob((int) Math.min(Integer.MAX_VALUE, (long) perEpoch * config.epochs()));
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
                    onProgress.run();
                }
            }

            @Override
            public void onEpoch(int epoch, double loss) {
                job.epochs.add(job.progress.step(), loss);
            }
        };
        Trainer trainer = new Trainer(sheet, data, config).publishEvery(publishEveryMs);
        try {
            executor.execute(() -> {
                try {
                    job.result.complete(trainer.run(listener, job.stop::get));
                } catch (RuntimeException | Error e) {
                    job.result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            job.result.completeExceptionally(e);
        }
        return job;
    }

    /** Asks the run to stop before its next step. */
    public void stop() {
        stop.set(true);
    }

    public boolean stopRequested() {
        return stop.get();
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

    /** Completes with the run's result, or exceptionally when it failed (e.g. diverged). */
    public CompletableFuture<Trainer.Result> result() {
        return result;
    }

    public boolean isDone() {
        return result.isDone();
    }
}
