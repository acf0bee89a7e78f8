package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one cell's parsed formula into cells. A formula of one operation becomes that cell's op; a
 * compound one such as {@code f = (x + y) * z} gets an intermediate cell for every inner operation and
 * literal, named after the root with a dot and a number in evaluation order ({@code f.1 = x + y}), so
 * every step of the lesson's computation graph shows its own value and gradient. Generated names
 * contain a dot, which user names cannot, so they never collide.
 */
final class Lowering {
    /** Maps a name a formula uses to a cell id, or explains why it cannot. */
    interface Resolver {
        int resolve(String name, int column) throws FormulaException;
    }

    /** One cell to create or define: {@code args} holds ids, or {@code -(k + 1)} for generated cell k. */
    record Step(Op op, int[] args, double value) {
    }

    /** The cells a formula needs: generated steps in evaluation order, then the root's own step. */
    record Plan(List<Step> generated, Step root) {
    }

    private final Resolver resolver;
    private final List<Step> generated = new ArrayList<>();

    private Lowering(Resolver resolver) {
        this.resolver = resolver;
    }

    static Plan lower(Expr e, Resolver resolver) throws FormulaException {
        Lowering l = new Lowering(resolver);
        Step root = l.rootStep(e);
        return new Plan(l.generated, root);
    }

    private Step rootStep(Expr e) throws FormulaException {
        if (Expr.isLiteral(e)) {
            return new Step(Op.INPUT, new int[0], Expr.literal(e));
        }
        if (e instanceof Expr.Call c && (c.op() == Op.INPUT || c.op() == Op.WEIGHT)) {
            Expr arg = c.args().get(0);
            if (!Expr.isLiteral(arg)) {
                throw new FormulaException(arg.column(), c.op().label() + "(...) takes a number");
            }
            return new Step(c.op(), new int[0], Expr.literal(arg));
        }
        if (e instanceof Expr.Ref r) {
            return new Step(Op.COPY, new int[] {resolver.resolve(r.name(), r.column())}, 0);
        }
        return operation(e);
    }

    /** The step of a non-leaf node, its operands turned into references. */
    private Step operation(Expr e) throws FormulaException {
        if (e instanceof Expr.Neg n) {
            return new Step(Op.NEG, new int[] {operand(n.arg())}, 0);
        }
        if (e instanceof Expr.Binary b) {
            int left = operand(b.left());
            return new Step(b.op(), new int[] {left, operand(b.right())}, 0);
        }
        Expr.Call c = (Expr.Call) e;
        if (c.op() == Op.INPUT || c.op() == Op.WEIGHT) {
            throw new FormulaException(c.column(), c.op().label() + "(...) must be the whole formula");
        }
        int[] args = new int[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = operand(c.args().get(i));
        }
        return new Step(c.op(), args, 0);
    }

    /** A reference to an operand: the named cell, or a new generated cell for anything else. */
    private int operand(Expr e) throws FormulaException {
        if (e instanceof Expr.Ref r) {
            return resolver.resolve(r.name(), r.column());
        }
        Step step = Expr.isLiteral(e) ? new Step(Op.CONST, new int[0], Expr.literal(e)) : operation(e);
        generated.add(step);
        return -generated.size();
    }
}
