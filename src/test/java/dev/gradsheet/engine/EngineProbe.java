package dev.gradsheet.engine;

/** Test access to engine internals that have no public API: a full recomputation, for benchmarks. */
public final class EngineProbe {
    private EngineProbe() {
    }

    /** Recomputes every cell forward and every gradient backward, as a fresh load does. */
    public static double fullPass(Sheet sheet) {
        return sheet.locked(() -> {
            sheet.graph.forwardAll();
            sheet.graph.backward();
            return sheet.graph.value[sheet.graph.objective];
        });
    }

    /** How many undo steps the sheet keeps now. */
    public static int undoDepth(Sheet sheet) {
        return sheet.locked(() -> sheet.undoDepth());
    }
}
