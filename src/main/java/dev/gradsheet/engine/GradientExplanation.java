package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a cell has the gradient it has, as the chain rule computed it (lesson item 8): the sum, over
 * the cells that use it, of the user's gradient (upstream) times the local derivative of the user
 * with respect to this cell, e.g. {@code dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16}.
 *
 * @param cell      the cell explained
 * @param objective the objective's name
 * @param grad      the cell's gradient ∂objective/∂cell
 * @param terms     one term per user cell
 * @param note      a remark for special cases (the objective itself, a fused loss), or empty
 * @param noteKind  which remark {@code note} is, with its cells in {@code noteCells}, so a view can say it
 *                  in its own language
 * @param noteCells the remark's cells (see {@link Note})
 */
public record GradientExplanation(String cell, String objective, double grad, List<Term> terms, String note,
                                  Note noteKind, List<String> noteCells) {
    /** The special cases a remark is about. */
    public enum Note {
        /** No remark. No cells. */
        NONE,
        /** The cell is the objective. Cells: the cell. */
        OBJECTIVE,
        /** A user is a bce fused with its sigmoid (logits form). Cells: the bce. */
        FUSED,
        /** The cell is a sigmoid's input whose bce is fused. Cells: the bce, the sigmoid, the cell. */
        LOGITS
    }

    /**
     * One path of the chain rule: {@code upstream × local = product}.
     *
     * @param user     the cell using this one
     * @param op       the user's operation
     * @param upstream ∂objective/∂user
     * @param local    ∂user/∂cell
     * @param rule     the operation's rule in words
     * @param logits   whether this is the fused cross-entropy's term in logits form (its rule is not an {@link Op}'s)
     */
    public record Term(String user, String op, double upstream, double local, String rule, boolean logits) {
        public double product() {
            return upstream * local;
        }
    }

    /** The chain rule written out with numbers: {@code dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16}. */
    public String equation() {
        String lhs = "d" + objective + "/d" + cell;
        if (objective.equals(cell)) {
            return lhs + " = 1";
        }
        if (terms.isEmpty()) {
            return lhs + " = 0 (no cell uses " + cell + ")";
        }
        StringBuilder symbols = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        for (Term t : terms) {
            if (!symbols.isEmpty()) {
                symbols.append(" + ");
                numbers.append(" + ");
            }
            symbols.append("d").append(objective).append("/d").append(t.user())
                    .append(" · ∂").append(t.user()).append("/∂").append(cell);
            numbers.append('(').append(Numbers.readable(t.upstream(), 6)).append(")·(")
                    .append(Numbers.readable(t.local(), 6)).append(')');
        }
        return lhs + " = " + symbols + " = " + numbers + " = " + Numbers.readable(grad, 6);
    }

    /**
     * How many terms {@link #of} lists for {@code id}, without building them: the grid's "Local ∂"
     * column needs only the count when a cell has several users (a weight of a 512-wide
     * layer has 512, and naming each on every change of a big sheet cost tens of milliseconds).
     */
    static int termCount(Graph g, int id) {
        if (id == g.objective) {
            return 0;
        }
        int[] users = g.usersOf(id);
        int count = 0;
        for (int i = 0; i < users.length; i++) {
            int u = users[i];
            if (i > 0 && users[i - 1] == u) {
                continue; // as in of(): a cell using this one twice is one term
            }
            count++;
            if (g.op[u] == Kernel.SIGMOID) {
                for (int b : g.usersOf(u)) {
                    if (g.isFused(b) && g.arg(b, 0) == u) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    static GradientExplanation of(Graph g, int id) {
        String objective = g.objective < 0 ? "?" : g.names.nameOf(g.objective);
        String name = g.names.nameOf(id);
        List<Term> terms = new ArrayList<>();
        String note = "";
        Note kind = Note.NONE;
        List<String> noteCells = List.of();
        if (id == g.objective) {
            note = name + " is the objective: its gradient with respect to itself is 1.";
            kind = Note.OBJECTIVE;
            noteCells = List.of(name);
        } else {
            int[] users = g.usersOf(id);
            for (int i = 0; i < users.length; i++) {
                int u = users[i];
                if (i > 0 && users[i - 1] == u) {
                    continue; // a cell using this one twice (x * x) is one term with both derivatives
                }
                double local = 0;
                for (int k = 0; k < g.argCount[u]; k++) {
                    if (g.arg(u, k) == id) {
                        local += Kernel.localDerivative(g, u, k);
                    }
                }
                if (g.isFused(u)) {
                    note = g.names.nameOf(u) + " computes cross-entropy in logits form: its gradient goes straight"
                            + " to the sigmoid's input as σ(z) − t, and the " + g.names.nameOf(u) + " term here is"
                            + " shown but not passed on through the sigmoid.";
                    kind = Note.FUSED;
                    noteCells = List.of(g.names.nameOf(u));
                }
                // What flows on through a sigmoid read by a fused bce excludes that bce's share, which
                // went straight to the sigmoid's input (see the logits term below).
                double upstream = g.gradOf(u) - g.fusedGradientOf(u);
                terms.add(new Term(g.names.nameOf(u), g.opOf(u).label(), upstream, local, rule(g.opOf(u)), false));
                if (g.op[u] == Kernel.SIGMOID) {
                    for (int b : g.usersOf(u)) {
                        if (g.isFused(b) && g.arg(b, 0) == u) {
                            double sigma = g.valueOf(u);
                            terms.add(new Term(g.names.nameOf(b), g.opOf(b).label(), g.gradOf(b),
                                    sigma - g.valueOf(g.arg(b, 1)),
                                    "cross-entropy of a sigmoid, in logits form: ∂/∂z = σ(z) − t", true));
                            note = g.names.nameOf(b) + " computes cross-entropy of " + g.names.nameOf(u)
                                    + " in logits form: its gradient reaches " + name + " directly as σ(z) − t,"
                                    + " exact even where σ saturates.";
                            kind = Note.LOGITS;
                            noteCells = List.of(g.names.nameOf(b), g.names.nameOf(u), name);
                        }
                    }
                }
            }
        }
        return new GradientExplanation(name, objective, g.gradOf(id), terms, note, kind, noteCells);
    }

    /** Each operation's backward rule, in the lesson's words (defined with the op, in {@link Op}). */
    static String rule(Op op) {
        return op.rule();
    }
}
