package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds dense layers in a graph from its formulas alone, names aside: the structure a scalar network
 * writes out cell by cell, so that {@link DenseLayer} can run it as one loop.
 *
 * <ul>
 *   <li>A <b>product</b> is {@code w * x} (either way round) where {@code w} is a weight the sheet
 *       defines on its own line and nothing else uses, and the product itself has one user.</li>
 *   <li>A <b>neuron</b> is a chain of additions {@code ((p0 + p1) + p2) + …} over at least two
 *       products (each addition's two arguments either way round), every partial sum but the last
 *       used by the next addition alone. Its last sum is its <b>output</b>; the products and the
 *       other partial sums are the cells the loop stands for.</li>
 *   <li>A <b>layer</b> is a run of neurons, in topological order, over the same inputs
 *       {@code x0 … x(m−1)} (each once), all computed before the first of its outputs.</li>
 * </ul>
 *
 * The objective counts as one more user, so it is never a cell the loop stands for. Runs in time
 * linear in the graph; needs a valid topology ({@link Graph#rebuildTopology}).
 */
final class DenseFinder {
    private DenseFinder() {
    }

    /**
     * One neuron: its output cell and, term by term in the order its chain adds them, the weight, the
     * input and the product; {@code sums[i]} is the partial sum {@code p0 + … + p(i+1)}, the last
     * being the output.
     */
    record Neuron(int output, int[] weights, int[] inputs, int[] products, int[] sums) {
        int width() {
            return weights.length;
        }
    }

    /**
     * A group of neurons over the same inputs, in topological order of their outputs, that can run
     * as one matrix–vector product (their weights not necessarily laid out yet).
     */
    record Group(int[] inputs, List<Neuron> neurons) {
        int weightCount() {
            return inputs.length * neurons.size();
        }
    }

    /**
     * The groups of at least {@code minimumWeights} weights. When {@code contiguous}, a group is also
     * split where its weights stop being one row-major block of ids ({@link DenseLayout} lays them
     * out so at load), and only blocks of at least the minimum are kept.
     */
    static List<Group> find(Graph g, int minimumWeights, boolean contiguous) {
        if (g.liveCount < 2L * minimumWeights) {
            return List.of(); // a layer of w weights has w products and nearly w partial sums too
        }
        List<Neuron> neurons = neurons(g);
        if (neurons.isEmpty()) {
            return List.of();
        }
        Map<Key, List<Neuron>> byInputs = new HashMap<>();
        List<Key> keys = new ArrayList<>();
        for (Neuron n : neurons) {
            Key key = new Key(n.inputs());
            List<Neuron> list = byInputs.get(key);
            if (list == null) {
                list = new ArrayList<>();
                byInputs.put(key, list);
                keys.add(key);
            }
            list.add(n);
        }
        List<Group> groups = new ArrayList<>();
        int[] stamp = new int[g.size];
        int stampValue = 0;
        for (Key key : keys) {
            List<Neuron> list = byInputs.get(key);
            if ((long) key.ids.length * list.size() < minimumWeights) {
                continue;
            }
            stampValue++;
            if (!distinct(key.ids, stamp, stampValue)) {
                continue; // a vector with an input twice cannot gather and scatter its gradient
            }
            for (List<Neuron> run : contiguous ? contiguousRuns(list) : List.of(list)) {
                if ((long) key.ids.length * run.size() >= minimumWeights && inputsComeFirst(g, key.ids, run)) {
                    groups.add(new Group(key.ids, run));
                }
            }
        }
        return groups;
    }

    /** Every neuron chain of the graph, in topological order of their outputs. */
    static List<Neuron> neurons(Graph g) {
        int[] users = new int[g.size];
        for (int id = 0; id < g.size; id++) {
            users[id] = g.userStart[id + 1] - g.userStart[id];
        }
        if (g.objective >= 0) {
            users[g.objective]++; // never stood for: it must keep its own value and gradient
        }
        // chainLength[c]: how many products the chain ending at addition c adds (0: c is no chain);
        // accumulator[c]: the chain c continues (or the first product); term[c]: the product c adds.
        int[] chainLength = new int[g.size];
        int[] accumulator = new int[g.size];
        int[] term = new int[g.size];
        for (int k = 0; k < g.liveCount; k++) {
            int c = g.order[k];
            if (g.op[c] != Kernel.ADD || g.argCount[c] != 2) {
                continue;
            }
            int a = g.arg(c, 0);
            int b = g.arg(c, 1);
            if (extend(g, users, chainLength, c, a, b, accumulator, term)) {
                continue;
            }
            extend(g, users, chainLength, c, b, a, accumulator, term);
        }
        List<Neuron> found = new ArrayList<>();
        for (int k = 0; k < g.liveCount; k++) {
            int top = g.order[k];
            if (chainLength[top] == 0 || continuedBy(g, users, chainLength, accumulator, top)) {
                continue;
            }
            found.add(neuron(g, users, top, chainLength[top], accumulator, term));
        }
        return found;
    }

    /** Whether addition {@code c} adds product {@code t} to chain {@code acc}; records it if so. */
    private static boolean extend(Graph g, int[] users, int[] chainLength, int c, int acc, int t,
                                  int[] accumulator, int[] term) {
        if (acc == t || weightOf(g, users, t) < 0) {
            return false;
        }
        int length;
        if (weightOf(g, users, acc) >= 0) {
            length = 2;
        } else if (chainLength[acc] >= 2 && users[acc] == 1) {
            length = chainLength[acc] + 1;
        } else {
            return false;
        }
        chainLength[c] = length;
        accumulator[c] = acc;
        term[c] = t;
        return true;
    }

    /** Whether {@code c}'s one user continues its chain, so {@code c} is a partial sum, not an output. */
    private static boolean continuedBy(Graph g, int[] users, int[] chainLength, int[] accumulator, int c) {
        if (users[c] != 1 || g.userStart[c + 1] - g.userStart[c] != 1) {
            return false; // (the objective counts one user more than it lists)
        }
        int user = g.users[g.userStart[c]];
        return chainLength[user] > 0 && accumulator[user] == c;
    }

    /**
     * The weight of product {@code p} when it is one a neuron may add — a live product of one user,
     * one of whose arguments is a weight defined on its own line that only {@code p} uses — else -1.
     */
    static int weightOf(Graph g, int[] users, int p) {
        if (!g.isLive(p) || g.op[p] != Kernel.MUL || g.argCount[p] != 2 || users[p] != 1) {
            return -1;
        }
        int a = g.arg(p, 0);
        int b = g.arg(p, 1);
        if (isOwnWeight(g, users, a)) {
            return a;
        }
        return isOwnWeight(g, users, b) ? b : -1;
    }

    private static boolean isOwnWeight(Graph g, int[] users, int w) {
        return g.op[w] == Kernel.WEIGHT && !g.isGenerated(w) && users[w] == 1;
    }

    private static Neuron neuron(Graph g, int[] users, int top, int length, int[] accumulator, int[] term) {
        int[] products = new int[length];
        int[] sums = new int[length - 1];
        int c = top;
        for (int i = length - 1; i >= 1; i--) {
            products[i] = term[c];
            sums[i - 1] = c;
            c = accumulator[c];
        }
        products[0] = c;
        int[] weights = new int[length];
        int[] inputs = new int[length];
        for (int i = 0; i < length; i++) {
            int p = products[i];
            weights[i] = weightOf(g, users, p);
            inputs[i] = weights[i] == g.arg(p, 0) ? g.arg(p, 1) : g.arg(p, 0);
        }
        return new Neuron(top, weights, inputs, products, sums);
    }

    private static boolean distinct(int[] ids, int[] stamp, int value) {
        for (int id : ids) {
            if (stamp[id] == value) {
                return false;
            }
            stamp[id] = value;
        }
        return true;
    }

    /** Splits neurons (in order) where the next one's weights do not continue one row-major block of ids. */
    private static List<List<Neuron>> contiguousRuns(List<Neuron> neurons) {
        List<List<Neuron>> runs = new ArrayList<>();
        List<Neuron> run = new ArrayList<>();
        int expected = -1;
        for (Neuron n : neurons) {
            int[] w = n.weights();
            boolean row = true;
            for (int i = 1; i < w.length && row; i++) {
                row = w[i] == w[0] + i;
            }
            if (!row || w[0] != expected) {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
            if (row) {
                run.add(n);
                expected = w[0] + w.length;
            } else {
                expected = -1;
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Whether every input is computed before the first output: the layer computes all its outputs at once. */
    private static boolean inputsComeFirst(Graph g, int[] inputs, List<Neuron> run) {
        int first = Integer.MAX_VALUE;
        for (Neuron n : run) {
            first = Math.min(first, g.pos[n.output()]);
        }
        for (int x : inputs) {
            if (g.pos[x] >= first) {
                return false;
            }
        }
        return true;
    }

    /** An input vector as a map key. */
    private record Key(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }
}
