package dev.gradsheet.cli;

import dev.gradsheet.engine.GradientCheck;
import dev.gradsheet.engine.NonFinite;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file graded by {@code check}: its claims checked, its gradients against finite differences,
 * or the problems that kept it from being read. A file that reads but cannot be graded fails with
 * its {@link #reasons}: no cells, no objective, no claims, or an objective or gradient that is not a
 * finite number (a claim about such a sheet proves nothing, and finite differences skip NaN cells).
 *
 * @param file        the file as named on the command line
 * @param errors      {@code FILE:LINE:COL: message} lines when the file could not be read, else empty
 * @param tolerance   the tolerance the claims were checked with
 * @param claims      every claim's result, in file order
 * @param fd          the finite-difference check (null when unreadable or without cells)
 * @param fdTolerance the finite-difference check's tolerance
 * @param reasons     why a readable file fails whatever its claims say (empty: none)
 */
record Grade(Path file, List<String> errors, double tolerance, List<Expectation.Result> claims, GradientCheck fd,
             double fdTolerance, List<String> reasons) {

    /** Reads and grades {@code file}; {@code runTolerance} (NaN: none) wins over the file's {@code @tolerance}. */
    static Grade of(Path file, double runTolerance, double fdTolerance) {
        SheetFile.Loaded loaded;
        try {
            loaded = SheetFile.read(file);
        } catch (SheetFormatException e) {
            return new Grade(file, e.lines(), Double.NaN, List.of(), null, fdTolerance, List.of());
        }
        // The run's tolerance wins: a teacher grades every submission alike, whatever a file says.
        double tolerance = Double.isNaN(runTolerance) ? loaded.claims().tolerance() : runTolerance;
        Sheet sheet = loaded.sheet();
        if (sheet.size() == 0) {
            return new Grade(file, List.of(), tolerance, List.of(), null, fdTolerance,
                    List.of("the file defines no cells: there is nothing to grade"));
        }
        List<Expectation.Result> results = loaded.claims().check(sheet, tolerance);
        GradientCheck fd = GradientCheck.run(sheet);
        return new Grade(file, List.of(), tolerance, results, fd, fdTolerance, reasons(sheet, results, fd));
    }

    /** Why a sheet with cells cannot pass, whatever its claims say. */
    private static List<String> reasons(Sheet sheet, List<Expectation.Result> claims, GradientCheck fd) {
        List<String> reasons = new ArrayList<>();
        if (claims.isEmpty()) {
            reasons.add("the file makes no @expect claims: there is nothing to grade");
        }
        String objective = sheet.objective();
        if (objective == null) {
            reasons.add("the sheet has no objective: no gradient to check");
            return reasons;
        }
        String why = sheet.whyNotFinite(objective);
        if (why != null) {
            reasons.add("the objective " + why);
        }
        int notFinite = fd.nonFiniteGradients();
        if (notFinite > 0) {
            reasons.add("the gradient of " + fd.firstNonFinite() + " is " + NonFinite.word(sheet.grad(fd.firstNonFinite()))
                    + (notFinite == 2 ? ", and 1 more gradient is not a finite number"
                            : notFinite > 2 ? ", and " + (notFinite - 1) + " more gradients are not finite numbers" : ""));
        }
        return reasons;
    }

    boolean readable() {
        return errors.isEmpty();
    }

    /** Some cell was compared with finite differences and the worst within the tolerance. */
    boolean fdOk() {
        return fd != null && fd.compared() && fd.worstError() <= fdTolerance;
    }

    long failedClaims() {
        return claims.stream().filter(r -> !r.holds()).count();
    }

    /** Readable, gradeable, every claim holds and the finite-difference check is within its tolerance. */
    boolean passed() {
        return readable() && reasons.isEmpty() && failedClaims() == 0 && fdOk();
    }
}
