package dev.gradsheet.export;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Op;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One consistent read of a sheet for the exports: its cells in display order (generated ones
 * included), each cell's arguments by index, the objective, and what backpropagation needs to be
 * written out as the engine runs it — who uses each cell, which cells the objective depends on, which
 * {@code bce} cells take the logits form, and an order in which every cell comes after its arguments.
 */
final class ExportGraph {
    /** One use of a cell: cell {@code user} takes it as argument number {@code position}. */
    record Use(int user, int position) {
    }

    final List<Cell> cells;
    final Op[] ops;
    final int[][] args;
    /** The objective's index, or -1. */
    final int objective;
    final double learningRate;
    /** Cells the objective depends on, itself included: only their gradients flow back (the engine's pass starts there). */
    final boolean[] feedsObjective;
    /** Indices in an order where each cell follows its arguments (the display order need not be one). */
    final int[] topological;
    /** Position of each cell in {@link #topological}. */
    final int[] rank;
    private final List<List<Use>> uses;
    private final Map<String, Integer> index = new HashMap<>();

    private ExportGraph(List<Cell> cells, Map<String, List<String>> arguments, String objective, double learningRate) {
        this.cells = List.copyOf(cells);
        int n = cells.size();
        this.ops = new Op[n];
        this.args = new int[n][];
        for (int i = 0; i < n; i++) {
            index.put(cells.get(i).name(), i);
            ops[i] = Op.byLabel(cells.get(i).kind());
        }
        uses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            uses.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            List<String> names = arguments.getOrDefault(cells.get(i).name(), List.of());
            args[i] = new int[names.size()];
            for (int k = 0; k < names.size(); k++) {
                args[i][k] = index.get(names.get(k));
                uses.get(args[i][k]).add(new Use(i, k));
            }
        }
        this.objective = objective == null ? -1 : index.get(objective);
        this.learningRate = learningRate;
        this.topological = topologicalOrder();
        this.rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[topological[k]] = k;
        }
        this.feedsObjective = new boolean[n];
        if (this.objective >= 0) {
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(this.objective));
            while (!todo.isEmpty()) {
                int c = todo.pop();
                if (!feedsObjective[c]) {
                    feedsObjective[c] = true;
                    for (int a : args[c]) {
                        todo.push(a);
                    }
                }
            }
        }
        for (List<Use> list : uses) {
            // The engine's backward pass visits users in reverse topological order; sums follow it.
            list.sort((a, b) -> Integer.compare(rank[b.user()], rank[a.user()]));
        }
    }

    /** Reads {@code sheet} under its lock, so no edit lands between the parts. */
    static ExportGraph of(Sheet sheet) {
        return sheet.read(() -> new ExportGraph(sheet.cells(), sheet.arguments(), sheet.objective(), sheet.learningRate()));
    }

    int size() {
        return cells.size();
    }

    String name(int i) {
        return cells.get(i).name();
    }

    Cell cell(int i) {
        return cells.get(i);
    }

    /** Whether cell {@code i}'s value is set directly: an input or a weight. */
    boolean isLeaf(int i) {
        return ops[i] == Op.INPUT || ops[i] == Op.WEIGHT;
    }

    boolean isWeight(int i) {
        return ops[i] == Op.WEIGHT;
    }

    /** The cells that use cell {@code i}, the ones whose gradient reaches the objective's pass first. */
    List<Use> usesOf(int i) {
        return uses.get(i);
    }

    /**
     * Whether {@code bce} cell {@code i} takes the logits form: its probability is a sigmoid cell, so
     * the engine computes softplus(z) − t·z from the sigmoid's argument z and sends the gradient
     * σ(z) − t straight to z.
     */
    boolean isFusedBce(int i) {
        return ops[i] == Op.BCE && ops[args[i][0]] == Op.SIGMOID;
    }

    /** Whether sigmoid cell {@code i} is the probability of a logits-form {@code bce} that feeds the objective. */
    boolean hasFusedUser(int i) {
        for (Use u : uses.get(i)) {
            if (u.position() == 0 && isFusedBce(u.user()) && feedsObjective[u.user()]) {
                return true;
            }
        }
        return false;
    }

    /** The weights' indices in display order. */
    List<Integer> weights() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (isWeight(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Kahn's algorithm taking the earliest displayed ready cell first, so a sheet in dependency order keeps it. */
    private int[] topologicalOrder() {
        int n = cells.size();
        int[] missing = new int[n];
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            missing[i] = args[i].length;
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        int[] out = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int c = ready.poll();
            out[k++] = c;
            for (Use u : uses.get(c)) {
                if (--missing[u.user()] == 0) {
                    ready.add(u.user());
                }
            }
        }
        return out; // a sheet has no cycle, so every cell was placed
    }
}
