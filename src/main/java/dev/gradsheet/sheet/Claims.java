package dev.gradsheet.sheet;

import dev.gradsheet.engine.Sheet;
import java.util.ArrayList;
import java.util.List;

/**
 * A sheet's claims ({@code @expect} lines) and its own tolerance ({@code @tolerance = X}, or NaN
 * when the file sets none). Immutable: {@link #with} and {@link #without} return new claims.
 *
 * @param expectations the claims in file order, at most one per target
 * @param fileTolerance the file's {@code @tolerance}, or NaN
 */
public record Claims(List<Expectation> expectations, double fileTolerance) {
    /** No claims and no tolerance of its own. */
    public static final Claims NONE = new Claims(List.of(), Double.NaN);

    public Claims {
        expectations = List.copyOf(expectations);
    }

    /** The tolerance to check with: the file's, else {@link Expectation#DEFAULT_TOLERANCE}. */
    public double tolerance() {
        return Double.isNaN(fileTolerance) ? Expectation.DEFAULT_TOLERANCE : fileTolerance;
    }

    public boolean isEmpty() {
        return expectations.isEmpty();
    }

    /** Checks every claim with the file's tolerance (or the default). */
    public List<Expectation.Result> check(Sheet sheet) {
        return check(sheet, tolerance());
    }

    /** Checks every claim against the sheet as it is now, with {@code tolerance}, in claim order. */
    public List<Expectation.Result> check(Sheet sheet, double tolerance) {
        return sheet.read(() -> {
            List<Expectation.Result> out = new ArrayList<>(expectations.size());
            for (Expectation e : expectations) {
                out.add(e.check(sheet, tolerance));
            }
            return out;
        });
    }

    /** The claim about {@code target} ({@code z.grad}, {@code f}), or null. */
    public Expectation find(String target) {
        for (Expectation e : expectations) {
            if (e.target().equals(target)) {
                return e;
            }
        }
        return null;
    }

    /** These claims with {@code e} added, replacing any claim about the same target in its place. */
    public Claims with(Expectation e) {
        List<Expectation> out = new ArrayList<>(expectations);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).target().equals(e.target())) {
                out.set(i, e);
                return new Claims(out, fileTolerance);
            }
        }
        out.add(e);
        return new Claims(out, fileTolerance);
    }

    /** These claims without the one about {@code target}. */
    public Claims without(String target) {
        List<Expectation> out = new ArrayList<>(expectations);
        out.removeIf(e -> e.target().equals(target));
        return new Claims(out, fileTolerance);
    }

    /** These claims with the file's tolerance set to {@code tolerance} (NaN: none). */
    public Claims withTolerance(double tolerance) {
        return new Claims(expectations, tolerance);
    }
}
