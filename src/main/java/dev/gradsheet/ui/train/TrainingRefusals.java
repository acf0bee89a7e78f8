package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.PlayState;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.jobs.JobRefusedException;
import dev.gradsheet.train.TrainingLoop;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * What the training panel says when the engine refuses or stops a run, chosen by the failure's type
 * (and an edit refusal's typed {@link EditRefusedException.Reason}), never by reading its English
 * message, so the sentence comes from the bundles in the page's language. A diverged loop's numbers
 * come from the loop and its curve, which recorded the epoch that blew up before the loop stopped.
 */
final class TrainingRefusals {
    private TrainingRefusals() {
    }

    /**
     * The sentence for {@code failure} of a run on {@code state} (null: not a Playground loop), or null
     * when the failure has no sentence of its own (then the caller shows the engine's message).
     */
    static String text(Throwable failure, PlayState state) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TrainingLoop.Diverged) {
            return diverged(state);
        }
        if (cause instanceof JobRefusedException refused) {
            return dev.gradsheet.ui.common.JobRefusals.of(refused);
        }
        if (cause instanceof EditRefusedException refused) {
            return switch (refused.reason()) {
                case NOT_FINITE -> TrainTexts.t("train.refusal.notFinite");
                case ARGUMENT -> TrainTexts.t("train.refusal.argument");
                case DIVERGED -> dev.gradsheet.ui.common.Refusals.diverged(refused);
                default -> null;
            };
        }
        return null;
    }

    /**
     * Why the loop stopped: before its first step (the first batch is not finite), an epoch's mean loss
     * above {@link TrainingLoop#BLOW_UP} times the first epoch's, or a loss or gradient that stopped
     * being finite.
     */
    private static String diverged(PlayState state) {
        if (state == null) {
            return TrainTexts.t("train.refusal.diverged", "?");
        }
        long steps = state.loop().steps();
        if (steps == 0) {
            return TrainTexts.t("train.refusal.divergedAtStart");
        }
        List<double[]> epochs = state.epochLosses().points();
        if (epochs.size() >= 2) {
            double first = epochs.get(0)[1];
            double last = epochs.get(epochs.size() - 1)[1];
            if (last > TrainingLoop.BLOW_UP * Math.max(first, 1e-6)) {
                return TrainTexts.t("train.refusal.blewUp", fourDigits(first), fourDigits(last), state.loop().epochs());
            }
        }
        return TrainTexts.t("train.refusal.diverged", steps);
    }

    /** Four significant digits, written out with a dot (2.559, 551800), as the engine's message has them. */
    static String fourDigits(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
