package dev.gradsheet.export;

import dev.gradsheet.engine.Op;
import java.util.List;

/**
 * Every operation as a line of PyTorch: a torch function where its autograd rule is GradSheet's,
 * else one of the script's own functions ({@code pytorch-ops.py}), which state GradSheet's rule.
 */
final class PythonOps {
    private PythonOps() {
    }

    /**
     * The expression computing an op from its arguments' variables ({@code args}; a one-or-two-argument
     * op given one uses the function's default). Inputs, weights and sums are written by the caller.
     */
    static String call(Op op, List<String> args) {
        String a = args.isEmpty() ? null : args.get(0);
        String b = args.size() > 1 ? args.get(1) : null;
        return switch (op) {
            case INPUT, WEIGHT, CONST, SUM, MEAN -> throw new IllegalArgumentException(op + " is written by the caller");
            case COPY -> a + ".clone()"; // a tensor of its own, so the copy's gradient is its own
            case ADD -> a + " + " + b;
            case SUB -> a + " - " + b;
            case MUL -> a + " * " + b;
            case DIV -> a + " / " + b;
            case NEG -> "-" + a;
            case SIGMOID -> "torch.sigmoid(" + a + ")";
            case TANH -> "torch.tanh(" + a + ")";
            case RELU -> "torch.relu(" + a + ")";
            case STEP -> b == null ? "step(" + a + ")" : "step(" + a + ", " + b + ")";
            case EXP -> "torch.exp(" + a + ")";
            case LOG -> "torch.log(" + a + ")";
            case MSE -> "mse(" + a + ", " + b + ")";
            case BCE -> "bce(" + a + ", " + b + ")";
            case POW -> "pow(" + a + ", " + b + ")";
            case SQRT -> "torch.sqrt(" + a + ")";
            case ABS -> "torch.abs(" + a + ")";
            case SOFTPLUS -> "softplus(" + a + ")";
            case LEAKY_RELU -> b == null ? "leaky_relu(" + a + ")" : "leaky_relu(" + a + ", " + b + ")";
            case MAX -> "maximum(" + a + ", " + b + ")";
            case MIN -> "minimum(" + a + ", " + b + ")";
        };
    }

    /** A double as a Python float literal that reads back as the same double. */
    static String literal(double v) {
        if (Double.isNaN(v)) {
            return "float(\"nan\")";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        }
        return Double.toString(v); // always has a point or an exponent: a float, never an int
    }

    /** A string as a Python string literal (names, kinds and formulas are ASCII without quotes). */
    static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
