package dev.gradsheet.ui.train;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.PlayState;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingLoop;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** How a training run ended, as the training panel tells it: one record per kind of end. */
public sealed interface RunEnd {
    /** The numbers the grid shows after the run, or null when the run left none to tell. */
    default GridNumbers numbers() {
        return null;
    }

    /** Stopped while it waited for a worker: nothing changed. */
    record Cancelled() implements RunEnd {
    }

    /** SGD diverged: the loop's verdict on its loss ({@code loop}), or the engine's refusal of a plain step. */
    record Diverged(Throwable cause, PlayState state, boolean loop) implements RunEnd {
    }

    /** The run failed otherwise. */
    record Failed(Throwable cause, PlayState state) implements RunEnd {
    }

    /** A run of plain SGD steps ended (done or stopped) with the objective at this value. */
    record SgdEnded(boolean stopped, int steps, String objective, double objectiveValue) implements RunEnd {
    }

    /** How Play ended: done, paused (by a click), by its time limit, or because no tab showed the sheet. */
    enum How { DONE, PAUSED, PAUSED_BY_LIMIT, PAUSED_UNWATCHED }

    /**
     * Play ended ({@code how}) at this step and epoch of the loop, after {@code steps} steps of its
     * own; {@code loss} is the last epoch's mean ({@code epochLoss}) or else the last step's.
     */
    record Played(How how, long step, long epoch, int steps, double loss, boolean epochLoss, double testLoss,
                  GridNumbers numbers) implements RunEnd {
    }

    /** A one-shot run (fixed epochs, no loop) ended. */
    record OneShot(boolean stopped, int steps, double loss, boolean epochLoss, double seconds, GridNumbers numbers)
            implements RunEnd {
    }

    /** How {@code run} of {@code sheet} (trained on {@code data}) ended, from its result or its failure. */
    static RunEnd of(TrainingJob run, Trainer.Result result, Throwable failure, Sheet sheet, DataTable data) {
        if (failure instanceof CancellationException || failure != null && failure.getCause() instanceof CancellationException) {
            return new Cancelled();
        }
        Throwable cause = TrainingRefusals.unwrap(failure);
        if (failure != null && diverged(cause)) {
            return new Diverged(cause, run.playState(), cause instanceof TrainingLoop.Diverged);
        }
        if (failure != null) {
            return new Failed(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure, run.playState());
        }
        if (run.plainSteps()) {
            return new SgdEnded(result.stopped(), result.steps(), sheet.objective(), sheet.objectiveValue());
        }
        if (run.playState() != null) {
            TrainingLoop loop = run.playState().loop();
            boolean epochLoss = !Double.isNaN(run.epochLoss());
            How how = run.pausedByLimit() ? How.PAUSED_BY_LIMIT
                    : run.pausedUnwatched() && result.stopped() ? How.PAUSED_UNWATCHED
                    : result.stopped() ? How.PAUSED : How.DONE;
            return new Played(how, loop.steps(), loop.epochs(), result.steps(),
                    epochLoss ? run.epochLoss() : run.progress().loss(), epochLoss, run.testLoss(),
                    GridNumbers.of(sheet, data, result.batchGradient()));
        }
        boolean epochLoss = !result.epochLosses().isEmpty();
        return new OneShot(result.stopped(), result.steps(), epochLoss ? result.finalLoss() : run.progress().loss(),
                epochLoss, result.seconds(), GridNumbers.of(sheet, data, result.batchGradient()));
    }

    /**
     * Whether a run stopped because SGD diverged, by the failure's type: the loop's own verdict on its
     * loss, or the engine's refusal of a step with the typed reason DIVERGED (plain SGD runs).
     */
    static boolean diverged(Throwable failure) {
        return failure instanceof TrainingLoop.Diverged
                || failure instanceof EditRefusedException e && e.reason() == EditRefusedException.Reason.DIVERGED;
    }
}
