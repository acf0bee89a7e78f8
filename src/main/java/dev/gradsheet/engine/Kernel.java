package dev.gradsheet.engine;

/**
 * The propagation loops' view of the operations: {@link #forward} and {@link #backward} over the
 * graph's primitive arrays. Every operation is defined once, in {@link Op} (forward, local
 * derivatives, rule); the switches here hold fast paths only for the hot operations of big networks
 * (+, −, ×, sigmoid, tanh, relu, mse, the fused sigmoid-cross-entropy, sum/mean), and every other
 * op goes through its definition: backward adds upstream × {@link Op#local} to each argument.
 * {@code OpContractTest} checks each fast path against its definition.
 */
final class Kernel {
    private Kernel() {
    }

    /** The value cell {@code id} computes from its arguments' current values. */
    static double forward(Graph gr, int id) {
        final double[] v = gr.value;
        final int a0 = gr.arg0[id];
        final int a1 = gr.arg1[id];
        switch (gr.kop[id]) {
            case INPUT, WEIGHT, CONST:
                return v[id];
            case COPY:
                return v[a0];
            case ADD:
                return v[a0] + v[a1];
            case SUB:
                return v[a0] - v[a1];
            case MUL:
                return v[a0] * v[a1];
            case SIGMOID:
                return sigmoid(v[a0]);
            case TANH:
                return Math.tanh(v[a0]);
            case RELU:
                return v[a0] > 0 ? v[a0] : 0.0;
            case MSE: {
                double d = v[a0] - v[a1];
                return d * d;
            }
            case BCE:
                return bce(gr, id, a0, a1);
            case SUM, MEAN:
                return sum(gr, id);
            case DENSE:
                return gr.dense.forward(gr, id);
            default:
                return other(gr, id, a0, a1);
        }
    }

    /** Any other op's value, from its definition in {@link Op}; apart so {@link #forward} stays inlinable. */
    private static double other(Graph gr, int id, int a0, int a1) {
        Op op = Op.of(gr.op[id]);
        double[] v = gr.value;
        return op.forward(v[a0], gr.argCount[id] > 1 ? v[a1] : op.defaultSecond());
    }

    /**
     * Adds cell {@code id}'s contribution to its arguments' gradients, given {@code g}, the gradient of
     * the objective with respect to the cell. Returns nothing; a fused {@code bce} also records the
     * gradient its sigmoid argument shows (see {@link Graph#backward}).
     */
    static void backward(Graph gr, int id, double g) {
        final double[] v = gr.value;
        final double[] d = gr.grad;
        final int a0 = gr.arg0[id];
        final int a1 = gr.arg1[id];
        switch (gr.kop[id]) {
            case INPUT, WEIGHT, CONST:
                return; // leaves have no arguments
            case COPY:
                d[a0] += g;
                return;
            case ADD:
                d[a0] += g;
                d[a1] += g;
                return;
            case SUB:
                d[a0] += g;
                d[a1] -= g;
                return;
            case MUL:
                d[a0] += g * v[a1];
                d[a1] += g * v[a0];
                return;
            case SIGMOID: {
                double y = v[id];
                d[a0] += g * y * (1 - y);
                return;
            }
            case TANH: {
                double y = v[id];
                d[a0] += g * (1 - y * y);
                return;
            }
            case RELU:
                if (v[a0] > 0) {
                    d[a0] += g;
                }
                return;
            case BCE:
                bceBackward(gr, id, g, a0, a1);
                return;
            case SUM, MEAN:
                sumBackward(gr, id, g);
                return;
            case DENSE:
                gr.dense.backward(gr, id);
                return;
            default:
                backwardOther(gr, id, g, a0, a1);
        }
    }

    /**
     * The backward step of every other op, derived from its definition: upstream × local derivative
     * added into each argument. Apart so {@link #backward} stays inlinable.
     */
    private static void backwardOther(Graph gr, int id, double g, int a0, int a1) {
        final double[] v = gr.value;
        final double[] d = gr.grad;
        Op op = Op.of(gr.op[id]);
        int n = gr.argCount[id];
        double a = v[a0];
        double b = n > 1 ? v[a1] : op.defaultSecond();
        d[a0] += g * op.local(0, a, b, v[id], n);
        if (n > 1) {
            d[a1] += g * op.local(1, a, b, v[id], n);
        }
    }

    // The rarer operations' bodies live apart, so the two switches stay small enough for the JIT to
    // inline into the propagation loops.

    /** bce(p, t) = −(t·ln p + (1 − t)·ln(1 − p)); in logits form when p is a sigmoid cell. */
    private static double bce(Graph gr, int id, int p, int t) {
        final double[] v = gr.value;
        if (gr.isFused(id)) {
            // Logits form: with p = sigmoid(z), bce = softplus(z) − t·z, exact for every finite z.
            double z = v[gr.arg0[p]];
            return Math.max(z, 0) - v[t] * z + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return Op.BCE.forward(v[p], v[t]);
    }

    private static void bceBackward(Graph gr, int id, double g, int p, int t) {
        final double[] v = gr.value;
        final double[] d = gr.grad;
        if (gr.isFused(id)) {
            // Straight to the pre-activation: ∂bce/∂z = σ(z) − t, finite where σ'(z) underflows.
            int z = gr.arg0[p];
            d[z] += g * (sigmoid(v[z]) - v[t]);
            d[t] -= g * v[z];
            gr.recordFusedGradient(p, g * bceGradP(v[p], v[t]));
            return;
        }
        d[p] += g * bceGradP(v[p], v[t]);
        d[t] += g * (Math.log1p(-v[p]) - Math.log(v[p]));
    }

    /** sum(a, b, ...) and mean(a, b, ...). */
    private static double sum(Graph gr, int id) {
        final int[] a = gr.argPool;
        final int s = gr.argStart[id];
        final int n = gr.argCount[id];
        double sum = 0;
        for (int k = s; k < s + n; k++) {
            sum += gr.value[a[k]];
        }
        return gr.op[id] == MEAN ? sum / n : sum;
    }

    private static void sumBackward(Graph gr, int id, double g) {
        final int[] a = gr.argPool;
        final int s = gr.argStart[id];
        final int n = gr.argCount[id];
        double share = gr.op[id] == MEAN ? g / n : g;
        for (int k = s; k < s + n; k++) {
            gr.grad[a[k]] += share;
        }
    }

    /**
     * ∂cell/∂arg for one use of an argument: the local derivative the chain rule multiplies the
     * upstream gradient by. {@code k} is the argument's position. Used to explain a gradient; always
     * read from the op's definition, so it cannot drift from the backward step.
     */
    static double localDerivative(Graph gr, int id, int k) {
        Op op = Op.of(gr.op[id]);
        int n = gr.argCount[id];
        if (n == 0 || !op.hasArguments()) {
            return 0;
        }
        double b = n > 1 ? gr.valueOf(gr.arg1[id]) : op.defaultSecond();
        return op.local(k, gr.valueOf(gr.arg0[id]), b, gr.valueOf(id), n);
    }

    /** Logistic sigmoid that never overflows (see {@link Op#sigmoid}). */
    static double sigmoid(double z) {
        return Op.sigmoid(z);
    }

    /** ∂bce/∂p = (p − t) / (p(1 − p)). */
    static double bceGradP(double p, double t) {
        return Op.bceGradP(p, t);
    }

    // Op codes as compile-time constants for the switches above.
    static final byte INPUT = 0, WEIGHT = 1, CONST = 2, COPY = 3, ADD = 4, SUB = 5, MUL = 6, DIV = 7,
            NEG = 8, SIGMOID = 9, TANH = 10, RELU = 11, STEP = 12, EXP = 13, LOG = 14, MSE = 15, BCE = 16,
            SUM = 17, MEAN = 18, POW = 19, SQRT = 20, ABS = 21, SOFTPLUS = 22, LEAKY_RELU = 23, MAX = 24,
            MIN = 25;
    /**
     * Not an operation of a cell: the kernel op ({@link Graph#kop}) of a dense layer's marker, where
     * the passes run the whole layer ({@link DenseLayers}).
     */
    static final byte DENSE = 26;

    private static final String[] NAMES = {"INPUT", "WEIGHT", "CONST", "COPY", "ADD", "SUB", "MUL",
        "DIV", "NEG", "SIGMOID", "TANH", "RELU", "STEP", "EXP", "LOG", "MSE", "BCE", "SUM", "MEAN",
        "POW", "SQRT", "ABS", "SOFTPLUS", "LEAKY_RELU", "MAX", "MIN"};

    static {
        if (Op.values().length != NAMES.length) {
            throw new AssertionError("Kernel op codes out of step with Op: " + NAMES.length + " codes");
        }
        for (Op op : Op.values()) {
            if (!op.name().equals(NAMES[op.ordinal()])) {
                throw new AssertionError("Kernel op codes out of step with Op: " + op);
            }
        }
    }

}
