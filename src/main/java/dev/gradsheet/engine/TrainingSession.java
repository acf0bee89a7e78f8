package dev.gradsheet.engine;

import java.util.List;

/**
 * Low-level access for training a sheet on many samples without an undo step or an emission per
 * sample. A session binds some input cells to data columns; {@link #batchGradient} loads each sample
 * of a batch into those inputs, runs forward and backward, and averages ∂objective/∂w over the batch;
 * {@link #step} moves every weight against that mean. Observers hear about it only when the trainer
 * calls {@link #publish(EditLabel)} (throttled, "reload everything" change sets) and once more at
 * {@link #finish}, which records the whole run — every weight and bound input from where the session
 * started to where it ended — as one undoable edit. Each call holds the sheet's lock, so other edits
 * can interleave between batches but never inside one.
 */
public final class TrainingSession {
    private final Sheet sheet;
    /**
     * The session never touches the graph itself: batches are the transaction's quiet evaluations, steps
     * the sheet's one SGD routine, and the end of the run the transaction's record-then-announce.
     */
    private final EditTransaction transaction;
    private final int[] inputIds;
    private final int[] weightIds;
    private final int[] touched;
    private final double[] startValues;
    /** The SGD routine's scratch space (it receives the weights before each update), reused by every step. */
    private final double[] next;
    private boolean finished;

    TrainingSession(Sheet sheet, EditTransaction transaction, int[] inputIds, int[] weightIds) {
        this.sheet = sheet;
        this.transaction = transaction;
        this.inputIds = inputIds;
        this.weightIds = weightIds;
        this.touched = new int[inputIds.length + weightIds.length];
        System.arraycopy(inputIds, 0, touched, 0, inputIds.length);
        System.arraycopy(weightIds, 0, touched, inputIds.length, weightIds.length);
        this.startValues = values(touched);
        this.next = new double[weightIds.length];
    }

    /** The weights a step moves, in the order of gradient arrays. */
    public List<String> weights() {
        return sheet.read(() -> {
            String[] names = new String[weightIds.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = transaction.nameOf(weightIds[i]);
            }
            return List.of(names);
        });
    }

    /**
     * Runs samples {@code rows[order[from]] .. rows[order[to - 1]]} (each row holds one value per bound
     * input, in binding order) and writes the mean of ∂objective/∂w over them into {@code meanGradient}.
     * Returns the mean objective. The sheet is left at the batch's last sample.
     */
    public double batchGradient(double[][] rows, int[] order, int from, int to, double[] meanGradient) {
        return sheet.locked(() -> {
            java.util.Arrays.fill(meanGradient, 0.0);
            double loss = 0;
            for (int r = from; r < to; r++) {
                transaction.setQuietly(inputIds, rows[order[r]], true);
                loss += transaction.objectiveValueOr(0);
                for (int i = 0; i < weightIds.length; i++) {
                    meanGradient[i] += transaction.grad(weightIds[i]);
                }
            }
            int n = to - from;
            for (int i = 0; i < weightIds.length; i++) {
                meanGradient[i] /= n;
            }
            return loss / n;
        });
    }

    /**
     * w ← w − lr · meanGradient for every weight at once, through the sheet's one SGD routine
     * ({@link Sgd#update}); no allocation per step. Refused with the one {@link Divergence} refusal
     * (throws, nothing changed) when a weight would become NaN or infinite.
     */
    public void step(double lr, double[] meanGradient) {
        sheet.sgdUpdateLocked(weightIds, lr, meanGradient, next);
    }

    /**
     * Puts every weight at {@code weights} (in the order of {@link #weights()}) and recomputes: a
     * training loop's Reset. Refused (throws, nothing changed) when a value is not finite.
     */
    public void moveTo(double[] weights) {
        sheet.locked(() -> {
            if (weights.length != weightIds.length) {
                throw new EditRefusedException("expected " + weightIds.length + " weights, not " + weights.length);
            }
            for (int i = 0; i < weightIds.length; i++) {
                if (!Double.isFinite(weights[i])) {
                    throw new EditRefusedException(transaction.nameOf(weightIds[i]) + " cannot be set to " + weights[i]);
                }
            }
            transaction.setQuietly(weightIds, weights, true);
            return null;
        });
    }

    /** Tells observers the sheet moved on (one "reload everything" change set); nothing for undo. */
    public void publish(EditLabel label) {
        sheet.locked(() -> {
            transaction.announceProgress(label);
            return null;
        });
    }

    /** Ends the session: the whole run becomes one undoable edit called {@code label}, announced once. */
    public void finish(EditLabel label) {
        sheet.locked(() -> {
            if (!finished) {
                finished = true;
                transaction.recordValues(label, touched, startValues, transaction.values(touched));
            }
            return null;
        });
    }

    private double[] values(int[] ids) {
        return sheet.locked(() -> transaction.values(ids));
    }
}
