package dev.gradsheet.cli;

import dev.gradsheet.engine.GradientCheck;
import dev.gradsheet.engine.Messages;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.sheet.Expectation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check FILE…}: grades each file on its own — every {@code @expect} claim, then every gradient
 * against central finite differences — and ends with {@code N passed, M failed} counting files. A
 * file that cannot be graded (no cells, no claims, a NaN or infinite objective or gradient) fails
 * and says why ({@link Grade#reasons}). Exit 0 when all pass, 1 when a file fails, 2 when a file
 * cannot be read.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Grade .sheet files: check every @expect claim (|computed - claimed| <= T*max(1,|claimed|))",
            "and every gradient against central finite differences. Each file is read on its own.",
            "A file with no cells, no claims, or a NaN or infinite objective or gradient fails, saying why.",
            "Exit 0 all pass, 1 a file fails, 2 a file cannot be read."})
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .sheet files (e.g. a folder of submissions: hw/*.sheet)")
    List<Path> files;

    @Option(names = "--json", description = "print one JSON object instead of the report")
    boolean json;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "tolerance of the claims; wins over a file's @tolerance (default: the file's, else 1e-3)")
    Double tolerance;

    @Option(names = "--fd-tolerance", paramLabel = "T", defaultValue = "1e-4",
            description = "largest relative error of backprop against finite differences (default 1e-4)")
    double fdTolerance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((tolerance != null && !(tolerance >= 0 && Double.isFinite(tolerance))) || !(fdTolerance >= 0)) {
            err.println("check: tolerances must be numbers >= 0");
            return GradSheetCli.BAD_INPUT;
        }
        List<Grade> grades = new ArrayList<>(files.size());
        for (Path f : files) {
            Grade g = Grade.of(f, tolerance == null ? Double.NaN : tolerance, fdTolerance);
            ErrorLines.print(g.errors(), g.file(), err);
            grades.add(g);
        }
        if (json) {
            out.print(CellTable.write(CheckReport.json(grades)));
        } else {
            for (Grade g : grades) {
                report(g, out, grades.size() == 1);
            }
            long passed = grades.stream().filter(Grade::passed).count();
            long unreadable = grades.stream().filter(g -> !g.readable()).count();
            out.println(passed + " passed, " + (grades.size() - passed) + " failed"
                    + (unreadable > 0 ? " (" + unreadable + " unreadable)" : ""));
        }
        if (grades.stream().anyMatch(g -> !g.readable())) {
            return GradSheetCli.BAD_INPUT;
        }
        return grades.stream().allMatch(Grade::passed) ? GradSheetCli.OK : GradSheetCli.CHECK_FAILED;
    }

    /** One file's part of the report; the per-cell finite-difference table only when checking one file. */
    private void report(Grade g, PrintWriter out, boolean single) {
        String file = Messages.escapeControls(g.file().toString()); // stdout gets no raw ESC or U+202E either
        if (!g.readable()) {
            out.println(file + ": UNREADABLE (" + g.errors().size() + " problem" + (g.errors().size() == 1 ? "" : "s")
                    + ", listed on stderr)");
            return;
        }
        out.println(file + ":");
        int width = g.claims().stream().mapToInt(r -> r.expectation().target().length()).max().orElse(0);
        for (Expectation.Result r : g.claims()) {
            out.printf(Locale.ROOT, "  %s  %-" + width + "s  claimed %s, computed %s%n", r.holds() ? "holds" : "FAILS",
                    r.expectation().target(), Numbers.readable(r.expectation().claimed(), 10),
                    Numbers.readable(r.computed(), 10));
        }
        GradientCheck fd = g.fd();
        if (fd != null) {
            if (single && fd.compared()) {
                fdTable(fd, out);
            }
            out.println("  finite differences: " + (fd.compared()
                    ? "worst relative error " + Numbers.readable(fd.worstError(), 3) + " at " + fd.worstCell()
                            + " (tolerance " + Numbers.readable(g.fdTolerance(), 3) + "): " + (g.fdOk() ? "OK" : "FAILED")
                    : "no cell to compare (every value or gradient is NaN or infinite): FAILED"));
            out.println("  " + (g.passed() ? "PASSED" : "FAILED") + ": " + (g.claims().size() - g.failedClaims()) + " of "
                    + g.claims().size() + " claims hold (tolerance " + Numbers.readable(g.tolerance(), 3) + ")");
        }
        for (String reason : g.reasons()) {
            out.println("  FAILED because " + reason);
        }
    }

    /** The per-cell table, padded by hand: a million rows through printf took seconds. */
    private static void fdTable(GradientCheck check, PrintWriter out) {
        int width = check.entries().stream().mapToInt(e -> e.name().length()).max().orElse(4);
        StringBuilder line = new StringBuilder();
        out.append(row(line, width, "cell", "backprop", "finite diff", "rel error"));
        for (GradientCheck.Entry e : check.entries()) {
            out.append(row(line, width, e.name(), Numbers.readable(e.analytic(), 10), Numbers.readable(e.numeric(), 10),
                    Numbers.readable(e.relativeError(), 3)));
        }
    }

    /** "  name  analytic  numeric  error": the name left-aligned in {@code width}, the numbers right-aligned. */
    private static StringBuilder row(StringBuilder line, int width, String name, String analytic, String numeric,
                                     String error) {
        line.setLength(0);
        spaces(line.append("  ").append(name), width - name.length());
        rightAligned(line, analytic, 16);
        rightAligned(line, numeric, 16);
        rightAligned(line, error, 10);
        return line.append(System.lineSeparator());
    }

    private static void rightAligned(StringBuilder line, String text, int width) {
        spaces(line.append("  "), width - text.length()).append(text);
    }

    private static StringBuilder spaces(StringBuilder line, int n) {
        for (int i = 0; i < n; i++) {
            line.append(' ');
        }
        return line;
    }
}
