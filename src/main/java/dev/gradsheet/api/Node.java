package dev.gradsheet.api;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.Numbers;
import io.reactivex.rxjava3.core.Observable;
import java.util.List;

/**
 * One node of a {@link GradSheet}'s computation graph: an input, a weight, or an operation on other
 * nodes. Combine nodes the way the lesson writes them, {@code x.plus(y).times(z)}, then read
 * {@link #value()} and {@link #grad()} (∂objective/∂node) or subscribe to {@link #values()} and
 * {@link #grads()}.
 *
 * <p>Every operation becomes a cell of its own, with its own value and gradient, as in the lesson's
 * computation graph. A node made by an operation becomes a cell as soon as it is needed (used by
 * another node, read, observed or named), so {@code x.plus(y).named("q")} adds the cell
 * {@code q = x + y}, and {@code x.plus(y).times(z)} adds {@code add_1 = x + y} and uses it. A node
 * never named gets a generated name such as {@code mul_2}.
 *
 * <p>A node refers to its cell by name. Deleting the cell, or undoing the edit that added or renamed
 * it, leaves the node pointing at a name the sheet no longer has: using it then throws
 * {@link dev.gradsheet.engine.EditRefusedException} ("unknown cell").
 */
public final class Node {
    private final GradSheet owner;
    /** The cell's name, or null while the node is an operation not yet added to the sheet. */
    private String name;
    /** For a pending operation: the function or operator and its operands (nodes or numbers). */
    private final String op;
    private final Object[] operands;

    /** A node for an existing cell. */
    Node(GradSheet owner, String name) {
        this.owner = owner;
        this.name = name;
        this.op = null;
        this.operands = null;
    }

    /** A pending operation; it becomes a cell when first needed. */
    private Node(GradSheet owner, String op, Object... operands) {
        this.owner = owner;
        this.op = op;
        this.operands = operands;
        for (Object o : operands) {
            if (o instanceof Node n && n.owner != owner) {
                throw new IllegalArgumentException("cannot combine nodes of two different sheets");
            }
        }
    }

    // ---- building ------------------------------------------------------------------------------

    /**
     * {@code this + other}.
     *
     * @param other another node of this sheet
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node plus(Node other) {
        return new Node(owner, "+", this, other);
    }

    /**
     * {@code this + number}.
     *
     * @param number a finite number
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node plus(double number) {
        return new Node(owner, "+", this, number);
    }

    /**
     * {@code this - other}.
     *
     * @param other another node of this sheet
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node minus(Node other) {
        return new Node(owner, "-", this, other);
    }

    /**
     * {@code this - number}.
     *
     * @param number a finite number
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node minus(double number) {
        return new Node(owner, "-", this, number);
    }

    /**
     * {@code this * other}.
     *
     * @param other another node of this sheet
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node times(Node other) {
        return new Node(owner, "*", this, other);
    }

    /**
     * {@code this * number}.
     *
     * @param number a finite number
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node times(double number) {
        return new Node(owner, "*", this, number);
    }

    /**
     * {@code this / other}.
     *
     * @param other another node of this sheet
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node div(Node other) {
        return new Node(owner, "/", this, other);
    }

    /**
     * {@code this / number}.
     *
     * @param number a finite number
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node div(double number) {
        return new Node(owner, "/", this, number);
    }

    /**
     * {@code -this}.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node neg() {
        return new Node(owner, "neg", this);
    }

    /**
     * σ(this) = 1 / (1 + e^−this).
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node sigmoid() {
        return new Node(owner, "sigmoid", this);
    }

    /**
     * tanh(this).
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node tanh() {
        return new Node(owner, "tanh", this);
    }

    /**
     * max(0, this); its gradient is 0 at 0.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node relu() {
        return new Node(owner, "relu", this);
    }

    /**
     * 1 where this &gt; 0, else 0: the lesson's step neuron; its gradient is 0 everywhere.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node step() {
        return new Node(owner, "step", this);
    }

    /**
     * 1 where this &gt; theta, else 0.
     *
     * @param theta the threshold θ
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node step(double theta) {
        return new Node(owner, "step", this, theta);
    }

    /**
     * e^this.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node exp() {
        return new Node(owner, "exp", this);
    }

    /**
     * ln(this).
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node log() {
        return new Node(owner, "log", this);
    }

    /**
     * Squared error of this prediction against {@code target}: (this − target)².
     *
     * @param target the target
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node mse(Node target) {
        return new Node(owner, "mse", this, target);
    }

    /**
     * Squared error of this prediction against a number.
     *
     * @param target the target
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node mse(double target) {
        return new Node(owner, "mse", this, target);
    }

    /**
     * Binary cross-entropy of this prediction (a probability) against {@code target} (0 or 1).
     *
     * @param target the target
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node bce(Node target) {
        return new Node(owner, "bce", this, target);
    }

    /**
     * this^k; both are differentiable (∂/∂k = this^k·ln this for this &gt; 0).
     *
     * @param k the exponent
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node pow(Node k) {
        return new Node(owner, "pow", this, k);
    }

    /**
     * this^k for a number k.
     *
     * @param k the exponent
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node pow(double k) {
        return new Node(owner, "pow", this, k);
    }

    /**
     * √this.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node sqrt() {
        return new Node(owner, "sqrt", this);
    }

    /**
     * |this|; its gradient is 0 at 0.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node abs() {
        return new Node(owner, "abs", this);
    }

    /**
     * ln(1 + e^this), exact for every finite value.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node softplus() {
        return new Node(owner, "softplus", this);
    }

    /**
     * this where positive, else 0.01·this.
     *
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node leakyRelu() {
        return new Node(owner, "leaky_relu", this);
    }

    /**
     * this where positive, else slope·this.
     *
     * @param slope the slope below 0
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node leakyRelu(double slope) {
        return new Node(owner, "leaky_relu", this, slope);
    }

    /**
     * The larger of this and {@code other}; the gradient goes to it (to this at a tie).
     *
     * @param other the other node
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node max(Node other) {
        return new Node(owner, "max", this, other);
    }

    /**
     * The smaller of this and {@code other}; the gradient goes to it (to this at a tie).
     *
     * @param other the other node
     * @return the pending operation; it becomes a cell when first needed
     */
    public Node min(Node other) {
        return new Node(owner, "min", this, other);
    }

    /** The sum of nodes, as one cell. */
    static Node sum(GradSheet owner, List<Node> nodes) {
        return new Node(owner, "sum", nodes.toArray());
    }

    /** The mean of nodes, as one cell. */
    static Node mean(GradSheet owner, List<Node> nodes) {
        return new Node(owner, "mean", nodes.toArray());
    }

    /**
     * Gives this node's cell a name: a pending operation is added under it; a cell that already has
     * a name is renamed (one undoable edit). Returns this node.
     *
     * @param newName letters, digits and {@code _}, not starting with a digit
     * @return this node
     */
    public Node named(String newName) {
        if (name == null) {
            // Checked before the operands become cells, so a refused name changes nothing.
            owner.requireFreeName(newName);
            owner.add(newName, formula());
            name = newName;
        } else if (!name.equals(newName)) {
            owner.sheet().rename(name, newName);
            name = newName;
        }
        return this;
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * The cell's name (a pending operation is added to the sheet under a generated name first).
     *
     * @return the name
     */
    public String name() {
        if (name == null) {
            String formula = formula();
            name = owner.add(owner.freshName(opLabel()), formula);
        }
        return name;
    }

    /**
     * The forward value.
     *
     * @return the value
     */
    public double value() {
        return owner.sheet().value(name());
    }

    /**
     * The gradient ∂objective/∂node (0 when the objective does not depend on it).
     *
     * @return the gradient
     */
    public double grad() {
        return owner.sheet().grad(name());
    }

    /**
     * The cell as the sheet shows it: name, kind, formula, value and gradient, read together.
     *
     * @return a snapshot of the cell
     */
    public Cell cell() {
        String n = name();
        return owner.sheet().cell(n).orElseThrow();
    }

    /**
     * The chain rule that gave this node its gradient, with numbers, e.g.
     * {@code dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12}.
     *
     * @return the equation
     */
    public String why() {
        return explain().equation();
    }

    /**
     * The chain rule that gave this node its gradient, term by term.
     *
     * @return the explanation
     */
    public GradientExplanation explain() {
        return owner.sheet().explain(name());
    }

    /**
     * The value as a stream. The subscriber contract is {@link GradSheet}'s: the current value on
     * subscribe, then the new value at most once per edit (only when it changed), after the whole
     * edit has settled, on the editing thread; completes when the cell is deleted.
     *
     * @return the values, current one first
     */
    public Observable<Double> values() {
        return owner.sheet().valueOf(name());
    }

    /**
     * The gradient ∂objective/∂node as a stream, with the same contract as {@link #values()}.
     *
     * @return the gradients, current one first
     */
    public Observable<Double> grads() {
        return owner.sheet().gradOf(name());
    }

    // ---- editing -------------------------------------------------------------------------------

    /**
     * Sets an input's or weight's value: one edit, one undo step; every value and gradient that
     * depends on it is recomputed before subscribers are told.
     *
     * @param v the new value, a finite number
     * @return this node
     * @throws dev.gradsheet.engine.EditRefusedException if the node is computed by a formula
     */
    public Node set(double v) {
        owner.sheet().setValue(name(), v);
        return this;
    }

    /** Deletes the cell (refused while other cells use it); its streams complete. */
    public void delete() {
        owner.sheet().delete(name());
    }

    /**
     * The sheet this node belongs to.
     *
     * @return the sheet
     */
    public GradSheet sheet() {
        return owner;
    }

    /** {@code name = formula (value v, grad g)}, or the pending formula. */
    @Override
    public String toString() {
        if (name == null) {
            return formula() + " (not yet a cell)";
        }
        Cell c = owner.sheet().cell(name).orElse(null);
        if (c == null) {
            return name + " (no longer in the sheet)";
        }
        return c.name() + " = " + c.formula() + " (value " + Numbers.readable(c.value(), 6)
                + ", grad " + Numbers.readable(c.grad(), 6) + ")";
    }

    // ---- formula text --------------------------------------------------------------------------

    /** The formula of a pending operation, over its operands' cell names. */
    private String formula() {
        String[] args = new String[operands.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = operands[i] instanceof Node n ? n.name() : number((Double) operands[i]);
        }
        return switch (op) {
            case "+", "-", "*", "/" -> args[0] + " " + op + " " + args[1];
            case "neg" -> "-" + args[0];
            default -> op + "(" + String.join(", ", args) + ")";
        };
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("numbers in formulas must be finite, not " + v);
        }
        String s = Numbers.exact(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** The prefix of a generated name: add, sub, mul, div, neg, sigmoid, ... */
    private String opLabel() {
        return switch (op) {
            case "+" -> "add";
            case "-" -> "sub";
            case "*" -> "mul";
            case "/" -> "div";
            default -> op;
        };
    }
}
