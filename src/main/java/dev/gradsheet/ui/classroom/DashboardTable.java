package dev.gradsheet.ui.classroom;

import dev.gradsheet.server.classroom.Activity;
import dev.gradsheet.server.classroom.Dashboard;
import dev.gradsheet.server.classroom.Grading;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The dashboard as text, free of Vaadin: one line per student with each asked number's mark
 * (✓, ✗ or empty) and what it took (answers typed, hints asked for). With names hidden (for the
 * projector) students are "Student 1", "Student 2"… in the order they joined.
 */
public final class DashboardTable {
    /** A right answer. */
    public static final String RIGHT = "✓";
    /** A wrong answer. */
    public static final String WRONG = "✗";

    private DashboardTable() {
    }

    /** One student's line as shown. */
    public record Line(int number, String student, String sheetId, String score, List<String> marks,
                       List<String> efforts, Dashboard.Row row) {
    }

    /**
     * The lines of {@code d}; {@code words} turns a message key and its arguments into text (the page's
     * bundle).
     */
    public static List<Line> lines(Dashboard d, boolean hideNames, BiFunction<String, Object[], String> words) {
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (Dashboard.Row r : d.rows()) {
            n++;
            List<String> marks = new ArrayList<>();
            List<String> efforts = new ArrayList<>();
            for (String t : d.targets()) {
                Grading.Mark m = r.marks().get(t);
                marks.add(m == Grading.Mark.RIGHT ? RIGHT : m == Grading.Mark.WRONG ? WRONG : "");
                Activity a = r.activity(t);
                efforts.add(a.attempts() == 0 && a.hints() == 0 ? ""
                        : words.apply("dashboard.effort", new Object[] {a.attempts(), a.hints()}));
            }
            String name = hideNames ? words.apply("dashboard.anonymous", new Object[] {n}) : r.student().name();
            out.add(new Line(n, name, r.sheetId(), r.score() + "/" + d.targets().size(), marks, efforts, r));
        }
        return out;
    }
}
