package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** Records the cells a structural edit touches, before it changes them, and makes the {@link Patch}. */
final class PatchBuilder {
    private final EditLabel label;
    private final Graph graph;
    private final MutableIntList ids = new IntArrayList();
    private final List<Graph.CellState> before = new ArrayList<>();
    private final int objectiveBefore;

    PatchBuilder(EditLabel label, Graph graph) {
        this.label = label;
        this.graph = graph;
        this.objectiveBefore = graph.explicitObjective;
    }

    /** Remembers the current state of existing cells. */
    void touch(int... cells) {
        for (int id : cells) {
            ids.add(id);
            before.add(graph.capture(id));
        }
    }

    /** Remembers cells the edit just created: before it, they did not exist. */
    void touchNew(int... cells) {
        for (int id : cells) {
            ids.add(id);
            before.add(new Graph.CellState((byte) 0, (byte) 0, 0, 0, 0, graph.rank[id], null));
        }
    }

    Patch done() {
        Graph.CellState[] after = new Graph.CellState[ids.size()];
        for (int i = 0; i < after.length; i++) {
            after[i] = graph.capture(ids.get(i));
        }
        return new Patch(label, ids.toArray(), before.toArray(new Graph.CellState[0]), after,
                new int[0], new double[0], new double[0], objectiveBefore, graph.explicitObjective,
                Double.NaN, Double.NaN);
    }
}
