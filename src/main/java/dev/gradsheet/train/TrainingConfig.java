package dev.gradsheet.train;

/**
 * How to train: mini-batches of {@code batchSize} samples, {@code epochs} passes over the data, the
 * learning rate, and the seed of the shuffle (a new random order of the samples every epoch; the
 * same seed gives the same run). Without shuffling the samples go in table order.
 */
public record TrainingConfig(int batchSize, int epochs, double learningRate, long seed, boolean shuffle) {
    public TrainingConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, not " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, not " + learningRate);
        }
    }

    /** Full-batch gradient descent: every sample in every step, in table order. */
    public static TrainingConfig fullBatch(int samples, int epochs, double learningRate) {
        return new TrainingConfig(samples, epochs, learningRate, 0, false);
    }

    /** Steps in one epoch of {@code samples} samples: ⌈M / m⌉, the last batch holding what is left. */
    public int stepsPerEpoch(int samples) {
        return (samples + batchSize - 1) / batchSize;
    }
}
