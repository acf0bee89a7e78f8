package dev.gradsheet.engine;

/**
 * Why a cell's value is NaN or infinite, in words for a student: follows the non-finite numbers back
 * to the cell where they started (every argument finite, the result not) and names what went wrong
 * there — the log of a negative number, a division by zero, bce of a p outside (0, 1), an overflow.
 */
final class NonFinite {
    private NonFinite() {
    }

    /** The explanation for cell {@code id}, or null when its value is a finite number. */
    static String why(Graph g, int id) {
        double v = g.value[id];
        if (Double.isFinite(v)) {
            return null;
        }
        int origin = id;
        // Walk back along non-finite arguments (bounded by the graph's size: it is acyclic).
        for (int guard = 0; guard < g.size; guard++) {
            int next = -1;
            for (int k = 0; k < g.argCount[origin]; k++) {
                int a = g.arg(origin, k);
                if (!Double.isFinite(g.value[a])) {
                    next = a;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            origin = next;
        }
        String what = g.names.nameOf(id) + " is " + word(v);
        String cause = cause(g, origin);
        return origin == id ? what + ": " + cause
                : what + " because " + g.names.nameOf(origin) + " is " + word(g.value[origin]) + ": " + cause;
    }

    private static String word(double v) {
        return Double.isNaN(v) ? "NaN (not a number)" : v > 0 ? "+∞" : "−∞";
    }

    private static String cause(Graph g, int id) {
        Op op = g.opOf(id);
        double a = g.argCount[id] > 0 ? g.value[g.arg(id, 0)] : Double.NaN;
        double b = g.argCount[id] > 1 ? g.value[g.arg(id, 1)] : Double.NaN;
        String an = g.argCount[id] > 0 ? g.names.nameOf(g.arg(id, 0)) : "";
        String bn = g.argCount[id] > 1 ? g.names.nameOf(g.arg(id, 1)) : "";
        return switch (op) {
            case LOG -> a < 0 ? "the log of a negative number (" + an + " = " + Numbers.exact(a) + ")"
                    : "the log of 0 (" + an + " = 0) is −∞";
            case DIV -> b == 0 ? "division by zero (" + bn + " = 0)" : "the quotient is too large for a number";
            case BCE -> a < 0 || a > 1 ? "bce of p = " + Numbers.exact(a) + " (" + an + "), outside (0, 1): p must be a probability"
                    : "bce of p = " + Numbers.exact(a) + " with t = " + Numbers.exact(b) + ": the log of 0 is −∞";
            case EXP -> "exp(" + Numbers.exact(a) + ") is too large for a number (above about 1.8e308)";
            case INPUT, WEIGHT, CONST -> "its value is not a finite number";
            default -> "the result of " + op.label() + " is too large for a number (above about 1.8e308)";
        };
    }
}
