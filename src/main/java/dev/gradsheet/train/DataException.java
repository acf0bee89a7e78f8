package dev.gradsheet.train;

import java.util.List;

/** Data that cannot be used: one {@code FILE:LINE: message} line per problem. */
public final class DataException extends Exception {
    private final List<String> lines;

    public DataException(List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    public DataException(String line) {
        this(List.of(line));
    }

    public List<String> lines() {
        return lines;
    }
}
