package dev.gradsheet.ui.train;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.ui.common.Format;

/**
 * The training panel's sentences for what {@link TrainingPresenter} answers — a refused action, a
 * finished Step, the end of a run — from the bundles in the page's language.
 */
final class TrainingWords {
    private TrainingWords() {
    }

    /** Why an action did not happen ({@code maxEpochs}: the server's limit, for EPOCHS_MAX). */
    static String problem(TrainingPresenter.Outcome o, long maxEpochs) {
        return switch (o.problem()) {
            case ALREADY_TRAINING -> TrainTexts.t("train.panel.alreadyTraining");
            case NO_DATA -> TrainTexts.t("train.panel.noData");
            case DATA_UNBOUND -> String.join("\n", o.lines());
            case NO_WEIGHT -> TrainTexts.t("train.panel.noWeight");
            case BATCH_MISSING -> TrainTexts.t("train.panel.batch.missing");
            case TEST_SHARE_RANGE -> TrainTexts.t("train.panel.testShare.range");
            case SETTINGS_REFUSED -> o.lines().get(0);
            case LR_INVALID -> TrainTexts.t("train.panel.lr.invalid");
            case EPOCHS_MIN -> TrainTexts.t("train.panel.epochs.min");
            case EPOCHS_MAX -> TrainTexts.t("train.panel.epochs.max", maxEpochs);
            case PAUSE_FIRST -> TrainTexts.t("train.panel.pauseFirst");
            case RESET_TIMEOUT -> TrainTexts.t("train.panel.reset.timeout");
            case NOTHING_TO_RESET -> TrainTexts.t("train.panel.reset.nothing");
            case RESET_ELSEWHERE -> TrainTexts.t("train.panel.reset.otherTab");
            case REFUSED -> refusal(o.cause(), o.state());
        };
    }

    /** The panel's sentence for a refused or stopped step, else the engine's own message. */
    private static String refusal(Throwable cause, dev.gradsheet.jobs.PlayState state) {
        String known = TrainingRefusals.text(cause, state);
        return known != null ? known : cause.getMessage();
    }

    /** A Step was done: where the loop is and the step's loss. */
    static String stepDone(TrainingPresenter.StepOutcome s) {
        return TrainTexts.t("train.panel.stepDone", s.step(), s.epoch(), Format.readable(s.loss()));
    }

    /** What went wrong in a run that failed or diverged, for the error line; null when it did not. */
    static String error(RunEnd end) {
        if (end instanceof RunEnd.Diverged d) {
            return refusal(d.cause(), d.state());
        }
        if (end instanceof RunEnd.Failed f) {
            String known = TrainingRefusals.text(f.cause(), f.state());
            return known != null ? known : f.cause() instanceof EditRefusedException ? f.cause().getMessage()
                    : TrainTexts.t("train.result.failed", String.valueOf(f.cause().getMessage()));
        }
        return null;
    }

    /** The result line of a run that ended. */
    static String result(RunEnd end) {
        if (end instanceof RunEnd.Cancelled) {
            return TrainTexts.t("train.result.cancelled");
        }
        if (end instanceof RunEnd.Diverged d) {
            return TrainTexts.t(d.loop() ? "train.result.diverged" : "train.result.sgdDiverged");
        }
        if (end instanceof RunEnd.Failed) {
            return TrainTexts.t("train.result.endedEarly");
        }
        if (end instanceof RunEnd.SgdEnded s) {
            return TrainTexts.t(s.stopped() ? "train.result.sgdStopped" : "train.result.sgdDone", s.steps(), s.objective(),
                    Format.readable(s.objectiveValue()));
        }
        if (end instanceof RunEnd.Played p) {
            return played(p);
        }
        return oneShot((RunEnd.OneShot) end);
    }

    private static String played(RunEnd.Played p) {
        String how = switch (p.how()) {
            case PAUSED_BY_LIMIT -> TrainTexts.t("train.result.pausedByLimit", TrainingJob.UNTIL_PAUSED_LIMIT.toMinutes(),
                    p.step(), p.epoch());
            case PAUSED -> TrainTexts.t("train.result.paused", p.step(), p.epoch());
            case PAUSED_UNWATCHED -> TrainTexts.t("train.result.pausedUnwatched", p.step(), p.epoch());
            case DONE -> TrainTexts.t("train.result.done", p.steps());
        };
        String loss = TrainTexts.t(p.epochLoss() ? "train.result.lossEpoch" : "train.result.lossLastStep",
                Format.readable(p.loss()));
        String test = Double.isNaN(p.testLoss()) ? "" : TrainTexts.t("train.result.testLoss", Format.readable(p.testLoss()));
        return TrainTexts.t("train.result.play", how, loss, test);
    }

    private static String oneShot(RunEnd.OneShot o) {
        String how = TrainTexts.t(o.stopped() ? "train.result.stopped" : "train.result.done", o.steps());
        String loss = TrainTexts.t(o.epochLoss() ? "train.result.lossEpoch" : "train.result.lossLastStep",
                Format.readable(o.loss()));
        String time = o.seconds() < 1 ? Math.round(o.seconds() * 1000) + " ms"
                : Format.readable(Math.round(o.seconds() * 10) / 10.0) + " s";
        return TrainTexts.t("train.result.oneShot", how, loss, time);
    }
}
