package dev.gradsheet.engine;

import java.util.List;

/** A sheet that could not be built: every problem found, by line. */
public final class SheetBuildException extends Exception {
    private final List<Problem> problems;

    public SheetBuildException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid sheet" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
