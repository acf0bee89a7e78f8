package dev.gradsheet.engine;

/**
 * The one refusal for an SGD step that would move a weight to NaN or ±∞, worded once for every path
 * that steps: the SGD button and {@code gradsheet step} ({@link Sheet#sgdStep}) and every training run
 * ({@link TrainingSession#step}). Its {@link EditRefusedException.Reason#DIVERGED} reason lets a view
 * choose its own text without reading this one.
 */
final class Divergence {
    private Divergence() {
    }

    /**
     * "SGD diverged after 2 steps: the next step would make w -Infinity (its gradient is 1.0E308); try
     * a smaller learning rate". {@code stepsBefore} counts the steps of the same call already taken (0:
     * none, and no "after").
     */
    static String message(int stepsBefore, String weight, double wouldBe, double gradient) {
        return "SGD diverged" + (stepsBefore > 0 ? " after " + stepsBefore + " step" + (stepsBefore == 1 ? "" : "s") : "")
                + ": the next step would make " + weight + " " + wouldBe + " (its gradient is " + gradient
                + "); try a smaller learning rate";
    }

    static EditRefusedException refusal(int stepsBefore, String weight, double wouldBe, double gradient) {
        return new EditRefusedException(EditRefusedException.Reason.DIVERGED, message(stepsBefore, weight, wouldBe, gradient),
                0, java.util.List.of(Integer.toString(stepsBefore), weight, String.valueOf(wouldBe), String.valueOf(gradient)));
    }
}
