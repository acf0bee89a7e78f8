package dev.gradsheet.engine;

/**
 * ∂objective/∂cell for every cell, estimated without any backward rule: the chain rule over central
 * finite differences of each formula. One pass in reverse topological order, as {@link Graph#backward}
 * runs, but where backward multiplies by a kernel's derivative rule, this multiplies by a central
 * difference of the kernel's forward value (Richardson-refined over h and h/2,
 * h = 1e-5·max(1, |argument|)). So it checks every backward rule against its forward.
 *
 * <p>Why not perturb each cell and recompute the objective: that costs each cell its whole downstream
 * cone, so a chain of n cells costs n²/2 recomputations (a 20k-cell chain took 55 s). Here each use of
 * a cell by a formula costs four evaluations of that one formula: linear in the sheet's cells and
 * uses. {@link #evaluations()} counts them, so tests can check the bound by counting.
 *
 * <p>A {@code bce} fused with its sigmoid (logits form) reads the sigmoid's argument, not the sigmoid:
 * its difference is taken in that argument, as its backward sends its gradient there; the sigmoid
 * cell shows ∂objective/∂p besides, from the unfused formula, as {@link Graph#backward} shows it.
 * Leaves every value and flag exactly as it found them. Not thread-safe: run under the sheet's lock.
 */
final class NumericGradient {
    private final Graph g;
    /** The estimate flowing on to each cell's arguments (a fused bce's part goes past its sigmoid). */
    private final double[] passed;
    /** What fused bce cells add to their sigmoid's shown estimate without passing it on. */
    private final double[] fusedShown;
    /** {@code seen[a] == u + 1}: argument {@code a} of formula {@code u} already had its difference taken. */
    private final int[] seen;
    /** How often the sum being spread uses each cell (0 between sums). */
    private final int[] uses;
    private long evaluations;

    private NumericGradient(Graph g) {
        this.g = g;
        this.passed = new double[g.size];
        this.fusedShown = new double[g.size];
        this.seen = new int[g.size];
        this.uses = new int[g.size];
    }

    /** The estimate per cell id (0 for cells the objective does not use; all 0 without objective). */
    static NumericGradient of(Graph g) {
        NumericGradient n = new NumericGradient(g);
        n.run();
        return n;
    }

    /** The estimate of ∂objective/∂{@code id}, comparable to the gradient the cell shows. */
    double at(int id) {
        return passed[id] + fusedShown[id];
    }

    /** How many times a formula was evaluated: four per use of a cell (plus one per sum or mean). */
    long evaluations() {
        return evaluations;
    }

    private void run() {
        if (g.objective < 0) {
            return;
        }
        passed[g.objective] = 1;
        for (int k = g.pos[g.objective]; k >= 0; k--) {
            int u = g.order[k];
            double upstream = passed[u];
            if (upstream == 0) {
                continue; // as backward: nothing flows through a cell the objective does not depend on
            }
            byte op = g.op[u];
            if (op == Kernel.BCE && g.isFused(u)) {
                int p = g.arg0[u];
                spread(u, g.arg0[p], upstream);
                spread(u, g.arg1[u], upstream);
                fusedShown[p] += upstream * unfused(u, p);
            } else if (op == Kernel.SUM || op == Kernel.MEAN) {
                spreadSum(u, upstream);
            } else {
                for (int i = g.argStart[u], end = i + g.argCount[u]; i < end; i++) {
                    spread(u, g.argPool[i], upstream);
                }
            }
        }
    }

    /** Adds {@code upstream} × ∂u/∂a to argument {@code a}, once per argument however often u uses it. */
    private void spread(int u, int a, double upstream) {
        if (seen[a] != u + 1) {
            seen[a] = u + 1;
            passed[a] += upstream * difference(u, a);
        }
    }

    /**
     * ∂u/∂a by central differences of formula {@code u} in cell {@code a}, Richardson-refined over h and
     * h/2: that cancels the h² term, so steep spots (a sigmoid near 1) check cleanly.
     */
    private double difference(int u, int a) {
        double v = g.value[a];
        double h = 1e-5 * Math.max(1, Math.abs(v));
        double wide = (formulaWith(u, a, v + h) - formulaWith(u, a, v - h)) / (2 * h);
        double narrow = (formulaWith(u, a, v + h / 2) - formulaWith(u, a, v - h / 2)) / h;
        return (4 * narrow - wide) / 3;
    }

    /** Formula {@code u}'s value with cell {@code a} at {@code x}; {@code a} is put back. */
    private double formulaWith(int u, int a, double x) {
        double old = g.value[a];
        g.value[a] = x;
        double y = Kernel.forward(g, u);
        g.value[a] = old;
        evaluations++;
        return y;
    }

    /** ∂bce/∂p of a fused bce as the plain formula has it (the sigmoid cell shows this). */
    private double unfused(int bce, int p) {
        g.flags[bce] &= ~Graph.FUSED;
        try {
            return difference(bce, p);
        } finally {
            g.flags[bce] |= Graph.FUSED;
        }
    }

    /**
     * A sum or mean of n terms: the terms are added up once, not once per probed term, so a mean of
     * 100,000 cells costs 100,000 differences, not 10¹⁰ additions. The difference in each term is
     * still taken numerically, of (rest + uses·x)·scale, the sum with that term at x.
     */
    private void spreadSum(int u, double upstream) {
        int start = g.argStart[u];
        int end = start + g.argCount[u];
        double total = 0;
        for (int i = start; i < end; i++) {
            int a = g.argPool[i];
            total += g.value[a];
            uses[a]++;
        }
        evaluations++;
        double scale = g.op[u] == Kernel.MEAN ? 1.0 / g.argCount[u] : 1.0;
        for (int i = start; i < end; i++) {
            int a = g.argPool[i];
            if (seen[a] == u + 1) {
                continue;
            }
            seen[a] = u + 1;
            int n = uses[a];
            uses[a] = 0;
            double v = g.value[a];
            double rest = total - n * v;
            double h = 1e-5 * Math.max(1, Math.abs(v));
            double wide = ((rest + n * (v + h)) - (rest + n * (v - h))) * scale / (2 * h);
            double narrow = ((rest + n * (v + h / 2)) - (rest + n * (v - h / 2))) * scale / h;
            evaluations += 4;
            passed[a] += upstream * (4 * narrow - wide) / 3;
        }
    }
}
