package dev.gradsheet.engine;

import java.util.List;

/**
 * Evaluates one output cell for many values of some input cells, leaving the sheet exactly as it
 * was and telling nobody: what a decision picture needs (the output over a grid of two inputs).
 */
public final class Probe {
    private final Sheet sheet;
    private final int[] inputIds;
    private final int outputId;

    Probe(Sheet sheet, int[] inputIds, int outputId) {
        this.sheet = sheet;
        this.inputIds = inputIds;
        this.outputId = outputId;
    }

    /** The output for each row of input values (one value per input, in the probe's order). */
    public double[] outputs(List<double[]> rows) {
        return sheet.locked(() -> {
            Graph g = sheet.graph;
            double[] saved = new double[inputIds.length];
            for (int i = 0; i < inputIds.length; i++) {
                saved[i] = g.value[inputIds[i]];
            }
            double[] out = new double[rows.size()];
            for (int r = 0; r < out.length; r++) {
                double[] row = rows.get(r);
                for (int i = 0; i < inputIds.length; i++) {
                    g.setLeaf(inputIds[i], row[i]);
                }
                g.forward();
                out[r] = g.value[outputId];
            }
            for (int i = 0; i < inputIds.length; i++) {
                g.setLeaf(inputIds[i], saved[i]);
            }
            g.forward();
            return out;
        });
    }
}
