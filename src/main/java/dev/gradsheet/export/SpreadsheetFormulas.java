package dev.gradsheet.export;

import dev.gradsheet.engine.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation's forward value and backward step as spreadsheet formulas, in functions Excel,
 * LibreOffice and Google Sheets all have (IF, AND, EXP, LN, TANH, SQRT, ABS, SIGN, POWER, MAX, NA),
 * written as the engine computes them so the spreadsheet's numbers are GradSheet's: the same
 * operations in the same order, sigmoid and softplus that never overflow, the logits form of
 * cross-entropy, and a cell's gradient as the sum over its users of upstream × local derivative,
 * each user's term from {@link Op}'s local derivative.
 *
 * <p>Formulas name cells through {@link Refs}, so the same graph can be laid out as one row per cell
 * (the Cells sheet) or as one row per SGD step (the SGD sheet).
 */
final class SpreadsheetFormulas {
    /** Where a layout keeps each cell's numbers, as references a formula can use. */
    interface Refs {
        /** Cell {@code i}'s value. */
        String value(int i);

        /** Cell {@code i}'s gradient ∂objective/∂cell. */
        String grad(int i);

        /**
         * For a sigmoid cell feeding a logits-form {@code bce}: the gradient it passes on to its
         * argument, which leaves out what the {@code bce} shows on it (that part went straight to the
         * argument already).
         */
        String pass(int i);
    }

    private final ExportGraph graph;

    SpreadsheetFormulas(ExportGraph graph) {
        this.graph = graph;
    }

    /** Cell {@code i}'s value: a number for inputs, weights and constants, else a formula of its arguments. */
    Terms value(int i, Refs r) {
        Op op = graph.ops[i];
        int[] a = graph.args[i];
        if (op == Op.SUM || op == Op.MEAN) {
            List<String> terms = new ArrayList<>(a.length);
            for (int arg : a) {
                terms.add(r.value(arg));
            }
            // The engine adds the arguments in order, then divides: a chain of + does the same.
            return op == Op.SUM ? new Terms("", terms, "") : new Terms("(", terms, ")/" + a.length);
        }
        if (op == Op.BCE && graph.isFusedBce(i)) {
            // softplus(z) − t·z, exact for every finite z (the engine's logits form)
            String z = r.value(graph.args[a[0]][0]);
            String t = r.value(a[1]);
            return Terms.of("MAX(" + z + ",0)-" + t + "*" + z + "+" + log1p("EXP(-ABS(" + z + "))"));
        }
        return Terms.of(valueOf(op, r.value(i), arg(i, 0, r), arg(i, 1, r)));
    }

    /** The value formula of an operation with arguments {@code a}, {@code b} (null when absent). */
    static String valueOf(Op op, String self, String a, String b) {
        return switch (op) {
            case INPUT, WEIGHT, CONST -> throw new IllegalArgumentException(op + " is a number, not a formula");
            case COPY -> a;
            case ADD -> a + "+" + b;
            case SUB -> a + "-" + b;
            case MUL -> a + "*" + b;
            case DIV -> a + "/" + b;
            case NEG -> "-" + a;
            case SIGMOID -> sigmoid(a);
            case TANH -> "TANH(" + a + ")";
            case RELU -> "IF(" + a + ">0," + a + ",0)";
            case STEP -> "IF(" + a + ">" + b + ",1,0)";
            case EXP -> "EXP(" + a + ")";
            case LOG -> "LN(" + a + ")";
            case MSE -> "(" + a + "-" + b + ")*(" + a + "-" + b + ")";
            // −(t·ln p + (1 − t)·ln(1 − p)), a term left out where its factor is 0, as the engine does;
            // no loss (#N/A) where p is no probability, where the engine's is NaN
            case BCE -> "IF(AND(" + a + ">=0," + a + "<=1),-(IF(" + b + "=0,0," + b + "*LN(" + a + "))+IF(1-" + b
                    + "=0,0,(1-" + b + ")*LN(1-" + a + "))),NA())";
            case SUM, MEAN -> throw new IllegalArgumentException(op + " is a sum: see value()");
            case POW -> "POWER(" + a + "," + b + ")";
            case SQRT -> "SQRT(" + a + ")";
            case ABS -> "ABS(" + a + ")";
            case SOFTPLUS -> "MAX(" + a + ",0)+" + log1p("EXP(-ABS(" + a + "))");
            case LEAKY_RELU -> "IF(" + a + ">0," + a + "," + b + "*" + a + ")";
            case MAX -> "IF(" + a + ">=" + b + "," + a + "," + b + ")";
            case MIN -> "IF(" + a + "<=" + b + "," + a + "," + b + ")";
        };
    }

    /**
     * The local derivative ∂cell/∂argument {@code k} of an operation at arguments {@code a}, {@code b}
     * and value {@code self}, as a formula, for every op with arguments; null where it is 0
     * everywhere (step), so no term is written.
     */
    static String localOf(Op op, int k, int n, String self, String a, String b) {
        return switch (op) {
            case INPUT, WEIGHT, CONST -> throw new IllegalArgumentException(op + " has no arguments");
            case COPY, ADD, SUM -> "1";
            case SUB -> k == 0 ? "1" : "-1";
            case MUL -> k == 0 ? b : a;
            case DIV -> k == 0 ? "(1/" + b + ")" : "(-" + a + "/(" + b + "*" + b + "))";
            case NEG -> "-1";
            case SIGMOID -> self + "*(1-" + self + ")";
            case TANH -> "(1-" + self + "*" + self + ")";
            case RELU -> "IF(" + a + ">0,1,0)";
            case STEP -> null;
            case EXP -> self;
            case LOG -> "(1/" + a + ")";
            case MSE -> k == 0 ? "(2*(" + a + "-" + b + "))" : "(-(2*(" + a + "-" + b + ")))";
            case BCE -> k == 0 ? bceGradP(a, b) : "(" + log1p("-" + a) + "-LN(" + a + "))";
            case MEAN -> "(1/" + n + ")";
            case POW -> k == 0 ? "IF(" + b + "=0,0," + b + "*POWER(" + a + "," + b + "-1))"
                    : "IF(" + a + ">0," + self + "*LN(" + a + "),0)";
            case SQRT -> "(0.5/" + self + ")";
            case ABS -> "SIGN(" + a + ")";
            case SOFTPLUS -> sigmoid(a);
            case LEAKY_RELU -> k == 0 ? "IF(" + a + ">0,1," + b + ")" : "IF(" + a + ">0,0," + a + ")";
            case MAX -> k == 0 ? "IF(" + a + ">=" + b + ",1,0)" : "IF(" + a + ">=" + b + ",0,1)";
            case MIN -> k == 0 ? "IF(" + a + "<=" + b + ",1,0)" : "IF(" + a + "<=" + b + ",0,1)";
        };
    }

    /**
     * Cell {@code i}'s gradient: 1 for the objective; for a cell the objective depends on, the sum
     * over its users of upstream × local derivative (what the engine's backward pass adds into it);
     * 0 for any other cell.
     */
    Terms grad(int i, Refs r) {
        if (i == graph.objective) {
            return Terms.of("1");
        }
        if (!graph.feedsObjective[i]) {
            return Terms.of("0");
        }
        List<String> terms = passTerms(i, r);
        for (ExportGraph.Use u : graph.usesOf(i)) {
            if (graph.feedsObjective[u.user()] && u.position() == 0 && graph.isFusedBce(u.user())) {
                // what a logits-form bce shows on its sigmoid: ∂bce/∂p, not passed on
                int t = graph.args[u.user()][1];
                terms.add(r.grad(u.user()) + "*" + bceGradP(r.value(i), r.value(t)));
            }
        }
        return Terms.sum(terms);
    }

    /** Whether cell {@code i} needs a pass-on gradient of its own ({@link Refs#pass}). */
    boolean needsPass(int i) {
        return i != graph.objective && graph.hasFusedUser(i);
    }

    /** The gradient a sigmoid feeding a logits-form bce passes on: its users' terms but the bce's. */
    Terms pass(int i, Refs r) {
        return Terms.sum(passTerms(i, r));
    }

    private List<String> passTerms(int i, Refs r) {
        List<String> terms = new ArrayList<>();
        for (ExportGraph.Use u : graph.usesOf(i)) {
            int user = u.user();
            if (!graph.feedsObjective[user]) {
                continue;
            }
            if (graph.isFusedBce(user)) {
                if (u.position() == 1) { // the target: ∂(softplus(z) − t·z)/∂t = −z
                    terms.add("-" + r.grad(user) + "*" + r.value(graph.args[graph.args[user][0]][0]));
                }
                continue; // the probability's term is shown, not passed on (see grad)
            }
            String upstream = needsPass(user) ? r.pass(user) : r.grad(user);
            String local = localOf(graph.ops[user], u.position(), graph.args[user].length, r.value(user),
                    arg(user, 0, r), arg(user, 1, r));
            if (local != null) {
                terms.add(term(graph.ops[user], upstream, local, graph.args[user].length));
            }
        }
        // A sigmoid's argument z also gets σ(z) − t from each logits-form bce of that sigmoid, straight.
        for (ExportGraph.Use u : graph.usesOf(i)) {
            if (graph.ops[u.user()] == dev.gradsheet.engine.Op.SIGMOID) {
                int p = u.user();
                for (ExportGraph.Use v : graph.usesOf(p)) {
                    if (v.position() == 0 && graph.isFusedBce(v.user()) && graph.feedsObjective[v.user()]) {
                        String t = r.value(graph.args[v.user()][1]);
                        terms.add(r.grad(v.user()) + "*(" + sigmoid(r.value(i)) + "-" + t + ")");
                    }
                }
            }
        }
        return terms;
    }

    /**
     * upstream × local ({@code n}: the user's argument count). Where the local derivative can be infinite at finite arguments (a square root
     * at 0, a log or division at 0, pow, bce at p = 0 or 1), an upstream of exactly 0 gives 0, as the
     * engine skips a cell whose gradient is 0 instead of multiplying.
     */
    private static String term(Op op, String upstream, String local, int n) {
        return switch (op) {
            case DIV, LOG, SQRT, POW, BCE -> "IF(" + upstream + "=0,0," + upstream + "*" + local + ")";
            case MEAN -> upstream + "/" + n; // the engine divides the upstream by n
            default -> switch (local) {
                case "1" -> upstream;
                case "-1" -> "-" + upstream;
                default -> upstream + "*" + local;
            };
        };
    }

    /** Argument {@code k}'s value reference, the op's default for a left-out second argument, or null. */
    private String arg(int i, int k, Refs r) {
        int[] a = graph.args[i];
        if (k < a.length) {
            return r.value(a[k]);
        }
        double d = graph.ops[i].defaultSecond();
        return k == 1 && !Double.isNaN(d) ? number(d) : null;
    }

    /** A number as a formula literal, in parentheses when negative so it can follow any operator. */
    static String number(double v) {
        String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** σ(z) that never overflows: EXP only of a number ≤ 0, as the engine computes it. */
    static String sigmoid(String z) {
        return "IF(" + z + ">=0,1/(1+EXP(-" + z + ")),EXP(" + z + ")/(1+EXP(" + z + ")))";
    }

    /**
     * ln(1 + x) accurate for small x, where LN(1+x) loses digits (the programs have no LOG1P): three
     * terms of its series below 1e-4 (error under 1e-12 relative), LN(1+x) above.
     */
    static String log1p(String x) {
        return "IF(ABS(" + x + ")<0.0001," + x + "*(1-" + x + "*(0.5-" + x + "/3)),LN(1+" + x + "))";
    }

    /** ∂bce/∂p = (p − t)/(p(1 − p)). */
    private static String bceGradP(String p, String t) {
        return "((" + p + "-" + t + ")/(" + p + "*(1-" + p + ")))";
    }
}
