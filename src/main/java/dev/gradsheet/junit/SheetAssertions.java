package dev.gradsheet.junit;



import dev.gradsheet.api.GradSheet;
import dev.gradsheet.api.Node;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 assertions for gradient homework: check a cell's value or gradient against a number
 * computed by hand, with the tolerance rule of {@code @expect} claims — a claim holds when
 * |computed − claimed| ≤ tolerance · max(1, |claimed|), tolerance 1e-3 unless given. A failure
 * teaches: it shows the computed and the claimed number and how the sheet got its number, for a
 * gradient the chain rule with numbers:
 * <pre>
 * gradient of z: computed -12, claimed -11 (off by 1; allowed 0.011 = 0.001 · max(1, |-11|))
 *   dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12
 *   f = q * z: × multiplies it by the other input
 * </pre>
 * {@link #assertClaims(Path)} reads a student's {@code .sheet} file and checks all its
 * {@code @expect} claims in one call.
 *
 * <p>Failures are {@link AssertionFailedError}s carrying the claimed (expected) and computed (actual)
 * numbers, so JUnit 5 and IDEs show both; that is this class's only dependency beyond the library
 * (opentest4j, which every JUnit 5 test classpath has).
 */
public final class SheetAssertions {
    /** The tolerance of {@code @expect} claims when none is given. */
    public static final double DEFAULT_TOLERANCE = Expectation.DEFAULT_TOLERANCE;

    private SheetAssertions() {
    }

    // ---- gradients -----------------------------------------------------------------------------

    /**
     * Asserts that ∂objective/∂{@code cell} is {@code claimed}, within the default tolerance.
     *
     * @param sheet   the sheet
     * @param cell    the cell's name (generated ones too: {@code "f.1"})
     * @param claimed the hand-computed gradient
     */
    public static void assertGradient(GradSheet sheet, String cell, double claimed) {
        assertGradient(sheet.sheet(), cell, claimed, DEFAULT_TOLERANCE);
    }

    /**
     * Asserts that ∂objective/∂{@code node} is {@code claimed}, within the default tolerance.
     *
     * @param node    the node
     * @param claimed the hand-computed gradient
     */
    public static void assertGradient(Node node, double claimed) {
        assertGradient(node.sheet().sheet(), node.name(), claimed, DEFAULT_TOLERANCE);
    }

    /**
     * Asserts that ∂objective/∂{@code cell} is {@code claimed}, within the default tolerance.
     *
     * @param sheet   the engine sheet
     * @param cell    the cell's name
     * @param claimed the hand-computed gradient
     */
    public static void assertGradient(Sheet sheet, String cell, double claimed) {
        assertGradient(sheet, cell, claimed, DEFAULT_TOLERANCE);
    }

    /**
     * Asserts that ∂objective/∂{@code cell} is {@code claimed}, within {@code tolerance}.
     *
     * @param sheet     the engine sheet
     * @param cell      the cell's name
     * @param claimed   the hand-computed gradient
     * @param tolerance the claim holds when |computed − claimed| ≤ tolerance · max(1, |claimed|)
     */
    public static void assertGradient(Sheet sheet, String cell, double claimed, double tolerance) {
        failIf(sheet, cell, Expectation.Quantity.GRAD, claimed, tolerance);
    }

    // ---- values --------------------------------------------------------------------------------

    /**
     * Asserts that {@code cell}'s value is {@code claimed}, within the default tolerance.
     *
     * @param sheet   the sheet
     * @param cell    the cell's name
     * @param claimed the hand-computed value
     */
    public static void assertValue(GradSheet sheet, String cell, double claimed) {
        assertValue(sheet.sheet(), cell, claimed, DEFAULT_TOLERANCE);
    }

    /**
     * Asserts that {@code node}'s value is {@code claimed}, within the default tolerance.
     *
     * @param node    the node
     * @param claimed the hand-computed value
     */
    public static void assertValue(Node node, double claimed) {
        assertValue(node.sheet().sheet(), node.name(), claimed, DEFAULT_TOLERANCE);
    }

    /**
     * Asserts that {@code cell}'s value is {@code claimed}, within the default tolerance.
     *
     * @param sheet   the engine sheet
     * @param cell    the cell's name
     * @param claimed the hand-computed value
     */
    public static void assertValue(Sheet sheet, String cell, double claimed) {
        assertValue(sheet, cell, claimed, DEFAULT_TOLERANCE);
    }

    /**
     * Asserts that {@code cell}'s value is {@code claimed}, within {@code tolerance}.
     *
     * @param sheet     the engine sheet
     * @param cell      the cell's name
     * @param claimed   the hand-computed value
     * @param tolerance the claim holds when |computed − claimed| ≤ tolerance · max(1, |claimed|)
     */
    public static void assertValue(Sheet sheet, String cell, double claimed, double tolerance) {
        failIf(sheet, cell, Expectation.Quantity.VALUE, claimed, tolerance);
    }

    // ---- a student's .sheet file ---------------------------------------------------------------

    /**
     * Reads a {@code .sheet} file and checks every {@code @expect} claim in it with the file's
     * {@code @tolerance} (else 1e-3): one call grades a student's hand-computed gradients. Fails
     * listing every claim that does not hold, each with the chain-rule explanation; fails with the
     * file's {@code FILE:LINE:COL} problems if it cannot be read, and if it makes no claim at all.
     *
     * @param file the student's sheet
     * @return every claim checked, all holding
     */
    public static List<Expectation.Result> assertClaims(Path file) {
        return assertClaims(file, Double.NaN);
    }

    /**
     * Like {@link #assertClaims(Path)}, with a tolerance that wins over the file's.
     *
     * @param file      the student's sheet
     * @param tolerance the tolerance, or NaN for the file's own
     * @return every claim checked, all holding
     */
    public static List<Expectation.Result> assertClaims(Path file, double tolerance) {
        SheetFile.Loaded loaded;
        try {
            loaded = SheetFile.read(file);
        } catch (SheetFormatException e) {
            throw new AssertionFailedError(file + " cannot be read:\n" + e.getMessage());
        }
        return assertClaims(loaded.sheet(), loaded.claims(), tolerance, file.toString());
    }

    /**
     * Checks every claim of a sheet read or built with {@link GradSheet} (its file's {@code @expect}
     * lines and those added with {@link GradSheet#expect}), as {@link #assertClaims(Path)} does.
     *
     * @param sheet the sheet
     * @return every claim checked, all holding
     */
    public static List<Expectation.Result> assertClaims(GradSheet sheet) {
        return assertClaims(sheet.sheet(), sheet.claims(), Double.NaN, "the sheet");
    }

    private static List<Expectation.Result> assertClaims(Sheet sheet, Claims claims, double tolerance, String source) {
        if (claims.isEmpty()) {
            throw new AssertionFailedError(source + " makes no @expect claims: nothing to check"
                    + " (add lines such as '@expect z.grad = -12')");
        }
        double tol = Double.isNaN(tolerance) ? claims.tolerance() : tolerance;
        return sheet.read(() -> {
            List<Expectation.Result> results = claims.check(sheet, tol);
            List<String> failures = new ArrayList<>();
            for (Expectation.Result r : results) {
                if (!r.holds()) {
                    Expectation e = r.expectation();
                    String where = e.line() > 0 ? source + ":" + e.line() + ":" + e.column() : source;
                    failures.add(where + ": " + e.toLine() + "\n  " + message(sheet, e.cell(), e.quantity(),
                            e.claimed(), tol).replace("\n", "\n  "));
                }
            }
            if (!failures.isEmpty()) {
                throw new AssertionFailedError(source + ": " + failures.size() + " of " + results.size()
                        + " claims do not hold\n" + String.join("\n", failures));
            }
            return results;
        });
    }

    // ---- messages ------------------------------------------------------------------------------

    /** Throws the teaching failure if the claim does not hold; one read lock, one state of the sheet. */
    private static void failIf(Sheet sheet, String cell, Expectation.Quantity quantity, double claimed,
                               double tolerance) {
        AssertionFailedError failure = sheet.read(() -> {
            Cell c = cellOrFail(sheet, cell);
            double computed = quantity == Expectation.Quantity.GRAD ? c.grad() : c.value();
            if (Expectation.holds(computed, claimed, tolerance)) {
                return null;
            }
            return new AssertionFailedError(message(sheet, cell, quantity, claimed, tolerance), claimed, computed);
        });
        if (failure != null) {
            throw failure;
        }
    }

    /** The headline and how the sheet got its number; the caller holds the read lock. */
    private static String message(Sheet sheet, String cell, Expectation.Quantity quantity, double claimed,
                                  double tolerance) {
        Cell c = cellOrFail(sheet, cell);
        if (quantity == Expectation.Quantity.GRAD) {
            return headline("gradient of " + cell, c.grad(), claimed, tolerance) + "\n"
                    + Explanations.gradient(sheet.explain(cell), sheet);
        }
        return headline("value of " + cell, c.value(), claimed, tolerance) + "\n"
                + Explanations.value(c, sheet.arguments().get(cell), sheet);
    }

    /** {@code gradient of z: computed -12, claimed -11 (off by 1; allowed 0.011 = 0.001 · max(1, |-11|))}. */
    static String headline(String what, double computed, double claimed, double tolerance) {
        return what + ": computed " + Numbers.readable(computed, 10) + ", claimed " + Numbers.readable(claimed, 10)
                + " (off by " + Numbers.readable(Math.abs(computed - claimed), 6) + "; allowed "
                + Numbers.readable(tolerance * Math.max(1, Math.abs(claimed)), 6) + " = "
                + Numbers.readable(tolerance, 6) + " · max(1, |" + Numbers.readable(claimed, 10) + "|))";
    }

    private static Cell cellOrFail(Sheet sheet, String name) {
        Optional<Cell> c = sheet.cell(name);
        if (c.isEmpty()) {
            throw new AssertionFailedError("no cell named '" + name + "'; the sheet has "
                    + String.join(", ", sheet.names()));
        }
        return c.get();
    }

    /** How a cell got its number, in words and numbers. */
    static final class Explanations {
        private Explanations() {
        }

        /** The chain rule with numbers, then each user's backward rule. */
        static String gradient(GradientExplanation e, Sheet sheet) {
            StringBuilder out = new StringBuilder("  ").append(e.equation());
            if (!e.note().isEmpty()) {
                out.append("\n  ").append(e.note());
            }
            for (GradientExplanation.Term t : e.terms()) {
                String formula = sheet.cell(t.user()).map(Cell::formula).orElse(t.op());
                out.append("\n  ").append(t.user()).append(" = ").append(formula).append(": ").append(t.rule());
            }
            return out.toString();
        }

        /** {@code f = q * z with q = 3, z = -4}. */
        static String value(Cell c, List<String> args, Sheet sheet) {
            StringBuilder out = new StringBuilder("  ").append(c.name()).append(" = ").append(c.formula());
            if (args != null && !args.isEmpty() && !c.isEditableValue()) {
                out.append(" with ");
                Map<String, Double> seen = new java.util.LinkedHashMap<>();
                for (String a : args) {
                    seen.putIfAbsent(a, sheet.value(a));
                }
                String sep = "";
                for (Map.Entry<String, Double> a : seen.entrySet()) {
                    out.append(sep).append(a.getKey()).append(" = ").append(Numbers.readable(a.getValue(), 10));
                    sep = ", ";
                }
            }
            return out.toString();
        }
    }
}
