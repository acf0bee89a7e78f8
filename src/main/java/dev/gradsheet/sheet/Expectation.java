package dev.gradsheet.sheet;

import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;

/**
 * One claim about a sheet, as a student writes it by hand: {@code @expect z.grad = -12} claims that
 * ∂objective/∂z is −12, {@code @expect f = -12} that f's value is −12. Any cell may be named,
 * generated ones included ({@code @expect f.1.grad = 16}).
 *
 * @param cell     the cell's name
 * @param quantity whether the claim is about the value or the gradient
 * @param claimed  the claimed number
 * @param line     the 1-based line of the claim in its file (0 when it was not read from a file)
 * @param column   the 1-based column where the cell's name starts (0 when not read from a file)
 */
public record Expectation(String cell, Quantity quantity, double claimed, int line, int column) {
    /** The tolerance when neither the file ({@code @tolerance}) nor the run ({@code --tolerance}) sets one. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    /** What a claim is about. */
    public enum Quantity {
        VALUE, GRAD
    }

    /** A claim made in the web sheet or by code, not read from a file. */
    public Expectation(String cell, Quantity quantity, double claimed) {
        this(cell, quantity, claimed, 0, 0);
    }

    /**
     * The one tolerance rule for every claim: it holds when |computed − claimed| ≤ tolerance ·
     * max(1, |claimed|) — relative for big numbers, absolute below 1 so that a claim of 0 can hold.
     * NaN or infinite computed numbers never hold.
     */
    public static boolean holds(double computed, double claimed, double tolerance) {
        return Double.isFinite(computed) && Math.abs(computed - claimed) <= tolerance * Math.max(1, Math.abs(claimed));
    }

    /**
     * The claim's target as written after {@code @expect}: {@code z.grad} or {@code f}. A target
     * ending in {@code .grad} is about the gradient (generated names end in digits, so never clash).
     */
    public String target() {
        return quantity == Quantity.GRAD ? cell + ".grad" : cell;
    }

    /** Parses a target ({@code z.grad}, {@code f}, {@code f.value}) into cell and quantity. */
    public static Expectation of(String target, double claimed, int line, int column) {
        if (target.endsWith(".grad")) {
            return new Expectation(target.substring(0, target.length() - 5), Quantity.GRAD, claimed, line, column);
        }
        if (target.endsWith(".value")) {
            return new Expectation(target.substring(0, target.length() - 6), Quantity.VALUE, claimed, line, column);
        }
        return new Expectation(target, Quantity.VALUE, claimed, line, column);
    }

    /** The claim as a {@code .sheet} line, without the newline: {@code @expect z.grad = -12}. */
    public String toLine() {
        return "@expect " + target() + " = " + Numbers.exact(claimed);
    }

    /** Checks this claim against the sheet as it is now; a cell the sheet lacks gives a failed result. */
    public Result check(Sheet sheet, double tolerance) {
        double computed = sheet.cell(cell)
                .map(c -> quantity == Quantity.GRAD ? c.grad() : c.value())
                .orElse(Double.NaN);
        return new Result(this, computed, tolerance, holds(computed, claimed, tolerance));
    }

    /**
     * A checked claim.
     *
     * @param expectation the claim
     * @param computed    what the sheet computed (NaN when the cell does not exist)
     * @param tolerance   the tolerance it was checked with
     * @param holds       whether {@link #holds(double, double, double)} accepted it
     */
    public record Result(Expectation expectation, double computed, double tolerance, boolean holds) {
        /** Whether the claimed cell is missing from the sheet. */
        public boolean missing() {
            return Double.isNaN(computed);
        }
    }
}
