package dev.gradsheet.engine;

/** The activations the lesson compares (items 4, 7, 10), with their derivatives. */
public enum Activation {
    SIGMOID, TANH, RELU, STEP;

    /** The function name a formula uses. */
    public String fn() {
        return name().toLowerCase();
    }

    /** f(x), computed as the sheet computes it. */
    public double f(double x) {
        return switch (this) {
            case SIGMOID -> Kernel.sigmoid(x);
            case TANH -> Math.tanh(x);
            case RELU -> x > 0 ? x : 0;
            case STEP -> x > 0 ? 1 : 0;
        };
    }

    /** f′(x), as backpropagation uses it (ReLU′(0) = 0; step′ = 0 everywhere). */
    public double df(double x) {
        return switch (this) {
            case SIGMOID -> {
                double s = Kernel.sigmoid(x);
                yield s * (1 - s);
            }
            case TANH -> 1 - Math.tanh(x) * Math.tanh(x);
            case RELU -> x > 0 ? 1 : 0;
            case STEP -> 0;
        };
    }

    /** Below this σ′ a sigmoid cell is saturated: it barely passes a gradient on (item 10). */
    public static final double SATURATION = 0.01;
}
