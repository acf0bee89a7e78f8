package dev.gradsheet.engine;

/**
 * The operations a cell can perform. The kernel ({@link Kernel}) holds each one's forward value and
 * backward (chain-rule) step; this enum holds what the rest of the program needs to know about them:
 * the name a formula uses, how many arguments it takes, and how it is written back as text.
 */
public enum Op {
    /** Data: a number the sheet holds; SGD never changes it. */
    INPUT("input", 1, 1),
    /** A trainable parameter: SGD moves it against its gradient. */
    WEIGHT("weight", 1, 1),
    /** A numeric literal inside a compound formula, such as the 2 in {@code 2 * x}. */
    CONST("const", 0, 0),
    /** A formula that is just another cell's name. */
    COPY("copy", 1, 1),
    ADD("add", 2, 2),
    SUB("sub", 2, 2),
    MUL("mul", 2, 2),
    DIV("div", 2, 2),
    NEG("neg", 1, 1),
    SIGMOID("sigmoid", 1, 1),
    TANH("tanh", 1, 1),
    RELU("relu", 1, 1),
    /** {@code step(a)} or {@code step(a, theta)}: 1 where a > theta, else 0; its gradient is 0. */
    STEP("step", 1, 2),
    EXP("exp", 1, 1),
    LOG("log", 1, 1),
    /** Squared error of one sample: (p − t)². */
    MSE("mse", 2, 2),
    /** Binary cross-entropy −(t·ln p + (1 − t)·ln(1 − p)); in logits form when p is a sigmoid cell. */
    BCE("bce", 2, 2),
    SUM("sum", 1, Integer.MAX_VALUE),
    MEAN("mean", 1, Integer.MAX_VALUE);

    private static final Op[] VALUES = values();

    private final String label;
    private final int minArgs;
    private final int maxArgs;

    Op(String label, int minArgs, int maxArgs) {
        this.label = label;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name shown as a cell's kind and used by function calls in formulas. */
    public String label() {
        return label;
    }

    int minArgs() {
        return minArgs;
    }

    int maxArgs() {
        return maxArgs;
    }

    /** The infix symbol of a binary operator, or 0. */
    char symbol() {
        return switch (this) {
            case ADD -> '+';
            case SUB -> '-';
            case MUL -> '*';
            case DIV -> '/';
            default -> 0;
        };
    }

    /** The op a formula's function call names (input, weight, sigmoid, ..., mean), or null. */
    static Op function(String name) {
        for (Op op : VALUES) {
            if (op.label.equals(name) && op != CONST && op != COPY && op.symbol() == 0 && op != NEG) {
                return op;
            }
        }
        return null;
    }

    static Op of(byte code) {
        return VALUES[code];
    }

    byte code() {
        return (byte) ordinal();
    }
}
