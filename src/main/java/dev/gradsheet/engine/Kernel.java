package dev.gradsheet.engine;

/**
 * Each operation's forward value and backward chain-rule step, over the graph's primitive arrays.
 * Read the two switches side by side: for every op, {@link #forward} says what the cell computes and
 * {@link #backward} says how the cell's gradient {@code g} flows to its arguments — for example × sends
 * each input {@code g} times the <em>other</em> input, + passes {@code g} through unchanged.
 */
final class Kernel {
    private Kernel() {
    }

    /** The value cell {@code id} computes from its arguments' current values. */
    static double forward(Graph gr, int id) {
        final double[] v = gr.value;
        final int a0 = gr.arg0[id];
        final int a1 = gr.arg1[id];
        switch (gr.op[id]) {
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
            case DIV:
                return v[a0] / v[a1];
            case NEG:
                return -v[a0];
            case SIGMOID:
                return sigmoid(v[a0]);
            case TANH:
                return Math.tanh(v[a0]);
            case RELU:
                return v[a0] > 0 ? v[a0] : 0.0;
            case STEP:
                return v[a0] > (gr.argCount[id] == 2 ? v[a1] : 0.0) ? 1.0 : 0.0;
            case EXP:
                return Math.exp(v[a0]);
            case LOG:
                return Math.log(v[a0]);
            case MSE: {
                double d = v[a0] - v[a1];
                return d * d;
            }
            case BCE:
                return bce(gr, id, a0, a1);
            case SUM, MEAN:
                return sum(gr, id);
            default:
                throw new IllegalStateException("no forward for op " + gr.op[id]);
        }
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
        switch (gr.op[id]) {
            case INPUT, WEIGHT, CONST, STEP:
                return; // leaves have no arguments; step's gradient is 0 everywhere
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
            case BCE:
                bceBackward(gr, id, g, a0, a1);
                return;
            case SUM, MEAN:
                sumBackward(gr, id, g);
                return;
            default:
                backwardOther(gr, id, g, a0, a1);
        }
    }

    /** The backward steps of the less common operations, apart so {@link #backward} stays inlinable. */
    private static void backwardOther(Graph gr, int id, double g, int a0, int a1) {
        final double[] v = gr.value;
        final double[] d = gr.grad;
        switch (gr.op[id]) {
            case DIV: {
                double den = v[a1];
                d[a0] += g / den;
                d[a1] -= g * v[a0] / (den * den);
                return;
            }
            case NEG:
                d[a0] -= g;
                return;
            case RELU:
                if (v[a0] > 0) {
                    d[a0] += g;
                }
                return;
            case EXP:
                d[a0] += g * v[id];
                return;
            case LOG:
                d[a0] += g / v[a0];
                return;
            case MSE: {
                double e = 2 * (v[a0] - v[a1]);
                d[a0] += g * e;
                d[a1] -= g * e;
                return;
            }
            default:
                throw new IllegalStateException("no backward for op " + gr.op[id]);
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
        if (!(v[p] >= 0 && v[p] <= 1)) {
            return Double.NaN; // p is not a probability: no loss is defined (and none is made up)
        }
        return -(xlogy(v[t], v[p]) + xlogy(1 - v[t], 1 - v[p]));
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
     * upstream gradient by. {@code k} is the argument's position. Used to explain a gradient.
     */
    static double localDerivative(Graph gr, int id, int k) {
        final double[] v = gr.value;
        final int a0 = gr.arg0[id];
        final int a1 = gr.arg1[id];
        switch (gr.op[id]) {
            case COPY, ADD, SUM:
                return 1;
            case SUB:
                return k == 0 ? 1 : -1;
            case MUL:
                return (k == 0 ? v[a1] : v[a0]);
            case DIV:
                return k == 0 ? 1 / v[a1] : -v[a0] / (v[a1] * v[a1]);
            case NEG:
                return -1;
            case SIGMOID:
                return v[id] * (1 - v[id]);
            case TANH:
                return 1 - v[id] * v[id];
            case RELU:
                return v[a0] > 0 ? 1 : 0;
            case EXP:
                return v[id];
            case LOG:
                return 1 / v[a0];
            case MSE: {
                double e = 2 * (v[a0] - v[a1]);
                return k == 0 ? e : -e;
            }
            case BCE:
                return k == 0 ? bceGradP(v[a0], v[a1]) : Math.log1p(-v[a0]) - Math.log(v[a0]);
            case MEAN:
                return 1.0 / gr.argCount[id];
            default:
                return 0; // leaves and step
        }
    }

    /** Logistic sigmoid that never overflows: exp is only taken of a non-positive number. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** ∂bce/∂p = (p − t) / (p(1 − p)). */
    static double bceGradP(double p, double t) {
        return (p - t) / (p * (1 - p));
    }

    /** x·ln y with 0·ln 0 = 0, so a target of exactly 0 or 1 costs nothing for the absent term. */
    private static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    // Op codes as compile-time constants for the switches above.
    static final byte INPUT = 0, WEIGHT = 1, CONST = 2, COPY = 3, ADD = 4, SUB = 5, MUL = 6, DIV = 7,
            NEG = 8, SIGMOID = 9, TANH = 10, RELU = 11, STEP = 12, EXP = 13, LOG = 14, MSE = 15, BCE = 16,
            SUM = 17, MEAN = 18;

    private static final String[] NAMES = {"INPUT", "WEIGHT", "CONST", "COPY", "ADD", "SUB", "MUL",
        "DIV", "NEG", "SIGMOID", "TANH", "RELU", "STEP", "EXP", "LOG", "MSE", "BCE", "SUM", "MEAN"};

    static {
        for (Op op : Op.values()) {
            if (!op.name().equals(NAMES[op.ordinal()])) {
                throw new AssertionError("Kernel op codes out of step with Op: " + op);
            }
        }
    }

}
