package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every operation a cell can perform, each defined once, here — read it like micrograd's
 * {@code engine.py}: the name a formula uses, how many arguments it takes, its infix symbol, its
 * forward value, its local derivative ∂out/∂arg<sub>k</sub>, and the sentence that explains its
 * backward rule. Backpropagation is derived from the local derivatives (upstream × local, added into
 * each argument); the {@link Kernel} keeps hand-written fast paths only for the hot operations of big
 * networks (+, −, ×, sigmoid, tanh, relu, mse, the fused sigmoid-cross-entropy, sum/mean), and
 * {@code OpContractTest} checks those agree with the definitions here.
 *
 * <p>To add an operation: add a constant with its forward, local derivative and rule (at the end, or
 * renumber {@link Kernel}'s codes, which a startup check keeps in step), then document it in the
 * formula list of docs/sheet-format.md. The parser, the cell builder, "Why this gradient?" and the contract test pick
 * it up from here.
 */
public enum Op {
    /** Data: a number the sheet holds; SGD never changes it. */
    INPUT("input", 1, 1, "an input is data: its gradient is reported, never applied"),
    /** A trainable parameter: SGD moves it against its gradient. */
    WEIGHT("weight", 1, 1, "a weight learns: SGD moves it against its gradient"),
    /** A numeric literal inside a compound formula, such as the 2 in {@code 2 * x}. */
    CONST("const", 0, 0, "a constant is a number inside a formula"),
    /** A formula that is just another cell's name. */
    COPY("copy", 1, 1, "a copy passes it through") {
        @Override
        double forward(double a, double b) {
            return a;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return 1;
        }
    },
    ADD("add", 2, 2, '+', "+ passes the gradient through unchanged") {
        @Override
        double forward(double a, double b) {
            return a + b;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return 1;
        }
    },
    SUB("sub", 2, 2, '-', "− passes it to the left unchanged and negated to the right") {
        @Override
        double forward(double a, double b) {
            return a - b;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return k == 0 ? 1 : -1;
        }
    },
    MUL("mul", 2, 2, '*', "× multiplies it by the other input") {
        @Override
        double forward(double a, double b) {
            return a * b;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return k == 0 ? b : a;
        }
    },
    DIV("div", 2, 2, '/', "a/b: ∂/∂a = 1/b, ∂/∂b = −a/b²") {
        @Override
        double forward(double a, double b) {
            return a / b;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return k == 0 ? 1 / b : -a / (b * b);
        }
    },
    /** {@code -a}, written with a prefix minus. */
    NEG("neg", 1, 1, "negation flips its sign") {
        @Override
        double forward(double a, double b) {
            return -a;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return -1;
        }
    },
    SIGMOID("sigmoid", 1, 1, "sigmoid multiplies it by σ(1 − σ)") {
        @Override
        double forward(double a, double b) {
            return sigmoid(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return y * (1 - y);
        }
    },
    TANH("tanh", 1, 1, "tanh multiplies it by 1 − tanh²") {
        @Override
        double forward(double a, double b) {
            return Math.tanh(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return 1 - y * y;
        }
    },
    /** {@code relu(a)}: its gradient is 0 at 0. */
    RELU("relu", 1, 1, "ReLU passes it where the input is positive, else 0") {
        @Override
        double forward(double a, double b) {
            return a > 0 ? a : 0.0;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return a > 0 ? 1 : 0;
        }
    },
    /** {@code step(a)} or {@code step(a, theta)}: 1 where a > theta, else 0; its gradient is 0. */
    STEP("step", 1, 2, 0.0, "step has gradient 0: it cannot learn by backprop") {
        @Override
        double forward(double a, double b) {
            return a > b ? 1.0 : 0.0;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return 0;
        }
    },
    EXP("exp", 1, 1, "exp multiplies it by exp(a)") {
        @Override
        double forward(double a, double b) {
            return Math.exp(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return y;
        }
    },
    LOG("log", 1, 1, "log multiplies it by 1/a") {
        @Override
        double forward(double a, double b) {
            return Math.log(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return 1 / a;
        }
    },
    /** Squared error of one sample: (p − t)². */
    MSE("mse", 2, 2, "(p − t)²: ∂/∂p = 2(p − t), ∂/∂t = −2(p − t)") {
        @Override
        double forward(double a, double b) {
            double d = a - b;
            return d * d;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            double e = 2 * (a - b);
            return k == 0 ? e : -e;
        }
    },
    /**
     * Binary cross-entropy −(t·ln p + (1 − t)·ln(1 − p)); in logits form when p is a sigmoid cell
     * (that fused form lives in {@link Kernel}, since it reads the sigmoid's own argument).
     */
    BCE("bce", 2, 2, "cross-entropy: ∂/∂p = (p − t)/(p(1 − p))") {
        @Override
        double forward(double p, double t) {
            if (!(p >= 0 && p <= 1)) {
                return Double.NaN; // p is not a probability: no loss is defined (and none is made up)
            }
            return -(xlogy(t, p) + xlogy(1 - t, 1 - p));
        }

        @Override
        double local(int k, double p, double t, double y, int n) {
            return k == 0 ? bceGradP(p, t) : Math.log1p(-p) - Math.log(p);
        }
    },
    /** {@code sum(a, b, ...)}: its forward is the one loop over many arguments, in {@link Kernel}. */
    SUM("sum", 1, Integer.MAX_VALUE, "sum passes it through to every argument") {
        @Override
        double local(int k, double a, double b, double y, int n) {
            return 1;
        }
    },
    /** {@code mean(a, b, ...)}: the sum divided by the number of arguments. */
    MEAN("mean", 1, Integer.MAX_VALUE, "mean passes 1/n of it to every argument") {
        @Override
        double local(int k, double a, double b, double y, int n) {
            return 1.0 / n;
        }
    },
    /** {@code pow(a, k)} = a^k; both arguments are differentiable (∂/∂k needs a > 0). */
    POW("pow", 2, 2, "a^k: ∂/∂a = k·a^(k−1), ∂/∂k = a^k·ln a (0 where a ≤ 0)") {
        @Override
        double forward(double a, double b) {
            return Math.pow(a, b);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            if (k == 0) {
                return b == 0 ? 0 : b * Math.pow(a, b - 1); // k = 0: a constant 1, even at a = 0
            }
            // a^k·ln a; for a ≤ 0, a^k is not differentiable in k (a^k is only defined at whole k),
            // and a = 0 has the limit 0, so the exponent gets no gradient there.
            return a > 0 ? y * Math.log(a) : 0;
        }
    },
    /** {@code sqrt(a)}: its derivative 1/(2√a) is infinite at 0. */
    SQRT("sqrt", 1, 1, "√a multiplies it by 1/(2√a)") {
        @Override
        double forward(double a, double b) {
            return Math.sqrt(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return 0.5 / y;
        }
    },
    /** {@code abs(a)}: the gradient is the sign of a, and 0 at 0. */
    ABS("abs", 1, 1, "|a| multiplies it by the sign of a (0 at 0)") {
        @Override
        double forward(double a, double b) {
            return Math.abs(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return a > 0 ? 1 : a < 0 ? -1 : 0;
        }
    },
    /** {@code softplus(a)} = ln(1 + eᵃ), computed so it never overflows; its derivative is σ(a). */
    SOFTPLUS("softplus", 1, 1, "softplus multiplies it by σ(a)") {
        @Override
        double forward(double a, double b) {
            return softplus(a);
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return sigmoid(a);
        }
    },
    /**
     * {@code leaky_relu(a)} or {@code leaky_relu(a, slope)}: a where a > 0, else slope·a (slope 0.01
     * by default); the slope is differentiable too (∂/∂slope = a where a ≤ 0).
     */
    LEAKY_RELU("leaky_relu", 1, 2, 0.01,
            "leaky ReLU passes it where the input is positive, else multiplies it by the slope") {
        @Override
        double forward(double a, double b) {
            return a > 0 ? a : b * a;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            if (k == 0) {
                return a > 0 ? 1 : b;
            }
            return a > 0 ? 0 : a;
        }
    },
    /** {@code max(a, b)}: the gradient goes to the larger argument; at a tie, to the first. */
    MAX("max", 2, 2, "max passes it to the larger argument (the first at a tie), 0 to the other") {
        @Override
        double forward(double a, double b) {
            return a >= b ? a : b;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return (a >= b) == (k == 0) ? 1 : 0;
        }
    },
    /** {@code min(a, b)}: the gradient goes to the smaller argument; at a tie, to the first. */
    MIN("min", 2, 2, "min passes it to the smaller argument (the first at a tie), 0 to the other") {
        @Override
        double forward(double a, double b) {
            return a <= b ? a : b;
        }

        @Override
        double local(int k, double a, double b, double y, int n) {
            return (a <= b) == (k == 0) ? 1 : 0;
        }
    };

    private static final Op[] VALUES = values();

    private final String label;
    private final int minArgs;
    private final int maxArgs;
    private final char symbol;
    /** The second argument of a two-argument op called with one (step's theta, leaky_relu's slope). */
    private final double defaultSecond;
    private final String rule;

    Op(String label, int minArgs, int maxArgs, String rule) {
        this(label, minArgs, maxArgs, (char) 0, Double.NaN, rule);
    }

    Op(String label, int minArgs, int maxArgs, char symbol, String rule) {
        this(label, minArgs, maxArgs, symbol, Double.NaN, rule);
    }

    Op(String label, int minArgs, int maxArgs, double defaultSecond, String rule) {
        this(label, minArgs, maxArgs, (char) 0, defaultSecond, rule);
    }

    Op(String label, int minArgs, int maxArgs, char symbol, double defaultSecond, String rule) {
        this.label = label;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.symbol = symbol;
        this.defaultSecond = defaultSecond;
        this.rule = rule;
    }

    /**
     * The value of the op on its first two arguments ({@code b} is {@link #defaultSecond()} when the
     * op was called with one). Leaves and the many-argument ops are computed by {@link Kernel}.
     */
    double forward(double a, double b) {
        throw new IllegalStateException(this + " has no two-argument forward");
    }

    /**
     * The local derivative ∂out/∂arg<sub>k</sub> at arguments {@code a}, {@code b} (the first two),
     * value {@code y} and argument count {@code n}: what the chain rule multiplies the upstream
     * gradient by. Leaves have no arguments, so no local derivative.
     */
    double local(int k, double a, double b, double y, int n) {
        throw new IllegalStateException(this + " has no arguments");
    }

    /** The name shown as a cell's kind and used by function calls in formulas. */
    public String label() {
        return label;
    }

    /** The fewest arguments a formula may give it. */
    public int minArgs() {
        return minArgs;
    }

    /** The most arguments a formula may give it ({@link Integer#MAX_VALUE}: any number). */
    public int maxArgs() {
        return maxArgs;
    }

    /** The infix symbol of a binary operator ({@code + - * /}), or 0. */
    public char symbol() {
        return symbol;
    }

    /** The second argument used when a one-or-two-argument op is given one (NaN for other ops). */
    public double defaultSecond() {
        return defaultSecond;
    }

    /** Its backward rule in the lesson's words, shown by "Why this gradient?" and the hints. */
    public String rule() {
        return rule;
    }

    /** Whether cells of this op take arguments (every op but input, weight and const). */
    public boolean hasArguments() {
        return maxArgs > 0 && this != INPUT && this != WEIGHT;
    }

    /** Whether a formula calls it by name, {@code name(...)} (not copy, const, negation or infix ops). */
    public boolean isFunction() {
        return this != CONST && this != COPY && this != NEG && symbol == 0;
    }

    /**
     * How the op is written with arguments {@code a} and {@code b} ({@code b} null or blank: left out
     * when optional): {@code a * b}, {@code -a}, {@code sigmoid(a)}, {@code leaky_relu(a, b)}; for
     * input, weight and const, the number {@code a} (0 when blank).
     */
    public String write(String a, String b) {
        boolean noB = b == null || b.isBlank();
        String x = a == null || a.isBlank() ? "?" : a;
        String y = noB ? "?" : b;
        if (this == INPUT || this == WEIGHT) {
            return label + "(" + (a == null || a.isBlank() ? "0" : a) + ")";
        }
        if (this == CONST) {
            return a == null || a.isBlank() ? "0" : a;
        }
        if (this == COPY) {
            return x;
        }
        if (this == NEG) {
            return "-" + x;
        }
        if (symbol != 0) {
            return x + " " + symbol + " " + y;
        }
        return minArgs >= 2 || (maxArgs >= 2 && !noB) ? label + "(" + x + ", " + y + ")" : label + "(" + x + ")";
    }

    /** The op a label names ({@code "mul"}, {@code "leaky_relu"}), or null. */
    public static Op byLabel(String label) {
        for (Op op : VALUES) {
            if (op.label.equals(label)) {
                return op;
            }
        }
        return null;
    }

    /** The operations the cell builder offers, in this file's order (every op but copy). */
    public static List<Op> offered() {
        List<Op> out = new ArrayList<>();
        for (Op op : VALUES) {
            if (op != COPY) {
                out.add(op);
            }
        }
        return out;
    }

    /** The op a formula's function call names (input, weight, sigmoid, ..., mean), or null. */
    static Op function(String name) {
        Op op = byLabel(name);
        return op != null && op.isFunction() ? op : null;
    }

    static Op of(byte code) {
        return VALUES[code];
    }

    byte code() {
        return (byte) ordinal();
    }

    /** Logistic sigmoid that never overflows: exp is only taken of a non-positive number. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** ln(1 + eᶻ) = max(z, 0) + ln(1 + e^−|z|): exact for every finite z, never overflowing. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** ∂bce/∂p = (p − t) / (p(1 − p)). */
    static double bceGradP(double p, double t) {
        return (p - t) / (p * (1 - p));
    }

    /** x·ln y with 0·ln 0 = 0, so a target of exactly 0 or 1 costs nothing for the absent term. */
    private static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }
}
