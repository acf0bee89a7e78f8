package dev.gradsheet.train;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.engine.TrainingSession;
import dev.gradsheet.sheet.DataTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Mini-batch stochastic gradient descent over a data table (lesson items 5 and 6).
 *
 * <p>Each epoch takes the M samples in a new random order (seeded; or table order without shuffle)
 * and cuts them into ⌈M/m⌉ batches of m, the last one holding the rest (M = 10, m = 3: batches of
 * 3, 3, 3 and 1). Each batch is one step: every sample is loaded into the bound input cells, the sheet
 * runs forward and backward, and the step's gradient is the <em>mean</em> over the batch of
 * ∂objective/∂w; then every weight moves w ← w − lr·mean at once. The step's loss is the batch's mean
 * objective before the step; the epoch's loss is the mean over all its samples of those objectives.
 * With m = M and no shuffle this is plain full-batch gradient descent.
 *
 * <p>The whole run is one undoable edit of the sheet. It can be stopped between steps; the sheet is
 * then consistent at the last finished step. A diverging run stops itself by the Playground's rule
 * ({@link DivergenceStop}): a batch whose loss or gradient is NaN or infinite, or an epoch whose loss
 * blew up, ends it with {@link TrainingLoop.Diverged}, the weights of the last finite step kept.
 */
public final class Trainer {
    /** Hears about the run as it goes; called on the training thread. */
    public interface Listener {
        /** After each step: 1-based step and epoch numbers, the step's loss, steps per second so far. */
        default void onStep(int step, int epoch, double loss, double stepsPerSecond) {
        }

        /** After each epoch, with its mean loss. */
        default void onEpoch(int epoch, double loss) {
        }
    }

    /** What a run did: losses per step and per epoch, the last batch's mean gradient per weight. */
    public record Result(List<Double> stepLosses, List<Double> epochLosses, int steps, boolean stopped,
                         Map<String, Double> batchGradient, double seconds) {
        public double finalLoss() {
            return epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1);
        }
    }

    private final Sheet sheet;
    private final DataTable data;
    private final TrainingConfig config;
    private long publishEveryNanos = 0;

    public Trainer(Sheet sheet, DataTable data, TrainingConfig config) {
        this.sheet = sheet;
        this.data = data;
        this.config = config;
    }

    /** Lets observers of the sheet see its progress at most this often (0, the default: only at the end). */
    public Trainer publishEvery(long millis) {
        this.publishEveryNanos = millis * 1_000_000;
        return this;
    }

    /**
     * Trains until done or until {@code stop} says so (checked before each step).
     *
     * @throws TrainingLoop.Diverged when the loss or a gradient stopped being a finite number or the
     *         loss blew up; the steps before it are kept (undo reverts them)
     */
    public Result run(Listener listener, BooleanSupplier stop) {
        TrainingSession session = sheet.startTraining(data.columns());
        List<String> weights = session.weights();
        double[][] rows = new double[data.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = data.row(r);
        }
        BatchOrder orders = new BatchOrder(rows.length, config.seed(), config.shuffle());
        double[] gradient = new double[weights.size()];
        List<Double> stepLosses = new ArrayList<>();
        List<Double> epochLosses = new ArrayList<>();
        long start = System.nanoTime();
        long lastPublish = start;
        int step = 0;
        boolean stopped = false;
        EditLabel label = EditLabel.of(EditLabel.Kind.TRAIN_EPOCHS, config.epochs(), config.batchSize(),
                config.learningRate());
        DivergenceStop divergence = new DivergenceStop(DivergenceStop.Advice.PLAIN);
        try {
            epochs:
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                int[] order = orders.next();
                double epochSum = 0;
                for (int from = 0; from < rows.length; from += config.batchSize()) {
                    if (stop.getAsBoolean()) {
                        stopped = true;
                        break epochs;
                    }
                    int to = Math.min(rows.length, from + config.batchSize());
                    double loss = session.batchGradient(rows, order, from, to, gradient);
                    divergence.checkBatch(loss, gradient, weights, step);
                    session.step(config.learningRate(), gradient);
                    step++;
                    stepLosses.add(loss);
                    epochSum += loss * (to - from);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    listener.onStep(step, epoch, loss, seconds > 0 ? step / seconds : 0);
                    long now = System.nanoTime();
                    if (publishEveryNanos > 0 && now - lastPublish >= publishEveryNanos) {
                        session.publish(EditLabel.progress(label, step));
                        lastPublish = now;
                    }
                }
                double epochLoss = epochSum / rows.length;
                epochLosses.add(epochLoss);
                listener.onEpoch(epoch, epochLoss);
                divergence.checkEpoch(epochLoss, epoch);
            }
        } finally {
            session.finish(stopped ? EditLabel.stopped(label, step) : label);
        }
        Map<String, Double> batchGradient = new LinkedHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            batchGradient.put(weights.get(i), gradient[i]);
        }
        return new Result(List.copyOf(stepLosses), List.copyOf(epochLosses), step, stopped, batchGradient,
                (System.nanoTime() - start) / 1e9);
    }

    /** Runs to the end with no listener. */
    public Result run() {
        return run(new Listener() { }, () -> false);
    }

    /** Fisher–Yates with the run's random source: the same seed gives the same orders (TrainingLoop too). */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
