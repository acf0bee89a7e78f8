package dev.gradsheet.train;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.engine.TrainingSession;
import dev.gradsheet.sheet.DataTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * TensorFlow Playground's loop over one sheet and data set: {@link #run Play} until paused (or for
 * some epochs), {@link #step Step} one batch, {@link #reset Reset} to the weights it started from.
 * Unlike {@link Trainer}, whose run is one call, the loop keeps its place between calls — epoch and
 * step count, the shuffled order and the position in it — so Pause then Play goes on where it
 * stopped. Mini-batches are cut as {@link Trainer} does. The data is split once (seeded) into
 * training rows and test rows; only training rows move the weights, the test loss is measured at
 * the end of each epoch.
 *
 * <p>Each call is one undoable edit of the sheet. A run stops by itself when the loss diverges
 * (see {@link Diverged}); the sheet keeps the last step whose numbers were finite. Not thread-safe:
 * one call at a time (the sheet's job slot runs one job per sheet).
 */
public final class TrainingLoop {
    /** A run's loss grew past this many times its first epoch's (or became NaN or infinite). */
    public static final double BLOW_UP = 1e4;

    /** Hears about the loop as it goes; called on the thread that runs it. */
    public interface Listener {
        /** After each step: steps and epochs so far (1-based totals of the loop), the step's loss. */
        default void onStep(long step, long epoch, double loss) {
        }

        /** After each epoch: its mean training loss and the test loss (NaN without test rows). */
        default void onEpoch(long step, long epoch, double trainLoss, double testLoss) {
        }
    }

    /** How a run ended: its steps, whether it was paused before its planned end, the last batch gradient. */
    public record Outcome(long steps, boolean paused, Map<String, Double> batchGradient, double seconds) {
    }

    /** The loss diverged: the run stopped itself (the message says where and what to do). */
    public static final class Diverged extends RuntimeException {
        public Diverged(String message) {
            super(message);
        }
    }

    private final Sheet sheet;
    private final DataTable data;
    private final List<String> weights;
    private final double[] startWeights;
    private final double[][] trainRows;
    private final double[][] testRows;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private SplittableRandom random;
    private final int[] order;
    private final int[] testOrder;
    private final double[] gradient;
    /** Next position in {@link #order}; 0 at an epoch's start. */
    private int cursor;
    private double epochSum;
    private long steps;
    private long epochs;
    /** Stops a run whose loss diverged, in the page's words (Reset, Undo, the grid's ⚠). */
    private final DivergenceStop divergence = new DivergenceStop(DivergenceStop.Advice.PAGE);
    /** Time for the slow-motion pacing: the system's, or a test's (so a test of pacing never measures time). */
    private Clock clock = Clock.SYSTEM;

    /** How the loop reads the time and waits for the next screen update. */
    interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadline, BooleanSupplier stop) {
                long left;
                while ((left = deadline - System.nanoTime()) > 0 && !stop.getAsBoolean()) {
                    try {
                        Thread.sleep(Math.min(20, Math.max(1, left / 1_000_000)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        };

        long nanoTime();

        /** Waits until {@code deadline} (in {@link #nanoTime()}'s terms), or until {@code stop} says so. */
        void sleepUntil(long deadline, BooleanSupplier stop);
    }

    /** Uses {@code clock} for pacing (tests). */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * A loop over {@code data}, holding back {@code testShare} (0 ≤ share &lt; 1) of its rows, chosen
     * with {@code seed}, as test rows. The weights as they are now are the ones {@link #reset} restores.
     */
    public TrainingLoop(Sheet sheet, DataTable data, int batchSize, long seed, boolean shuffle, double testShare) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        if (!(testShare >= 0 && testShare < 1)) {
            throw new IllegalArgumentException("the test share must be at least 0 and below 1, not " + testShare);
        }
        this.sheet = sheet;
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.weights = sheet.weights();
        this.startWeights = new double[weights.size()];
        for (int i = 0; i < startWeights.length; i++) {
            startWeights[i] = sheet.value(weights.get(i));
        }
        Split split = Split.of(data.size(), testShare, seed);
        this.trainRows = rows(data, split.train());
        this.testRows = rows(data, split.test());
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("no rows left to train on: lower the test share");
        }
        this.order = identity(trainRows.length);
        this.testOrder = identity(testRows.length);
        this.gradient = new double[weights.size()];
    }

    public DataTable data() {
        return data;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean shuffles() {
        return shuffle;
    }

    /** Training and test rows. */
    public int trainSize() {
        return trainRows.length;
    }

    public int testSize() {
        return testRows.length;
    }

    /** Training rows, one value per data column (for drawing). */
    public double[][] trainRows() {
        return trainRows.clone();
    }

    public double[][] testRows() {
        return testRows.clone();
    }

    /** The weights this loop trains, in the order it saw them. */
    public List<String> weights() {
        return weights;
    }

    /** Steps taken so far (all calls since the loop began or was reset). */
    public long steps() {
        return steps;
    }

    /** Epochs finished so far. */
    public long epochs() {
        return epochs;
    }

    /** Steps in one epoch: ⌈training rows / batch size⌉. */
    public int stepsPerEpoch() {
        return (trainRows.length + batchSize - 1) / batchSize;
    }

    /**
     * Trains at {@code lr} until {@code stop} says so, or until {@code epochsToRun} more epochs have
     * ended (≤ 0: until stopped). With {@code stepsPerTick} &gt; 0 it takes at most that many steps
     * per {@code tickMillis} (a slow motion to watch); with 0 it runs at full speed. The sheet's
     * observers see the weights every {@code tickMillis}. One undoable edit.
     *
     * @throws Diverged when the loss became NaN or infinite or grew past {@link #BLOW_UP} times the
     *         first epoch's; the steps before it are kept (undo reverts them)
     */
    public Outcome run(double lr, long epochsToRun, int stepsPerTick, long tickMillis, Listener listener,
                       BooleanSupplier stop) {
        requireRate(lr);
        TrainingSession session = sheet.startTraining(data.columns());
        long start = clock.nanoTime();
        long tickNanos = Math.max(1, tickMillis) * 1_000_000;
        long nextTick = start + tickNanos;
        int stepsThisTick = 0;
        long firstStep = steps;
        long lastEpoch = epochsToRun > 0 && epochsToRun <= Long.MAX_VALUE - epochs ? epochs + epochsToRun : Long.MAX_VALUE;
        boolean paused = false;
        EditLabel label = EditLabel.of(EditLabel.Kind.TRAIN_AT, lr, batchSize);
        try {
            while (epochs < lastEpoch) {
                if (stop.getAsBoolean()) {
                    paused = true;
                    break;
                }
                oneStep(session, lr, listener);
                long now = clock.nanoTime();
                if (stepsPerTick > 0 && ++stepsThisTick >= stepsPerTick && now < nextTick) {
                    clock.sleepUntil(nextTick, stop);
                    now = clock.nanoTime();
                }
                if (now >= nextTick) {
                    session.publish(EditLabel.progress(label, steps));
                    nextTick = now + tickNanos;
                    stepsThisTick = 0;
                }
            }
        } finally {
            long taken = steps - firstStep;
            session.finish(EditLabel.trained(label, taken, epochs));
        }
        return new Outcome(steps - firstStep, paused, batchGradient(), (clock.nanoTime() - start) / 1e9);
    }

    /** One batch at {@code lr}: the Step button. One undoable edit. */
    public Outcome step(double lr, Listener listener) {
        requireRate(lr);
        TrainingSession session = sheet.startTraining(data.columns());
        long start = System.nanoTime();
        try {
            oneStep(session, lr, listener);
        } finally {
            session.finish(EditLabel.of(EditLabel.Kind.TRAIN_STEP, lr, steps));
        }
        return new Outcome(1, false, batchGradient(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Puts the weights back where the loop began, as one undoable edit, and starts counting steps,
     * epochs and the shuffled order afresh.
     */
    public void reset() {
        TrainingSession session = sheet.startTraining(List.of());
        try {
            session.moveTo(startWeights.clone());
        } finally {
            session.finish(EditLabel.of(EditLabel.Kind.RESET_TRAINING));
        }
        steps = 0;
        epochs = 0;
        cursor = 0;
        epochSum = 0;
        divergence.reset();
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        random = new SplittableRandom(seed); // the same orders as the first time
    }

    /** The weights {@link #reset} restores, by name. */
    public Map<String, Double> startWeights() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < startWeights.length; i++) {
            out.put(weights.get(i), startWeights[i]);
        }
        return out;
    }

    private void oneStep(TrainingSession session, double lr, Listener listener) {
        if (cursor == 0 && shuffle) {
            Trainer.shuffle(order, random);
        }
        int to = Math.min(trainRows.length, cursor + batchSize);
        double loss = session.batchGradient(trainRows, order, cursor, to, gradient);
        divergence.checkBatch(loss, gradient, weights, steps);
        try {
            session.step(lr, gradient);
        } catch (EditRefusedException e) {
            // the engine's one divergence message, with where this run stopped
            throw new Diverged(e.getMessage() + " (training stopped at step " + (steps + 1) + "; the weights of step "
                    + steps + " are kept)");
        }
        steps++;
        epochSum += loss * (to - cursor);
        cursor = to;
        listener.onStep(steps, epochs + 1, loss);
        if (cursor == trainRows.length) {
            cursor = 0;
            epochs++;
            double epochLoss = epochSum / trainRows.length;
            epochSum = 0;
            double testLoss = testLoss(session);
            listener.onEpoch(steps, epochs, epochLoss, testLoss);
            divergence.checkEpoch(epochLoss, epochs);
        }
    }

    /** Mean objective over the test rows at the current weights (NaN without test rows). */
    private double testLoss(TrainingSession session) {
        if (testRows.length == 0) {
            return Double.NaN;
        }
        double[] ignored = new double[gradient.length];
        return session.batchGradient(testRows, testOrder, 0, testRows.length, ignored);
    }

    private Map<String, Double> batchGradient() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            out.put(weights.get(i), gradient[i]);
        }
        return out;
    }

    private static void requireRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive number, not " + lr);
        }
    }

    private static double[][] rows(DataTable data, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = data.row(indices[i]);
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
