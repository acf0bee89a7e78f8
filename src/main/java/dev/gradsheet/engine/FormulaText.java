package dev.gradsheet.engine;

/**
 * Writes a cell's formula back as text, with the cell's generated intermediate steps inline, so
 * {@code f = (x + y) * z} reads as the user typed it and parses back to the same cells.
 */
final class FormulaText {
    private FormulaText() {
    }

    /**
     * A user cell's formula with its generated steps inline ({@code (x + y) * z}); a generated cell's
     * own step with its arguments by name ({@code f.1 * z}), which shows the graph's structure.
     */
    static String of(Graph g, int id) {
        Op op = g.opOf(id);
        if (op == Op.INPUT || op == Op.WEIGHT) {
            return op.label() + "(" + Numbers.exact(g.value[id]) + ")";
        }
        StringBuilder out = new StringBuilder();
        write(g, id, out, !g.isGenerated(id));
        return out.toString();
    }

    /**
     * Writes {@link #of} into {@code out} when the formula has no generated step to write inline
     * (every cell of a formula of one operation, and every generated cell), returning true; else
     * writes nothing and returns false. The same text as {@link #of} without building a String.
     */
    static boolean writeFlat(Graph g, int id, AsciiText out) {
        Op op = g.opOf(id);
        if (op == Op.INPUT || op == Op.WEIGHT) {
            out.append(op.label());
            out.append('(');
            out.append(Numbers.exact(g.value[id]));
            out.append(')');
            return true;
        }
        if (op == Op.CONST) {
            out.append(Numbers.exact(g.value[id]));
            return true;
        }
        int n = g.argCount[id];
        if (!g.isGenerated(id)) {
            for (int k = 0; k < n; k++) {
                if (g.isGenerated(g.arg(id, k))) {
                    return false;
                }
            }
        }
        switch (op) {
            case COPY -> out.appendName(g.names, g.arg(id, 0));
            case NEG -> {
                out.append('-');
                out.appendName(g.names, g.arg(id, 0));
            }
            case ADD, SUB, MUL, DIV -> {
                out.appendName(g.names, g.arg(id, 0));
                out.append(' ');
                out.append(op.symbol());
                out.append(' ');
                out.appendName(g.names, g.arg(id, 1));
            }
            default -> {
                out.append(op.label());
                out.append('(');
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        out.append(", ");
                    }
                    out.appendName(g.names, g.arg(id, k));
                }
                out.append(')');
            }
        }
        return true;
    }

    private static void write(Graph g, int id, StringBuilder out, boolean inline) {
        Op op = g.opOf(id);
        switch (op) {
            case CONST, INPUT, WEIGHT -> out.append(Numbers.exact(g.value[id]));
            case COPY -> operand(g, g.arg(id, 0), 0, out, inline);
            case NEG -> {
                out.append('-');
                operand(g, g.arg(id, 0), 3, out, inline);
            }
            case ADD, SUB, MUL, DIV -> {
                int prec = precedence(op);
                operand(g, g.arg(id, 0), prec, out, inline);
                out.append(' ').append(op.symbol()).append(' ');
                operand(g, g.arg(id, 1), prec + 1, out, inline); // a - (b - c) keeps its parentheses
            }
            default -> {
                out.append(op.label()).append('(');
                for (int k = 0; k < g.argCount[id]; k++) {
                    if (k > 0) {
                        out.append(", ");
                    }
                    operand(g, g.arg(id, k), 0, out, inline);
                }
                out.append(')');
            }
        }
    }

    /** An argument: a name, or a generated step written inline, in parentheses when it binds looser. */
    private static void operand(Graph g, int arg, int minPrecedence, StringBuilder out, boolean inline) {
        if (!inline || !g.isGenerated(arg)) {
            out.append(g.names.nameOf(arg));
            return;
        }
        Op op = g.opOf(arg);
        int prec = op == Op.CONST ? (g.value[arg] < 0 || (g.value[arg] == 0 && 1 / g.value[arg] < 0) ? 3 : 4)
                : precedence(op);
        boolean parens = prec < minPrecedence;
        if (parens) {
            out.append('(');
        }
        write(g, arg, out, true);
        if (parens) {
            out.append(')');
        }
    }

    private static int precedence(Op op) {
        return switch (op) {
            case ADD, SUB -> 1;
            case MUL, DIV -> 2;
            case NEG -> 3;
            default -> 4;
        };
    }
}
