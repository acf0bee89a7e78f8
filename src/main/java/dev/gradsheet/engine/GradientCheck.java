package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every gradient the sheet computed by backpropagation against finite differences: the chain
 * rule over central differences of each formula ({@link NumericGradient}), which never uses a
 * backward rule. Linear in the sheet's cells and uses (four evaluations of a formula per use), so it
 * suits a million-cell sheet as well as a lesson's.
 *
 * @param entries       one per cell with finite numbers, in display order
 * @param worstError    the largest relative error (0 when no cell was compared)
 * @param worstCell     the cell with it, or null when no cell was compared
 * @param nonFiniteGradients how many cells' gradients are NaN or ±∞ (not compared)
 * @param firstNonFinite the first of them in display order, or null when there is none
 * @param evaluations   how many times a formula was evaluated: the check's work, for tests to count
 */
public record GradientCheck(List<Entry> entries, double worstError, String worstCell, int nonFiniteGradients,
                            String firstNonFinite, long evaluations) {
    /** The default relative tolerance of {@code gradsheet check}. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** Gradients smaller than this are compared absolutely: rounding noise would swamp a ratio. */
    public static final double ABSOLUTE_FLOOR = 1e-4;

    /** One cell's two gradients and how far apart they are, |a − n| / max(|a|, |n|, 1e-4). */
    public record Entry(String name, double analytic, double numeric, double relativeError) {
    }

    /** Whether any cell was compared (a sheet whose every gradient is NaN or ±∞ has none). */
    public boolean compared() {
        return !entries.isEmpty();
    }

    /** Runs the check; the sheet is left exactly as it was and nobody is notified. */
    public static GradientCheck run(Sheet sheet) {
        return sheet.locked(() -> {
            Graph g = sheet.graph;
            List<Entry> entries = new ArrayList<>();
            if (g.objective < 0) {
                return new GradientCheck(entries, 0, null, 0, null, 0);
            }
            NumericGradient numericGradient = NumericGradient.of(g);
            double worst = 0;
            String worstCell = null;
            int nonFinite = 0;
            String firstNonFinite = null;
            for (int id : g.displayOrder()) { // ids, not Cell objects: a million cells' formulas stay unwritten
                double v = g.value[id];
                double analytic = g.grad[id];
                if (!Double.isFinite(analytic)) {
                    nonFinite++;
                    firstNonFinite = firstNonFinite == null ? g.names.nameOf(id) : firstNonFinite;
                    continue;
                }
                if (!Double.isFinite(v)) {
                    continue;
                }
                double numeric = numericGradient.at(id);
                double error = Math.abs(analytic - numeric)
                        / Math.max(ABSOLUTE_FLOOR, Math.max(Math.abs(analytic), Math.abs(numeric)));
                if (Double.isNaN(error)) {
                    error = Double.POSITIVE_INFINITY;
                }
                String name = g.names.nameOf(id);
                entries.add(new Entry(name, analytic, numeric, error));
                if (error > worst || worstCell == null) {
                    worst = error;
                    worstCell = name;
                }
            }
            return new GradientCheck(entries, worst, worstCell, nonFinite, firstNonFinite, numericGradient.evaluations());
        });
    }
}
