package dev.gradsheet.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the graph picture puts each node: a column (layer) and a place in that column (row), drawn
 * left to right. Computed cells sit one column after the deepest computed cell they use, so an
 * MLP's layers come out as columns; leaves (inputs, weights, constants) sit just before their first
 * user, inputs one column further left than weights so data and parameters do not share a column.
 * Rows are ordered by the barycentre of their neighbours (a few sweeps each way), which keeps each
 * weight beside the neuron it feeds and uncrosses most edges.
 */
public final class GraphLayers {
    /** A node's column and its place within the column (both from 0). */
    public record Place(String id, int layer, int row) {
    }

    private static final int SWEEPS = 4;

    private GraphLayers() {
    }

    /**
     * Places {@code ids} (in sheet order) joined by {@code edges}; {@code computeOrder} holds the same
     * ids in the order the engine computes them ({@link dev.gradsheet.engine.Sheet#evaluationOrder()}),
     * {@code inputs} the ids of data cells (drawn one column left of weights).
     */
    public static List<Place> place(List<String> ids, List<String> computeOrder, List<GraphModel.Edge> edges,
                                    Set<String> inputs) {
        Map<String, List<String>> args = new HashMap<>();
        Map<String, List<String>> users = new HashMap<>();
        for (GraphModel.Edge e : edges) {
            args.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.source());
            users.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target());
        }
        Map<String, Integer> column = columns(ids, computeOrder, args, users, inputs);
        // consecutive columns: drop the ones nobody uses
        List<Integer> used = column.values().stream().distinct().sorted().toList();
        Map<Integer, Integer> compact = new HashMap<>();
        for (int i = 0; i < used.size(); i++) {
            compact.put(used.get(i), i);
        }
        List<List<String>> layers = new ArrayList<>();
        used.forEach(u -> layers.add(new ArrayList<>()));
        Map<String, Integer> layerOf = new HashMap<>();
        for (String id : ids) {
            int l = compact.get(column.get(id));
            layerOf.put(id, l);
            layers.get(l).add(id);
        }
        order(layers, layerOf, args, users);
        List<Place> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int r = 0; r < layers.get(l).size(); r++) {
                out.add(new Place(layers.get(l).get(r), l, r));
            }
        }
        return out;
    }

    /**
     * Column per node: 2·depth for computed cells, just before the first user for leaves. Depths are
     * found in the engine's order, where every argument comes before its user; an edge against that
     * order (a hidden weight drawn as part of its first user, pointing at an earlier user) adds no depth.
     */
    private static Map<String, Integer> columns(List<String> ids, List<String> computeOrder,
                                                Map<String, List<String>> args, Map<String, List<String>> users,
                                                Set<String> inputs) {
        Map<String, Integer> depth = new HashMap<>();
        for (String id : computeOrder) {
            int d = 0;
            for (String a : args.getOrDefault(id, List.of())) {
                if (args.containsKey(a) && depth.containsKey(a)) {
                    d = Math.max(d, depth.get(a) + 1);
                }
            }
            depth.put(id, args.containsKey(id) ? Math.max(1, d) : 0);
        }
        Map<String, Integer> column = new LinkedHashMap<>();
        for (String id : ids) {
            if (args.containsKey(id)) {
                column.put(id, 2 * depth.getOrDefault(id, 1) + 1);
            }
        }
        for (String id : ids) {
            if (!args.containsKey(id)) {
                int first = users.getOrDefault(id, List.of()).stream().filter(column::containsKey)
                        .mapToInt(column::get).min().orElse(inputs.contains(id) ? 1 : 2);
                column.put(id, first - (inputs.contains(id) ? 2 : 1));
            }
        }
        return column;
    }

    /** Barycentre sweeps: each column sorted by the mean row of its neighbours in the column before (after). */
    private static void order(List<List<String>> layers, Map<String, Integer> layerOf,
                              Map<String, List<String>> args, Map<String, List<String>> users) {
        Map<String, Double> row = new HashMap<>();
        layers.forEach(layer -> {
            for (int r = 0; r < layer.size(); r++) {
                row.put(layer.get(r), (double) r);
            }
        });
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 0; k < layers.size(); k++) {
                int l = down ? k : layers.size() - 1 - k;
                List<String> layer = layers.get(l);
                Map<String, Double> key = new HashMap<>();
                for (String id : layer) {
                    Collection<String> near = down ? args.getOrDefault(id, List.of()) : users.getOrDefault(id, List.of());
                    double sum = 0;
                    int n = 0;
                    for (String m : near) {
                        Integer ml = layerOf.get(m);
                        if (ml != null && (down ? ml < l : ml > l)) {
                            sum += row.get(m);
                            n++;
                        }
                    }
                    key.put(id, n == 0 ? row.get(id) : sum / n);
                }
                layer.sort(Comparator.comparingDouble(key::get)); // stable: ties keep their order
                // spread the column's rows over the same scale as its neighbours' rows
                for (int r = 0; r < layer.size(); r++) {
                    row.put(layer.get(r), (double) r);
                }
            }
        }
    }

    /**
     * The nodes and edges on some path from {@code from} to {@code to} (both included), as node ids;
     * empty when {@code to} does not depend on {@code from}.
     */
    public static Set<String> path(List<GraphModel.Edge> edges, String from, String to) {
        if (from == null || to == null) {
            return Set.of();
        }
        Map<String, List<String>> users = new HashMap<>();
        Map<String, List<String>> args = new HashMap<>();
        for (GraphModel.Edge e : edges) {
            users.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target());
            args.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.source());
        }
        Set<String> down = reach(from, users);
        Set<String> up = reach(to, args);
        down.retainAll(up);
        return down;
    }

    private static Set<String> reach(String start, Map<String, List<String>> next) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        while (!queue.isEmpty()) {
            for (String n : next.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }
}
