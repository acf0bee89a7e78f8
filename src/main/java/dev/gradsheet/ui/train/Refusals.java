package dev.gradsheet.ui.train;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.jobs.JobRefusedException;
import dev.gradsheet.train.TrainingLoop;
import java.util.concurrent.CompletionException;

/**
 * What the training panel says when the engine refuses or stops a run, chosen by the failure's type
 * (and an edit refusal's typed {@link EditRefusedException.Reason}), never by reading its English
 * message, so the sentence comes from the bundles in the page's language.
 */
final class Refusals {
    private Refusals() {
    }

    /**
     * The sentence for {@code failure}; {@code step} is the loop's step count when it stopped (0: no step
     * was taken). Null when the failure has no sentence of its own (then the caller shows
     * the engine's message).
     */
    static String text(Throwable failure, long step) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TrainingLoop.Diverged) {
            return step == 0 ? Texts.t("train.refusal.divergedAtStart") : Texts.t("train.refusal.diverged", step);
        }
        if (cause instanceof JobRefusedException) {
            return Texts.t("train.refusal.serverBusy");
        }
        if (cause instanceof EditRefusedException refused) {
            return switch (refused.reason()) {
                case NOT_FINITE -> Texts.t("train.refusal.notFinite");
                case ARGUMENT -> Texts.t("train.refusal.argument");
                default -> null;
            };
        }
        return null;
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
