package dev.gradsheet.engine;

import java.util.List;

/**
 * A parsed formula: the syntax tree {@link FormulaParser} makes and {@link Lowering} turns into cells.
 * Every node knows the 1-based column where it starts, so errors can point at it.
 */
public sealed interface Expr {
    int column();

    /** A numeric literal. */
    record Num(double value, int column) implements Expr {
    }

    /** A reference to another cell by name. */
    record Ref(String name, int column) implements Expr {
    }

    /** Unary minus. */
    record Neg(Expr arg, int column) implements Expr {
    }

    /** One of + − × ÷. */
    record Binary(Op op, Expr left, Expr right, int column) implements Expr {
    }

    /** A function call such as {@code sigmoid(a)} or {@code input(2)}. */
    record Call(Op op, List<Expr> args, int column) implements Expr {
    }

    /** The literal value of {@code e} when it is a number or a negated number, else NaN. */
    static double literal(Expr e) {
        if (e instanceof Num n) {
            return n.value();
        }
        if (e instanceof Neg neg && neg.arg() instanceof Num n) {
            return -n.value();
        }
        return Double.NaN;
    }

    static boolean isLiteral(Expr e) {
        return e instanceof Num || (e instanceof Neg neg && neg.arg() instanceof Num);
    }
}
