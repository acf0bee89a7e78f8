package dev.gradsheet.engine;

/**
 * The activations the lesson compares (items 4, 7, 10) and the MLP template offers; f and f′ are read
 * from each one's definition in {@link Op}.
 */
public enum Activation {
    SIGMOID(Op.SIGMOID), TANH(Op.TANH), RELU(Op.RELU), STEP(Op.STEP);

    private final Op op;

    Activation(Op op) {
        this.op = op;
    }

    /** The operation this activation is. */
    public Op op() {
        return op;
    }

    /** The function name a formula uses. */
    public String fn() {
        return op.label();
    }

    /** f(x), computed as the sheet computes it. */
    public double f(double x) {
        return op.forward(x, op.defaultSecond());
    }

    /** f′(x), as backpropagation uses it (ReLU′(0) = 0; step′ = 0 everywhere). */
    public double df(double x) {
        return op.local(0, x, op.defaultSecond(), f(x), 1);
    }

    /** Below this σ′ a sigmoid cell is saturated: it barely passes a gradient on (item 10). */
    public static final double SATURATION = 0.01;
}
