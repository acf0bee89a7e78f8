package dev.gradsheet.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Lays a freshly loaded graph out for its dense layers: gives each layer's weights consecutive ids,
 * row by row ({@link DenseLayer} reads them as one block), by renumbering the cells. A file names a
 * neuron's weights between its products and partial sums, so without this the weights sit three ids
 * apart. Only the layers' weights move — each block to the id of its first weight, so every weight
 * keeps coming before its users and a file in dependency order stays so; every other cell keeps its
 * place relative to the rest. Names, definition order and formulas are unchanged: only ids, which
 * nothing outside the engine sees. Runs once, before the sheet exists (no undo history, no observer
 * holds an id yet).
 */
final class DenseLayout {
    private DenseLayout() {
    }

    /**
     * Renumbers {@code g} (valid topology, arrays trimmed) so its dense layers' weights are
     * contiguous; returns whether anything moved, after which the caller rebuilds the topology.
     */
    static boolean apply(Graph g) {
        if (g.denseLayerMinimum == Integer.MAX_VALUE) {
            return false;
        }
        List<DenseFinder.Group> groups = DenseFinder.find(g, g.denseLayerMinimum, false);
        if (groups.isEmpty()) {
            return false;
        }
        int[] newId = permutation(g.size, groups);
        if (newId == null) {
            return false;
        }
        renumber(g, newId);
        return true;
    }

    /** The new id of each cell, or null when every cell keeps its own. */
    static int[] permutation(int size, List<DenseFinder.Group> groups) {
        int[] groupOf = new int[size];
        Arrays.fill(groupOf, -1);
        for (int gi = 0; gi < groups.size(); gi++) {
            for (DenseFinder.Neuron n : groups.get(gi).neurons()) {
                for (int w : n.weights()) {
                    groupOf[w] = gi;
                }
            }
        }
        boolean[] placed = new boolean[groups.size()];
        int[] newId = new int[size];
        int next = 0;
        boolean moved = false;
        for (int id = 0; id < size; id++) {
            int gi = groupOf[id];
            if (gi < 0) {
                moved |= next != id;
                newId[id] = next++;
            } else if (!placed[gi]) {
                placed[gi] = true; // the group's first weight: the whole block goes here, row by row
                for (DenseFinder.Neuron n : groups.get(gi).neurons()) {
                    for (int w : n.weights()) {
                        moved |= next != w;
                        newId[w] = next++;
                    }
                }
            }
        }
        return moved ? newId : null;
    }

    /** Gives every cell {@code c} the id {@code newId[c]} (a permutation of the graph's ids). */
    static void renumber(Graph g, int[] newId) {
        int n = g.size;
        g.op = permute(g.op, newId, n);
        g.flags = permute(g.flags, newId, n);
        g.argStart = permute(g.argStart, newId, n);
        g.argCount = permute(g.argCount, newId, n);
        g.rank = permute(g.rank, newId, n);
        g.value = permute(g.value, newId, n);
        g.grad = permute(g.grad, newId, n);
        g.arg0 = remap(permute(g.arg0, newId, n), newId);
        g.arg1 = remap(permute(g.arg1, newId, n), newId);
        for (int p = 0; p < g.poolSize; p++) {
            g.argPool[p] = newId[g.argPool[p]];
        }
        g.names.renumber(newId);
        g.explicitObjective = g.explicitObjective < 0 ? -1 : newId[g.explicitObjective];
        g.objective = g.objective < 0 ? -1 : newId[g.objective];
        g.topologyValid = false;
    }

    private static int[] remap(int[] ids, int[] newId) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= 0) {
                ids[i] = newId[ids[i]];
            }
        }
        return ids;
    }

    private static byte[] permute(byte[] a, int[] newId, int n) {
        byte[] out = new byte[a.length];
        for (int id = 0; id < n; id++) {
            out[newId[id]] = a[id];
        }
        return out;
    }

    private static int[] permute(int[] a, int[] newId, int n) {
        int[] out = new int[a.length];
        for (int id = 0; id < n; id++) {
            out[newId[id]] = a[id];
        }
        return out;
    }

    private static double[] permute(double[] a, int[] newId, int n) {
        double[] out = new double[a.length];
        for (int id = 0; id < n; id++) {
            out[newId[id]] = a[id];
        }
        return out;
    }
}
