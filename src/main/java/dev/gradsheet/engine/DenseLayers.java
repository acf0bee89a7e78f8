package dev.gradsheet.engine;

import java.util.Arrays;
import java.util.List;
import org.eclipse.collections.api.map.primitive.MutableIntIntMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/**
 * A graph's dense layers ({@link DenseLayer}) and the view of the graph its passes walk with them in
 * place, made by {@link #plan} after every topology rebuild:
 *
 * <ul>
 *   <li>the <b>pass order</b> is the topological order without the cells the loops stand for
 *       (products, partial sums), without the layers' weights (leaves the loops read directly) and
 *       with each layer's outputs reduced to one, its <b>marker</b> (the first in the order), whose
 *       kernel op ({@link Graph#kop}) is {@link Kernel#DENSE}: there the forward pass computes the
 *       whole layer and the backward pass passes the whole layer back;</li>
 *   <li>every cell left out takes its marker's position, so scheduling it schedules the layer; the
 *       pass users of a cell list a layer's marker once for all the products using it.</li>
 * </ul>
 *
 * <p>The values and gradients of the products and partial sums are not kept in the graph's arrays
 * while the passes run; {@link #value} and {@link #grad} compute one when read, and {@link #materialize}
 * writes all of them (for readers of every cell: a change set, {@code eval}'s table). A structural
 * edit replans from scratch; a sheet with no dense layer has no plan and the passes walk the topology
 * itself.
 */
final class DenseLayers {
    /** Fewest weights a layer must have to run as a loop: below it the per-cell passes are as fast. */
    static final int DEFAULT_MINIMUM = 4096;

    private final DenseLayer[] layers;
    /** Layer of each marker cell. */
    private final MutableIntIntMap layerOfMarker = new IntIntHashMap();
    /** Per cell: −1, or (code of a product or partial sum) << 1 | (1 for a partial sum). */
    private final int[] hiddenCode;
    /** Each layer's first code, ascending. */
    private final int[] termBases;
    /** Cells whose gradients a backward pass accumulates and so must first set to 0 (not the weights, not hidden cells). */
    private int[] zeroed;
    /** Whether the hidden cells' values and gradients in the graph's arrays are the current ones. */
    private volatile boolean materialized;

    private DenseLayers(DenseLayer[] layers, int size) {
        this.layers = layers;
        this.hiddenCode = new int[size];
        this.termBases = new int[layers.length];
        Arrays.fill(hiddenCode, -1);
        int base = 0;
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            layer.termBase = base;
            termBases[l] = base;
            int m = layer.m;
            for (int j = 0; j < layer.k; j++) {
                for (int i = 0; i < m; i++) {
                    hiddenCode[layer.products[j * m + i]] = (base + j * m + i) << 1;
                }
                for (int i = 1; i < m - 1; i++) {
                    hiddenCode[layer.sums[j * (m - 1) + i - 1]] = ((base + j * m + i) << 1) | 1;
                }
            }
            base += layer.k * m;
        }
    }

    // ---- planning --------------------------------------------------------------------------------

    /**
     * Finds the dense layers of {@code g} (valid topology) and sets its pass view ({@link Graph#dense},
     * {@link Graph#kop}, the pass order, positions and users): with layers, the view described above;
     * without, the topology itself.
     */
    static void plan(Graph g) {
        List<DenseFinder.Group> groups = g.denseLayerMinimum == Integer.MAX_VALUE ? List.of()
                : DenseFinder.find(g, g.denseLayerMinimum, true);
        if (groups.isEmpty()) {
            g.dense = null;
            plainView(g);
            return;
        }
        DenseLayer[] layers = new DenseLayer[groups.size()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new DenseLayer(groups.get(l).inputs(), groups.get(l).neurons());
        }
        DenseLayers d = new DenseLayers(layers, g.size);
        // Which layer each left-out cell belongs to (+1; 0: kept), and each layer's marker.
        int[] leftOut = new int[g.size];
        for (int l = 0; l < layers.length; l++) {
            DenseLayer layer = layers[l];
            int marker = layer.outputs[0];
            for (int out : layer.outputs) {
                if (g.pos[out] < g.pos[marker]) {
                    marker = out;
                }
                leftOut[out] = l + 1;
            }
            layer.marker = marker;
            leftOut[marker] = 0;
            d.layerOfMarker.put(marker, l);
            Arrays.fill(leftOut, layer.wBase, layer.wBase + layer.k * layer.m, l + 1);
            for (int p : layer.products) {
                leftOut[p] = l + 1;
            }
            for (int j = 0; j < layer.k; j++) {
                for (int i = 0; i < layer.m - 2; i++) {
                    leftOut[layer.sums[j * (layer.m - 1) + i]] = l + 1;
                }
            }
        }
        int[] order = new int[g.liveCount];
        int[] pos = new int[g.size];
        int count = 0;
        for (int k = 0; k < g.liveCount; k++) {
            int id = g.order[k];
            if (leftOut[id] == 0) {
                pos[id] = count;
                order[count++] = id;
            }
        }
        for (int id = 0; id < g.size; id++) {
            if (leftOut[id] != 0) {
                pos[id] = pos[layers[leftOut[id] - 1].marker];
            }
        }
        byte[] kop = g.op.clone();
        for (DenseLayer layer : layers) {
            kop[layer.marker] = Kernel.DENSE;
        }
        // Pass users: a left-out user is its layer's marker, listed once per cell.
        int[] start = new int[g.size + 1];
        int[] users = new int[g.users.length];
        int[] lastListedFor = new int[g.size];
        Arrays.fill(lastListedFor, -1);
        int n = 0;
        for (int id = 0; id < g.size; id++) {
            start[id] = n;
            if (d.hiddenCode[id] >= 0 || !g.isLive(id)) {
                continue; // nothing schedules a hidden cell's users: the loop computes them
            }
            for (int u = g.userStart[id]; u < g.userStart[id + 1]; u++) {
                int user = g.users[u];
                if (leftOut[user] != 0) {
                    user = layers[leftOut[user] - 1].marker;
                }
                if (lastListedFor[user] != id) {
                    lastListedFor[user] = id;
                    users[n++] = user;
                }
            }
        }
        start[g.size] = n;
        // Gradients to set to 0 before a backward pass: every cell it visits, and the outputs.
        int outputs = 0;
        for (DenseLayer layer : layers) {
            outputs += layer.k - 1;
        }
        int[] zeroed = Arrays.copyOf(order, count + outputs);
        int z = count;
        for (DenseLayer layer : layers) {
            for (int out : layer.outputs) {
                if (out != layer.marker) {
                    zeroed[z++] = out;
                }
            }
        }
        d.zeroed = zeroed;
        g.dense = d;
        g.kop = kop;
        g.passOrder = Arrays.copyOf(order, count);
        g.passPos = pos;
        g.passUsers = Arrays.copyOf(users, n);
        g.passUserStart = start;
        g.passCount = count;
        g.passLeaves = leadingLeaves(g, g.passOrder, count);
    }

    /**
     * Runs {@code task} with no dense layer, every cell computed by the passes (a gradient check holds
     * computed cells at values), then plans them again; the cells' values and gradients stay current.
     */
    static <T> T suspended(Graph g, java.util.function.Supplier<T> task) {
        if (g.dense == null) {
            return task.get();
        }
        int minimum = g.denseLayerMinimum;
        g.materializeDense(false);
        g.denseLayerMinimum = Integer.MAX_VALUE;
        g.rebuildTopology();
        g.recomputeAll = false; // every cell's stored numbers were just written out
        try {
            return task.get();
        } finally {
            g.denseLayerMinimum = minimum;
            g.rebuildTopology();
        }
    }

    /** Sets the pass view of a graph without dense layers: its topology itself. */
    static void plainView(Graph g) {
        g.kop = g.op;
        g.passOrder = g.order;
        g.passPos = g.pos;
        g.passUsers = g.users;
        g.passUserStart = g.userStart;
        g.passCount = g.liveCount;
        g.passLeaves = leadingLeaves(g, g.order, g.liveCount);
    }

    /** How many positions at the start of {@code order} are leaves, which a pass need not visit. */
    private static int leadingLeaves(Graph g, int[] order, int count) {
        int k = 0;
        while (k < count && isLeaf(g.op[order[k]])) {
            k++;
        }
        return k;
    }

    private static boolean isLeaf(byte op) {
        return op == Kernel.INPUT || op == Kernel.WEIGHT || op == Kernel.CONST;
    }

    // ---- the passes ------------------------------------------------------------------------------

    /** The forward pass reached layer marker {@code id}: computes the layer, returns the marker's value. */
    double forward(Graph g, int id) {
        materialized = false;
        return layers[layerOfMarker.get(id)].forward(g);
    }

    /** The backward pass reached layer marker {@code id}: passes the layer's gradients back. */
    void backward(Graph g, int id) {
        materialized = false;
        layers[layerOfMarker.get(id)].backward(g);
    }

    /**
     * Before a backward pass from {@code objective}: sets to 0 the gradients it accumulates, and the
     * weights' gradients of the layers it will not reach (it sets the others).
     */
    void clearGradients(Graph g, int objective) {
        final double[] d = g.grad;
        for (int id : zeroed) {
            d[id] = 0.0;
        }
        int top = g.passPos[objective];
        for (DenseLayer layer : layers) {
            if (g.passPos[layer.marker] > top) {
                layer.clearWeightGradients(d);
            }
        }
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** Whether cell {@code id} is a product or partial sum a loop stands for. */
    boolean hides(int id) {
        return id < hiddenCode.length && hiddenCode[id] >= 0;
    }

    /** Cell {@code id}'s value: from the graph's arrays, or computed when a loop stands for it. */
    double value(Graph g, int id) {
        int code = id < hiddenCode.length ? hiddenCode[id] : -1;
        if (code < 0 || materialized) {
            return g.value[id];
        }
        DenseLayer layer = layerOfCode(code);
        int t = (code >>> 1) - layer.termBase;
        return layer.value(g, t / layer.m, t % layer.m, (code & 1) != 0);
    }

    /** Cell {@code id}'s gradient, as {@link #value}. */
    double grad(Graph g, int id) {
        int code = id < hiddenCode.length ? hiddenCode[id] : -1;
        if (code < 0 || materialized) {
            return g.grad[id];
        }
        DenseLayer layer = layerOfCode(code);
        return layer.grad(g, ((code >>> 1) - layer.termBase) / layer.m);
    }

    private DenseLayer layerOfCode(int code) {
        int l = Arrays.binarySearch(termBases, code >>> 1);
        return layers[l >= 0 ? l : -l - 2];
    }

    /**
     * Writes every hidden cell's current value and gradient into the graph's arrays, once per state
     * (readers under the read lock may call it together: it is serialized). With {@code record}, each
     * whose stored value differs is added to {@link Graph#changedValues} first: the arrays then hold
     * the values before an edit ({@code record} false at its start), and this lists what it changed.
     */
    synchronized void materialize(Graph g, boolean record) {
        if (materialized) {
            return;
        }
        for (DenseLayer layer : layers) {
            layer.materialize(g, record);
        }
        materialized = true;
    }

    /**
     * Whether every id in [{@code from}, {@code to}) is a weight of a layer: SGD may update such a run
     * without checking each weight, since the next forward pass checks them all at once
     * ({@link #outputsFinite}).
     */
    boolean coversWeights(int from, int to) {
        int covered = from;
        boolean grew = true;
        while (covered < to && grew) {
            grew = false;
            for (DenseLayer layer : layers) {
                int end = layer.wBase + layer.k * layer.m;
                if (layer.wBase <= covered && covered < end) {
                    covered = end;
                    grew = true;
                }
            }
        }
        return covered >= to;
    }

    /**
     * Whether every layer's outputs are finite numbers after a forward pass. Then every layer weight
     * is finite too: a weight that is infinite or NaN makes its product infinite or NaN (∞·0 is NaN),
     * and a sum with such a term stays infinite or NaN.
     */
    boolean outputsFinite(Graph g) {
        for (DenseLayer layer : layers) {
            if (!layer.outputsFinite(g)) {
                return false;
            }
        }
        return true;
    }

    /** How many layers run as loops. */
    int layerCount() {
        return layers.length;
    }

    /** Layer {@code l}, for tests and the benchmarks' floor. */
    DenseLayer layer(int l) {
        return layers[l];
    }
}
