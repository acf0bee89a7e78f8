package dev.gradsheet.train;

import java.util.SplittableRandom;

/**
 * The order a training run takes its samples in, epoch by epoch: a new seeded shuffle of the
 * previous epoch's order each epoch, or table order without shuffling. The one source of
 * {@link Trainer}'s order, so an export that writes the order down (the PyTorch script) trains on
 * the very batches {@code gradsheet train} does.
 */
public final class BatchOrder {
    private final int[] order;
    private final SplittableRandom random;
    private final boolean shuffle;

    /** The order of {@code samples} samples for a run with {@code seed}, shuffled or not. */
    public BatchOrder(int samples, long seed, boolean shuffle) {
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        this.random = new SplittableRandom(seed);
        this.shuffle = shuffle;
    }

    /** The next epoch's order: row indices, cut into batches front to back. The array is reused by the next call. */
    public int[] next() {
        if (shuffle) {
            Trainer.shuffle(order, random);
        }
        return order;
    }
}
