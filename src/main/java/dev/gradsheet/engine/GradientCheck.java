package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every gradient the sheet computed by backpropagation against central finite differences:
 * ∂objective/∂c ≈ (objective(c + h) − objective(c − h)) / 2h, refined by Richardson extrapolation
 * over h and h/2 (h = 1e-5·max(1, |c|)). A computed cell is checked by holding
 * it at a perturbed value, as if it were an input, and recomputing what lies downstream of it.
 * Costs four propagations per cell: meant for sheets of a lesson's size, not a million cells.
 *
 * @param entries       one per cell with finite numbers, in display order
 * @param worstError    the largest relative error
 * @param worstCell     the cell with it, or null for an empty sheet
 */
public record GradientCheck(List<Entry> entries, double worstError, String worstCell) {
    /** The default relative tolerance of {@code gradsheet check}. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** Gradients smaller than this are compared absolutely: rounding noise would swamp a ratio. */
    public static final double ABSOLUTE_FLOOR = 1e-4;

    /** One cell's two gradients and how far apart they are, |a − n| / max(|a|, |n|, 1e-4). */
    public record Entry(String name, double analytic, double numeric, double relativeError) {
    }

    /** Runs the check; the sheet is left exactly as it was and nobody is notified. */
    public static GradientCheck run(Sheet sheet) {
        // Holding a computed cell at a value needs the passes to compute it: no dense layer's loop.
        return sheet.locked(() -> DenseLayers.suspended(sheet.graph, () -> {
            Graph g = sheet.graph;
            List<Entry> entries = new ArrayList<>();
            double worst = 0;
            String worstCell = null;
            if (g.objective < 0) {
                return new GradientCheck(entries, 0, null);
            }
            for (Cell c : sheet.cells()) {
                int id = g.names.idOf(c.name());
                double v = g.value[id];
                double analytic = g.grad[id];
                if (!Double.isFinite(v) || !Double.isFinite(analytic)) {
                    continue;
                }
                double h = 1e-5 * Math.max(1, Math.abs(v));
                // Richardson extrapolation of two central differences cancels the h² error term, so
                // cells near a steep spot (a sigmoid close to 1 under cross-entropy) check cleanly.
                double wide = centralDifference(g, id, v, h);
                double narrow = centralDifference(g, id, v, h / 2);
                double numeric = (4 * narrow - wide) / 3;
                double error = Math.abs(analytic - numeric)
                        / Math.max(ABSOLUTE_FLOOR, Math.max(Math.abs(analytic), Math.abs(numeric)));
                if (Double.isNaN(error)) {
                    error = Double.POSITIVE_INFINITY;
                }
                entries.add(new Entry(c.name(), analytic, numeric, error));
                if (error > worst || worstCell == null) {
                    worst = error;
                    worstCell = c.name();
                }
            }
            return new GradientCheck(entries, worst, worstCell);
        }));
    }

    private static double centralDifference(Graph g, int id, double v, double h) {
        return (objectiveWith(g, id, v + h) - objectiveWith(g, id, v - h)) / (2 * h);
    }

    /** The objective with cell {@code id} held at {@code v}; restores everything before returning. */
    private static double objectiveWith(Graph g, int id, double v) {
        byte op = g.op[id];
        double old = g.value[id];
        int[] users = g.usersOf(id);
        // A cell held at a value is a leaf for now; a bce that read its sigmoid's logits must read it.
        byte[] userFlags = new byte[users.length];
        for (int i = 0; i < users.length; i++) {
            userFlags[i] = g.flags[users[i]];
            g.flags[users[i]] &= ~Graph.FUSED;
        }
        g.op[id] = Kernel.INPUT;
        g.setLeaf(id, v);
        g.forward();
        double result = g.value[g.objective];
        g.op[id] = op;
        for (int i = 0; i < users.length; i++) {
            g.flags[users[i]] = userFlags[i];
        }
        g.setLeaf(id, old); // the cell's own value again; its users recompute as they were
        g.forward();
        return result;
    }
}
