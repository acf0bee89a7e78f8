package dev.gradsheet.engine;

/**
 * A snapshot of one cell as a sheet shows it: an immutable value, read under the sheet's lock.
 *
 * @param name      unique name; generated intermediate cells are named {@code root.k}
 * @param kind      {@code input}, {@code weight}, {@code const}, {@code copy} or the operation
 *                  ({@code add}, {@code mul}, {@code sigmoid}, {@code mse}, ...)
 * @param formula   the formula as text, with generated steps written inline
 * @param value     the forward value
 * @param grad      ∂objective/∂cell
 * @param generated whether the cell is an intermediate step of another cell's formula
 * @param owner     the user cell the formula belongs to (the cell itself unless generated)
 */
public record Cell(String name, String kind, String formula, double value, double grad,
                   boolean generated, String owner) {

    public boolean isInput() {
        return kind.equals(Op.INPUT.label());
    }

    public boolean isWeight() {
        return kind.equals(Op.WEIGHT.label());
    }

    /**
     * Whether this is a sigmoid cell whose derivative σ′ = σ(1 − σ) is below
     * {@link Activation#SATURATION}: whatever flows back through it is nearly zeroed (item 10).
     */
    public boolean isSaturated() {
        return kind.equals(Op.SIGMOID.label()) && sigmoidSlope() < Activation.SATURATION;
    }

    /** σ′ = σ(1 − σ) of a sigmoid cell at its value, from sigmoid's definition in {@link Op}. */
    public double sigmoidSlope() {
        return Op.SIGMOID.local(0, 0, 0, value, 1);
    }

    /** Whether the cell's value is set directly (input or weight) rather than computed. */
    public boolean isEditableValue() {
        return isInput() || isWeight();
    }

    /**
     * This cell with new numbers, as a change set lists them: an input's or weight's formula, which
     * states its value, follows it; everything else about the cell stays.
     */
    public Cell withNumbers(double newValue, double newGrad) {
        String text = isEditableValue() ? kind + "(" + Numbers.exact(newValue) + ")" : formula;
        return new Cell(name, kind, text, newValue, newGrad, generated, owner);
    }
}
