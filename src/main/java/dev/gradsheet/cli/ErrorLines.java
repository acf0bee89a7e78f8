package dev.gradsheet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Problem lines as the command line prints them: at most {@link #MAX} of one file's, then one line
 * saying how many more. A file with 100,000 bad lines would otherwise write 100,000 lines (7 MB) to a
 * terminal or a grading log; the first hundred already say what is wrong.
 */
final class ErrorLines {
    /** The most problem lines printed for one file. */
    static final int MAX = 100;

    private ErrorLines() {
    }

    /** The first {@link #MAX} lines, then "{@code SOURCE: … and N more}" when there are more. */
    static List<String> capped(List<String> lines, Object source) {
        if (lines.size() <= MAX) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, MAX));
        out.add(source + ": … and " + (lines.size() - MAX) + " more");
        return out;
    }

    /** Prints {@link #capped} lines to {@code err}. */
    static void print(List<String> lines, Object source, PrintWriter err) {
        capped(lines, source).forEach(err::println);
    }
}
