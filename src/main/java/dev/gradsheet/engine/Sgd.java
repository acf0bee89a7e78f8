package dev.gradsheet.engine;

/**
 * Stochastic gradient descent on a sheet's weights, in one routine ({@link #update}) shared by the
 * SGD button ({@link #step}) and by training ({@link TrainingSession#step}): w ← w − lr·gradient for
 * every weight at once, then one full forward and backward pass. Runs under the sheet's write lock.
 */
final class Sgd {
    private final Graph graph;
    private final EditTransaction transaction;
    /** Scratch space for the weights before the second and later steps of a run, reused by every run. */
    private double[] buffer = new double[0];
    /** The ids and dense layers {@link #runs} was computed for. */
    private int[] runIds;
    private DenseLayers runLayers;
    /** Runs of consecutive ids in {@link #runIds}: index bounds from, to and 1 when dense layers' weights. */
    private int[] runs;

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
        // The first update fills it with the weights before the step: the undo record keeps it, so a
        // step copies its weights once, inside the update's own pass over them. An older step's record
        // the history dropped lends its array: no megabytes allocated and cleared per step.
        double[] spare = transaction.history().takeSpare(ids.length);
        double[] start = spare != null ? spare : new double[ids.length];
        if (buffer.length != ids.length) {
            buffer = new double[ids.length];
        }
        EditLabel label = steps == 1 ? EditLabel.of(EditLabel.Kind.SGD_STEP, lr)
                : EditLabel.of(EditLabel.Kind.SGD_STEPS, steps, lr);
        transaction.run(label, ChangeSet.Origin.SGD_STEP, () -> {
            steps(ids, lr, steps, start, buffer);
            return false;
        }, () -> transaction.record(Patch.step(label, ids, start))); // the result is copied if it is ever undone
        return new Sheet.StepResult(steps, lr, before, transaction.objectiveValue());
    }

    /**
     * {@code steps} updates; the first fills {@code start} with the weights before it. Refused (all
     * put back, nothing told) on a non-finite number.
     */
    private void steps(int[] ids, double lr, int steps, double[] start, double[] scratch) {
        for (int s = 0; s < steps; s++) {
            String notFinite = nonFiniteObjective();
            if (notFinite == null) {
                try {
                    update(ids, lr, null, s == 0 ? start : scratch, s);
                    continue;
                } catch (EditRefusedException diverged) {
                    // A non-finite gradient always makes a non-finite weight, so checking the gradients
                    // only now (not in a pass of their own before every step) finds every such case,
                    // and the first such gradient is named, as before.
                    notFinite = nonFiniteGradient(ids);
                    if (notFinite == null) {
                        if (s > 0) {
                            transaction.setQuietly(ids, start, true);
                        }
                        throw diverged;
                    }
                }
            }
            if (s > 0) {
                transaction.setQuietly(ids, start, true);
            }
            throw new EditRefusedException(EditRefusedException.Reason.NOT_FINITE, (s > 0 ? "after step " + s + ", " : "")
                    + notFinite + "; an SGD step needs finite numbers, so nothing was changed");
        }
    }

    /**
     * The one SGD update: w ← w − lr·gradient[i] for every weight {@code ids[i]} at once
     * ({@code gradient} null: each weight's own current gradient), then one full forward and backward
     * pass. {@code previous} (the caller's buffer) receives each weight's value before the update.
     * When a weight would become NaN or infinite it puts back the weights it moved, changes nothing
     * else and throws the one {@link Divergence} refusal ({@code stepsBefore}: steps of the caller's
     * run already taken, for its message). Allocates nothing.
     */
    void update(int[] ids, double lr, double[] gradient, double[] previous, int stepsBefore) {
        final double[] v = graph.value;
        final double[] d = graph.grad;
        final int[] r = runsOf(ids);
        boolean unchecked = false;
        // A run of consecutive ids at a time: no id read per weight. A dense layer's weights are
        // copied for undo and moved in two plain loops and checked by the forward pass after
        // (outputsFinite); any other run in one pass that reads, checks, keeps the old value and writes
        // (separate passes for copying, checking and writing each weight cost a tenth of a step).
        for (int k = 0; k < r.length; k += 3) {
            final int from = r[k];
            final int end = r[k + 1];
            final int offset = ids[from] - from; // weight i is cell offset + i throughout the run
            if (r[k + 2] != 0) {
                System.arraycopy(v, offset + from, previous, from, end - from);
                if (gradient == null) {
                    for (int id = offset + from; id < offset + end; id++) {
                        v[id] -= lr * d[id];
                    }
                } else {
                    for (int i = from; i < end; i++) {
                        v[offset + i] -= lr * gradient[i];
                    }
                }
                unchecked = true;
                continue;
            }
            for (int i = from; i < end; i++) {
                int id = offset + i;
                double old = v[id];
                double g = gradient == null ? d[id] : gradient[i];
                double w = old - lr * g;
                previous[i] = old;
                v[id] = w;
                if (!Double.isFinite(w)) {
                    refuse(ids, i + 1, gradient, previous, stepsBefore, false);
                }
            }
        }
        graph.leavesChanged(ids, previous);
        graph.forwardAll();
        if (unchecked && !graph.dense.outputsFinite(graph)) {
            refuse(ids, ids.length, gradient, previous, stepsBefore, true);
        }
        graph.backward();
    }

    /**
     * Checks weights {@code ids[0 .. moved)}, which the update moved, for the first that is not a
     * finite number; if there is one, puts them all back (and, after {@code forwardDone}, the values
     * computed from them) and throws the one {@link Divergence} refusal naming it.
     */
    private void refuse(int[] ids, int moved, double[] gradient, double[] previous, int stepsBefore,
                        boolean forwardDone) {
        final double[] v = graph.value;
        for (int i = 0; i < moved; i++) {
            if (!Double.isFinite(v[ids[i]])) {
                int id = ids[i];
                double w = v[id];
                double g = gradient == null ? graph.grad[id] : gradient[i];
                for (int j = 0; j < moved; j++) {
                    v[ids[j]] = previous[j];
                }
                if (forwardDone) {
                    graph.forwardAll(); // the same bits as before the update: its cells computed from the same weights
                }
                throw Divergence.refusal(stepsBefore, graph.names.nameOf(id), w, g);
            }
        }
    }

    /**
     * The runs of consecutive ids in {@code ids}, as triples: index bounds [from, to), then 1 when
     * every id of the run is a weight of the graph's dense layers, else 0. Kept while the same array
     * and the same layers are asked about.
     */
    private int[] runsOf(int[] ids) {
        if (ids != runIds || graph.dense != runLayers) {
            org.eclipse.collections.api.list.primitive.MutableIntList triples =
                    new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
            int from = 0;
            for (int i = 1; i <= ids.length; i++) {
                if (i == ids.length || ids[i] != ids[i - 1] + 1) {
                    boolean dense = graph.dense != null && graph.dense.coversWeights(ids[from], ids[i - 1] + 1);
                    triples.add(from);
                    triples.add(i);
                    triples.add(dense ? 1 : 0);
                    from = i;
                }
            }
            runs = triples.toArray();
            runIds = ids;
            runLayers = graph.dense;
        }
        return runs;
    }

    /** Why the objective is not a finite number, or null when it is (or there is none). */
    private String nonFiniteObjective() {
        if (graph.objective >= 0 && !Double.isFinite(graph.value[graph.objective])) {
            return "the objective " + NonFinite.why(graph, graph.objective);
        }
        return null;
    }

    /** Why the first weight with a non-finite gradient has one, or null when all are finite. */
    private String nonFiniteGradient(int[] weights) {
        for (int w : weights) {
            if (!Double.isFinite(graph.grad[w])) {
                return "the gradient of " + graph.names.nameOf(w) + " is " + graph.grad[w];
            }
        }
        return null;
    }
}
