package dev.gradsheet.engine;

import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.api.map.primitive.MutableIntIntMap;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/**
 * The order a sheet lists its cells in — user cells in definition order, each after the intermediate
 * cells of its formula — and the {@link Cell} snapshots it lists. Cached until the next structural change ({@link #invalidate}), because a lazy
 * grid asks for a page of it on every scroll. Read under the sheet's lock.
 */
final class DisplayOrder {
    private final Graph graph;
    /** Counts structural changes; the cache compares against it. */
    private volatile long structureVersion;
    private volatile int[] cached;
    private volatile long cachedVersion = -1;

    DisplayOrder(Graph graph) {
        this.graph = graph;
    }

    /** Cells were added, removed or re-wired: the next read rebuilds the order. */
    void invalidate() {
        structureVersion++;
    }

    /** Live ids in display order (do not modify the array). */
    int[] ids() {
        int[] order = cached;
        if (order != null && cachedVersion == structureVersion) {
            return order;
        }
        order = new int[graph.liveCount];
        int n = 0;
        for (int root : roots()) {
            for (int g : graph.generatedOf(root)) {
                order[n++] = g;
            }
            order[n++] = root;
        }
        cached = order;
        cachedVersion = structureVersion;
        return order;
    }

    /** The position of live cell {@code id} in {@link #ids()}, or -1. */
    int positionOf(int id) {
        int[] order = ids();
        for (int i = 0; i < order.length; i++) {
            if (order[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** A snapshot of cell {@code id} as the sheet lists it. */
    Cell cell(int id) {
        return new Cell(graph.names.nameOf(id), graph.opOf(id).label(), FormulaText.of(graph, id),
                graph.valueOf(id), graph.gradOf(id), graph.isGenerated(id), graph.names.nameOf(graph.rootOf(id)));
    }

    /** Live user cells (not generated ones) in definition order. */
    int[] roots() {
        MutableIntIntMap byRank = new IntIntHashMap();
        MutableIntList ranks = new IntArrayList();
        for (int id = 0; id < graph.size; id++) {
            if (graph.isLive(id) && !graph.isGenerated(id)) {
                byRank.put(graph.rank[id], id);
                ranks.add(graph.rank[id]);
            }
        }
        ranks.sortThis();
        int[] out = new int[ranks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byRank.get(ranks.get(i));
        }
        return out;
    }
}
