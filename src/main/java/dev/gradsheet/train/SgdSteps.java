package dev.gradsheet.train;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.engine.TrainingSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Many plain SGD steps (no data table) as a stoppable run, for requests too long for one click's
 * request thread: each step computes ∂objective/∂w for every weight and moves them all at once,
 * exactly as {@link Sheet#sgdStep(double, int)} does, but checks {@code stop} between steps and
 * lets observers see progress. The whole run, finished or stopped, is one undoable edit.
 */
public final class SgdSteps {
    private SgdSteps() {
    }

    /** Runs up to {@code steps} steps at {@code lr}; observers hear about it every {@code publishEveryMs}. */
    public static Trainer.Result run(Sheet sheet, double lr, int steps, long publishEveryMs,
                                     Trainer.Listener listener, BooleanSupplier stop) {
        TrainingSession session = sheet.startTraining(List.of());
        List<String> weights = session.weights();
        double[][] noData = {{}};
        int[] order = {0};
        double[] gradient = new double[weights.size()];
        EditLabel label = EditLabel.of(EditLabel.Kind.SGD_STEPS, steps, lr);
        long start = System.nanoTime();
        long lastPublish = start;
        long publishNanos = publishEveryMs * 1_000_000;
        int step = 0;
        boolean stopped = false;
        try {
            while (step < steps) {
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                double loss = session.batchGradient(noData, order, 0, 1, gradient);
                session.step(lr, gradient);
                step++;
                double seconds = (System.nanoTime() - start) / 1e9;
                listener.onStep(step, 1, loss, seconds > 0 ? step / seconds : 0);
                long now = System.nanoTime();
                if (publishNanos > 0 && now - lastPublish >= publishNanos) {
                    session.publish(EditLabel.progress(label, step));
                    lastPublish = now;
                }
            }
        } finally {
            session.finish(stopped ? EditLabel.stopped(label, step) : label);
        }
        Map<String, Double> last = new LinkedHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            last.put(weights.get(i), gradient[i]);
        }
        return new Trainer.Result(List.of(), List.of(), step, stopped, last, (System.nanoTime() - start) / 1e9);
    }
}
