package dev.gradsheet.server.classroom;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.Expectation.Quantity;
import dev.gradsheet.sheet.Practice;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades a student's copy the way practice mode and {@code gradsheet check} do: each asked number's
 * answer is the copy's {@code @expect} claim about it, checked against the copy's own sheet with the
 * assignment's tolerance ({@link Expectation#holds}). The file a teacher exports is this same text
 * with exactly the asked claims and the assignment's {@code @tolerance}, so {@code check} reads the
 * same marks from it.
 */
public final class Grading {
    private Grading() {
    }

    /** An asked number's mark. */
    public enum Mark {
        /** Answered and right within the tolerance. */
        RIGHT,
        /** Answered, not right. */
        WRONG,
        /** Not answered. */
        EMPTY
    }

    /** The asked numbers' targets ({@code x.grad}, {@code f}), in the sheet's cell order. */
    public static List<String> askedTargets(Assignment a) {
        SheetFile.Loaded source;
        try {
            source = SheetFile.parse(a.sourceText(), "assignment");
        } catch (SheetFormatException e) {
            throw new IllegalStateException("an assignment's sheet no longer reads: " + e.lines(), e);
        }
        return askedTargets(source, a.asked());
    }

    static List<String> askedTargets(SheetFile.Loaded sheet, Practice asked) {
        List<String> out = new ArrayList<>();
        String objective = sheet.sheet().objective();
        for (Cell c : sheet.sheet().cells()) {
            if (asked.hidesValue(c)) {
                out.add(new Expectation(c.name(), Quantity.VALUE, 0).target());
            }
            if (asked.hidesGrad(c, objective)) {
                out.add(new Expectation(c.name(), Quantity.GRAD, 0).target());
            }
        }
        return out;
    }

    /** The marks of copy text {@code text}, one per asked target in order (a copy that no longer reads: all empty). */
    public static Map<String, Mark> marks(String text, List<String> targets, double tolerance) {
        Map<String, Mark> out = new LinkedHashMap<>();
        targets.forEach(t -> out.put(t, Mark.EMPTY));
        SheetFile.Loaded copy;
        try {
            copy = SheetFile.parse(text, "copy");
        } catch (SheetFormatException e) {
            return out;
        }
        for (Expectation.Result r : askedClaims(copy.claims(), targets, tolerance).check(copy.sheet())) {
            out.put(r.expectation().target(), r.holds() ? Mark.RIGHT : Mark.WRONG);
        }
        return out;
    }

    /** How many marks are right. */
    public static int score(Map<String, Mark> marks) {
        return (int) marks.values().stream().filter(m -> m == Mark.RIGHT).count();
    }

    /**
     * The copy text as exported for {@code check}: the student's sheet and answers to the asked numbers
     * only, with the assignment's tolerance; a copy that no longer reads is returned as it is.
     */
    public static String exported(String text, List<String> targets, double tolerance) {
        SheetFile.Loaded copy;
        try {
            copy = SheetFile.parse(text, "copy");
        } catch (SheetFormatException e) {
            return text;
        }
        return SheetFile.format(copy.sheet(), copy.description(), copy.data(),
                askedClaims(copy.claims(), targets, tolerance), copy.practice());
    }

    private static Claims askedClaims(Claims claims, List<String> targets, double tolerance) {
        List<Expectation> asked = claims.expectations().stream().filter(e -> targets.contains(e.target())).toList();
        return new Claims(asked, tolerance);
    }
}
