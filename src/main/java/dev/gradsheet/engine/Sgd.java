package dev.gradsheet.engine;

/**
 * Stochastic gradient descent on a sheet's weights, in one routine ({@link #update}) shared by the
 * SGD button ({@link #step}) and by training ({@link TrainingSession#step}): w ← w − lr·gradient for
 * every weight at once, then one full forward and backward pass. Runs under the sheet's write lock.
 */
final class Sgd {
    private final Graph graph;
    private final EditTransaction transaction;
    /** Scratch space for a step's new weights, reused by every step of the button. */
    private double[] buffer = new double[0];

    Sgd(Graph graph, EditTransaction transaction) {
        this.graph = graph;
        this.transaction = transaction;
    }

    /**
     * {@code steps} SGD steps at {@code lr}, all from the same state per step, as one transaction:
     * one propagation per step, one change set and one undo step in all. Refused, changing nothing,
     * when the objective or a gradient is not finite or a weight would become NaN or infinite.
     */
    Sheet.StepResult step(double lr, int steps) {
        CellEdits.requirePositive("learning rate", lr);
        if (steps < 1) {
            throw new EditRefusedException(EditRefusedException.Reason.ARGUMENT, "steps must be at least 1, not " + steps);
        }
        int[] ids = graph.weightIds;
        double before = transaction.objectiveValue();
        double[] start = transaction.values(ids);
        if (buffer.length != ids.length) {
            buffer = new double[ids.length];
        }
        double[] next = buffer;
        String label = steps == 1 ? "SGD step (lr " + Numbers.exact(lr) + ")"
                : steps + " SGD steps (lr " + Numbers.exact(lr) + ")";
        transaction.run(label, ChangeSet.Origin.SGD_STEP, () -> {
            steps(ids, lr, steps, start, next);
            return false;
        }, () -> transaction.record(Patch.values(label, ids, start, null))); // the result is copied if it is ever undone
        return new Sheet.StepResult(steps, lr, before, transaction.objectiveValue());
    }

    /** {@code steps} updates from {@code start}; refused (all put back, nothing told) on a non-finite number. */
    private void steps(int[] ids, double lr, int steps, double[] start, double[] next) {
        for (int s = 0; s < steps; s++) {
            String notFinite = nonFiniteObjectiveOrGradient(ids);
            if (notFinite != null) {
                if (s > 0) {
                    transaction.setQuietly(ids, start, true);
                }
                throw new EditRefusedException(EditRefusedException.Reason.NOT_FINITE, (s > 0 ? "after step " + s + ", " : "")
                        + notFinite + "; an SGD step needs finite numbers, so nothing was changed");
            }
            try {
                update(ids, lr, null, next, s);
            } catch (EditRefusedException diverged) {
                transaction.setQuietly(ids, start, true);
                throw diverged;
            }
        }
    }

    /**
     * The one SGD update: w ← w − lr·gradient[i] for every weight {@code ids[i]} at once
     * ({@code gradient} null: each weight's own current gradient), then one full forward and backward
     * pass. When a weight would become NaN or infinite it changes nothing and throws the one
     * {@link Divergence} refusal ({@code stepsBefore}: steps of the caller's run already taken, for
     * its message). Allocates nothing: {@code next} is the caller's buffer.
     */
    void update(int[] ids, double lr, double[] gradient, double[] next, int stepsBefore) {
        final double[] v = graph.value;
        final double[] d = graph.grad;
        for (int i = 0; i < ids.length; i++) {
            double g = gradient == null ? d[ids[i]] : gradient[i];
            next[i] = v[ids[i]] - lr * g;
            if (!Double.isFinite(next[i])) {
                throw Divergence.refusal(stepsBefore, graph.names.nameOf(ids[i]), next[i], g);
            }
        }
        graph.setLeavesAndForwardAll(ids, next);
        graph.backward();
    }

    /** Why the objective or a weight's gradient is not a finite number, or null when all are. */
    private String nonFiniteObjectiveOrGradient(int[] weights) {
        if (graph.objective >= 0 && !Double.isFinite(graph.value[graph.objective])) {
            return "the objective " + NonFinite.why(graph, graph.objective);
        }
        for (int w : weights) {
            if (!Double.isFinite(graph.grad[w])) {
                return "the gradient of " + graph.names.nameOf(w) + " is " + graph.grad[w];
            }
        }
        return null;
    }
}
