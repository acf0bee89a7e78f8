package dev.gradsheet.engine;

/**
 * The floor GradSheet's engine is measured against: a plain flat-array interpreter that runs forward
 * then backward over the same graph in topological order, with nothing reactive about it — no dirty
 * marks, no change detection, no observers, no locks. Cells are renumbered by topological position
 * so both passes walk memory in order. Supports the operations the benchmark sheets use.
 */
public final class FlatFloor {
    private final byte[] op;
    private final int[] a0;
    private final int[] a1;
    private final double[] val;
    private final double[] grad;
    private final int n;

    private FlatFloor(int n) {
        this.n = n;
        op = new byte[n];
        a0 = new int[n];
        a1 = new int[n];
        val = new double[n];
        grad = new double[n];
    }

    /** The sheet's graph as flat arrays, up to and including its objective. */
    public static FlatFloor of(Sheet sheet) {
        return sheet.locked(() -> {
            Graph g = sheet.graph;
            int n = g.pos[g.objective] + 1;
            FlatFloor f = new FlatFloor(n);
            for (int k = 0; k < n; k++) {
                int id = g.order[k];
                f.op[k] = g.op[id];
                f.val[k] = g.value[id];
                if (g.argCount[id] > 2) {
                    throw new IllegalArgumentException("the floor supports at most two arguments: " + g.names.nameOf(id));
                }
                f.a0[k] = g.argCount[id] > 0 ? g.pos[g.arg(id, 0)] : -1;
                f.a1[k] = g.argCount[id] > 1 ? g.pos[g.arg(id, 1)] : -1;
            }
            return f;
        });
    }

    public int size() {
        return n;
    }

    /** One full forward pass and one full backward pass; returns the objective (so nothing is dead code). */
    public double forwardBackward() {
        final byte[] op = this.op;
        final int[] a0 = this.a0;
        final int[] a1 = this.a1;
        final double[] v = this.val;
        final double[] d = this.grad;
        for (int k = 0; k < n; k++) {
            switch (op[k]) {
                case Kernel.COPY -> v[k] = v[a0[k]];
                case Kernel.ADD -> v[k] = v[a0[k]] + v[a1[k]];
                case Kernel.SUB -> v[k] = v[a0[k]] - v[a1[k]];
                case Kernel.MUL -> v[k] = v[a0[k]] * v[a1[k]];
                case Kernel.TANH -> v[k] = Math.tanh(v[a0[k]]);
                case Kernel.SIGMOID -> v[k] = Kernel.sigmoid(v[a0[k]]);
                case Kernel.MSE -> {
                    double e = v[a0[k]] - v[a1[k]];
                    v[k] = e * e;
                }
                default -> {
                    // leaves keep their values
                }
            }
        }
        java.util.Arrays.fill(d, 0.0);
        d[n - 1] = 1;
        for (int k = n - 1; k >= 0; k--) {
            double g = d[k];
            switch (op[k]) {
                case Kernel.COPY -> d[a0[k]] += g;
                case Kernel.ADD -> {
                    d[a0[k]] += g;
                    d[a1[k]] += g;
                }
                case Kernel.SUB -> {
                    d[a0[k]] += g;
                    d[a1[k]] -= g;
                }
                case Kernel.MUL -> {
                    d[a0[k]] += g * v[a1[k]];
                    d[a1[k]] += g * v[a0[k]];
                }
                case Kernel.TANH -> d[a0[k]] += g * (1 - v[k] * v[k]);
                case Kernel.SIGMOID -> d[a0[k]] += g * v[k] * (1 - v[k]);
                case Kernel.MSE -> {
                    double e = 2 * (v[a0[k]] - v[a1[k]]);
                    d[a0[k]] += g * e;
                    d[a1[k]] -= g * e;
                }
                default -> {
                    // leaves pass nothing on
                }
            }
        }
        return v[n - 1];
    }

    /** The floor's value of the objective after {@link #forwardBackward()}. */
    public double objective() {
        return val[n - 1];
    }
}
