package dev.gradsheet.cli;

import dev.gradsheet.engine.GradientCheck;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.nio.file.Path;
import java.util.List;

/**
 * One file graded by {@code check}: its claims checked, its gradients against finite differences,
 * or the problems that kept it from being read.
 *
 * @param file        the file as named on the command line
 * @param errors      {@code FILE:LINE:COL: message} lines when the file could not be read, else empty
 * @param tolerance   the tolerance the claims were checked with
 * @param claims      every claim's result, in file order
 * @param fd          the finite-difference check (null when unreadable)
 * @param fdTolerance the finite-difference check's tolerance
 */
record Grade(Path file, List<String> errors, double tolerance, List<Expectation.Result> claims, GradientCheck fd,
             double fdTolerance) {

    /** Reads and grades {@code file}; {@code runTolerance} (NaN: none) wins over the file's {@code @tolerance}. */
    static Grade of(Path file, double runTolerance, double fdTolerance) {
        SheetFile.Loaded loaded;
        try {
            loaded = SheetFile.read(file);
        } catch (SheetFormatException e) {
            return new Grade(file, e.lines(), Double.NaN, List.of(), null, fdTolerance);
        }
        // The run's tolerance wins: a teacher grades every submission alike, whatever a file says.
        double tolerance = Double.isNaN(runTolerance) ? loaded.claims().tolerance() : runTolerance;
        List<Expectation.Result> results = loaded.claims().check(loaded.sheet(), tolerance);
        return new Grade(file, List.of(), tolerance, results, GradientCheck.run(loaded.sheet()), fdTolerance);
    }

    boolean readable() {
        return errors.isEmpty();
    }

    boolean fdOk() {
        return fd != null && fd.worstError() <= fdTolerance;
    }

    long failedClaims() {
        return claims.stream().filter(r -> !r.holds()).count();
    }

    /** Every claim holds and the finite-difference check is within its tolerance. */
    boolean passed() {
        return readable() && failedClaims() == 0 && fdOk();
    }
}
