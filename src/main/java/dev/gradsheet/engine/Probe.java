package dev.gradsheet.engine;

import java.util.List;

/**
 * Evaluates one output cell for many values of some input cells, leaving the sheet exactly as it
 * was and telling nobody: what a decision picture needs (the output over a grid of two inputs). The
 * evaluations are the sheet's transaction's quiet ones ({@link EditTransaction#setQuietly}).
 */
public final class Probe {
    private final Sheet sheet;
    private final EditTransaction transaction;
    private final int[] inputIds;
    private final int outputId;

    Probe(Sheet sheet, EditTransaction transaction, int[] inputIds, int outputId) {
        this.sheet = sheet;
        this.transaction = transaction;
        this.inputIds = inputIds;
        this.outputId = outputId;
    }

    /** The output for each row of input values (one value per input, in the probe's order). */
    public double[] outputs(List<double[]> rows) {
        return sheet.locked(() -> {
            double[] saved = transaction.values(inputIds);
            double[] out = new double[rows.size()];
            for (int r = 0; r < out.length; r++) {
                transaction.setQuietly(inputIds, rows.get(r), false);
                out[r] = transaction.value(outputId);
            }
            transaction.setQuietly(inputIds, saved, false);
            return out;
        });
    }
}
