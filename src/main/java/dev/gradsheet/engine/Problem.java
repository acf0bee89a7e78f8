package dev.gradsheet.engine;

/** One thing wrong with a sheet's text, at a 1-based line and column (0 when not about one column). */
public record Problem(int line, int column, String message) implements Comparable<Problem> {
    @Override
    public int compareTo(Problem o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
