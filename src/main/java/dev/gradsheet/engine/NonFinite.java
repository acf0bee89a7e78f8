package dev.gradsheet.engine;

import java.util.List;

/**
 * Why a cell's value is NaN or infinite, for a student: follows the non-finite numbers back to the
 * cell where they started (every argument finite, the result not) and says what went wrong there —
 * the log of a negative number, a division by zero, bce of a p outside (0, 1), an overflow. The
 * {@link Cause} and its arguments let a view say it in its own language; {@link #sentence()} is the
 * English the command line prints.
 *
 * @param cell      the cell asked about
 * @param value     its value (NaN or ±∞)
 * @param origin    the cell where the non-finite numbers started ({@code cell} itself, or one it uses)
 * @param originValue the origin's value
 * @param cause     what went wrong at the origin
 * @param arguments the cause's particulars (see each {@link Cause}), numbers written exactly
 */
public record NonFinite(String cell, double value, String origin, double originValue, Cause cause,
                        List<String> arguments) {
    /** What went wrong where the non-finite numbers started. */
    public enum Cause {
        /** Arguments: the argument's name, its value. */
        LOG_OF_NEGATIVE,
        /** Arguments: the argument's name. */
        LOG_OF_ZERO,
        /** Arguments: the divisor's name. */
        DIVISION_BY_ZERO,
        /** No arguments. */
        QUOTIENT_TOO_LARGE,
        /** Arguments: p's value, p's name. */
        BCE_OUTSIDE,
        /** Arguments: p's value, t's value. */
        BCE_LOG_OF_ZERO,
        /** Arguments: the exponent's value. */
        EXP_TOO_LARGE,
        /** An input, weight or constant set to NaN or ±∞. No arguments. */
        NOT_A_NUMBER,
        /** Arguments: the operation's name. */
        TOO_LARGE
    }

    /**
     * "L is NaN (not a number) because a is NaN (not a number): the log of a negative number (w = -1)",
     * as the command line and the English page say it.
     */
    public String sentence() {
        String what = cell + " is " + word(value);
        return origin.equals(cell) ? what + ": " + causeSentence()
                : what + " because " + origin + " is " + word(originValue) + ": " + causeSentence();
    }

    /** NaN, +∞ or −∞ in words (English). */
    public static String word(double v) {
        return Double.isNaN(v) ? "NaN (not a number)" : v > 0 ? "+∞" : "−∞";
    }

    private String causeSentence() {
        List<String> a = arguments;
        return switch (cause) {
            case LOG_OF_NEGATIVE -> "the log of a negative number (" + a.get(0) + " = " + a.get(1) + ")";
            case LOG_OF_ZERO -> "the log of 0 (" + a.get(0) + " = 0) is −∞";
            case DIVISION_BY_ZERO -> "division by zero (" + a.get(0) + " = 0)";
            case QUOTIENT_TOO_LARGE -> "the quotient is too large for a number";
            case BCE_OUTSIDE -> "bce of p = " + a.get(0) + " (" + a.get(1) + "), outside (0, 1): p must be a probability";
            case BCE_LOG_OF_ZERO -> "bce of p = " + a.get(0) + " with t = " + a.get(1) + ": the log of 0 is −∞";
            case EXP_TOO_LARGE -> "exp(" + a.get(0) + ") is too large for a number (above about 1.8e308)";
            case NOT_A_NUMBER -> "its value is not a finite number";
            case TOO_LARGE -> "the result of " + a.get(0) + " is too large for a number (above about 1.8e308)";
        };
    }

    /** The explanation for cell {@code id}, or null when its value is a finite number. */
    static NonFinite of(Graph g, int id) {
        double v = g.valueOf(id);
        if (Double.isFinite(v)) {
            return null;
        }
        int origin = id;
        // Walk back along non-finite arguments (bounded by the graph's size: it is acyclic).
        for (int guard = 0; guard < g.size; guard++) {
            int next = -1;
            for (int k = 0; k < g.argCount[origin]; k++) {
                int a = g.arg(origin, k);
                if (!Double.isFinite(g.valueOf(a))) {
                    next = a;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            origin = next;
        }
        Op op = g.opOf(origin);
        double a = g.argCount[origin] > 0 ? g.valueOf(g.arg(origin, 0)) : Double.NaN;
        double b = g.argCount[origin] > 1 ? g.valueOf(g.arg(origin, 1)) : Double.NaN;
        String an = g.argCount[origin] > 0 ? g.names.nameOf(g.arg(origin, 0)) : "";
        String bn = g.argCount[origin] > 1 ? g.names.nameOf(g.arg(origin, 1)) : "";
        Cause cause;
        List<String> args;
        switch (op) {
            case LOG -> {
                cause = a < 0 ? Cause.LOG_OF_NEGATIVE : Cause.LOG_OF_ZERO;
                args = a < 0 ? List.of(an, Numbers.exact(a)) : List.of(an);
            }
            case DIV -> {
                cause = b == 0 ? Cause.DIVISION_BY_ZERO : Cause.QUOTIENT_TOO_LARGE;
                args = b == 0 ? List.of(bn) : List.of();
            }
            case BCE -> {
                cause = a < 0 || a > 1 ? Cause.BCE_OUTSIDE : Cause.BCE_LOG_OF_ZERO;
                args = a < 0 || a > 1 ? List.of(Numbers.exact(a), an) : List.of(Numbers.exact(a), Numbers.exact(b));
            }
            case EXP -> {
                cause = Cause.EXP_TOO_LARGE;
                args = List.of(Numbers.exact(a));
            }
            case INPUT, WEIGHT, CONST -> {
                cause = Cause.NOT_A_NUMBER;
                args = List.of();
            }
            default -> {
                cause = Cause.TOO_LARGE;
                args = List.of(op.label());
            }
        }
        return new NonFinite(g.names.nameOf(id), v, g.names.nameOf(origin), g.valueOf(origin), cause, args);
    }

    /** The English sentence for cell {@code id}, or null when its value is a finite number. */
    static String why(Graph g, int id) {
        NonFinite n = of(g, id);
        return n == null ? null : n.sentence();
    }
}
