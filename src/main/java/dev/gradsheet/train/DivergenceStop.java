package dev.gradsheet.train;

import dev.gradsheet.engine.Numbers;
import java.util.List;

/**
 * The one rule that stops a diverging training run, for the Playground's loop ({@link TrainingLoop})
 * and for one-call runs ({@link Trainer}: {@code gradsheet train}, the Java library), so both stop at
 * the same step and say so in the same words: a batch whose loss or mean gradient is NaN or infinite
 * stops the run before its step (the weights of the last finite step stay), and so does an epoch
 * whose mean loss grew past {@link TrainingLoop#BLOW_UP} times the first epoch's. One per run (or
 * loop, until its Reset).
 */
final class DivergenceStop {
    /**
     * What the sentence advises, where the run happens: the page has Reset and Undo buttons and marks
     * a non-finite cell in its grid; a command or a program has neither.
     */
    enum Advice {
        PAGE(", then Reset or Undo", " (the grid marks with ⚠ where it starts)"),
        PLAIN("", "");

        private final String then;
        private final String whereItStarts;

        Advice(String then, String whereItStarts) {
            this.then = then;
            this.whereItStarts = whereItStarts;
        }
    }

    private final Advice advice;
    private double firstEpochLoss = Double.NaN;

    DivergenceStop(Advice advice) {
        this.advice = advice;
    }

    /**
     * Before a step, with the batch's mean loss and gradient: refuses a loss or a gradient that is not
     * a finite number. {@code stepsDone} counts the steps already taken (0: this is the first).
     *
     * @throws TrainingLoop.Diverged saying where the run stopped
     */
    void checkBatch(double loss, double[] gradient, List<String> weights, long stepsDone) {
        if (!Double.isFinite(loss) && stepsDone == 0) {
            throw new TrainingLoop.Diverged("training did not start: the loss is " + loss
                    + " on the first batch before any step" + advice.whereItStarts + "; no weight was changed.");
        }
        if (!Double.isFinite(loss)) {
            throw new TrainingLoop.Diverged("training stopped: the loss became " + loss + " at step " + (stepsDone + 1)
                    + " (the learning rate is too large); the weights of step " + stepsDone
                    + " are kept. Lower the learning rate" + advice.then + ".");
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new TrainingLoop.Diverged("training stopped: the gradient of " + weights.get(i) + " became "
                        + gradient[i] + " at step " + (stepsDone + 1) + "; the weights of step " + stepsDone
                        + " are kept. Lower the learning rate" + advice.then + ".");
            }
        }
    }

    /**
     * After epoch {@code epochs} (1-based) with its mean loss: the first epoch's loss is the yardstick;
     * a later one past {@link TrainingLoop#BLOW_UP} times it stops the run.
     *
     * @throws TrainingLoop.Diverged saying from what to what the loss grew
     */
    void checkEpoch(double epochLoss, long epochs) {
        if (Double.isNaN(firstEpochLoss)) {
            firstEpochLoss = epochLoss;
        } else if (epochLoss > TrainingLoop.BLOW_UP * Math.max(firstEpochLoss, 1e-6)) {
            throw new TrainingLoop.Diverged("training stopped: the loss blew up from " + Numbers.exact(round(firstEpochLoss))
                    + " to " + Numbers.exact(round(epochLoss)) + " by epoch " + epochs
                    + " (the learning rate is too large). Lower it" + advice.then + ".");
        }
    }

    /** Forgets the first epoch's loss: the loop was reset and counts epochs afresh. */
    void reset() {
        firstEpochLoss = Double.NaN;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v));
    }
}
