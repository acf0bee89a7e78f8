package dev.gradsheet.sheet;

import dev.gradsheet.engine.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A {@code .sheet} file that cannot be read; {@link #getMessage()} has one line per problem. */
public final class SheetFormatException extends Exception {
    private final String source;
    private final List<Problem> problems;

    public SheetFormatException(String source, List<Problem> problems) {
        super(format(source, problems), null, false, false);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One {@code FILE:LINE:COL: message} line per problem ({@code FILE: message} without a line). */
    public List<String> lines() {
        return problems.stream().map(p -> line(source, p)).toList();
    }

    private static String line(String source, Problem p) {
        if (p.line() <= 0) {
            return source + ": " + p.message();
        }
        return source + ":" + p.line() + ":" + Math.max(1, p.column()) + ": " + p.message();
    }

    private static String format(String source, List<Problem> problems) {
        return problems.stream().map(p -> line(source, p)).collect(Collectors.joining("\n"));
    }
}
