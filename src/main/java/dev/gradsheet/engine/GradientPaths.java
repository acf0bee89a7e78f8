package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient as the sum over every path from the objective down to the cell of the product of the
 * local derivatives along it: dL/dx = dL/dL · ∂L/∂f · ∂f/∂q · ∂q/∂x = 1 · (−4) · (−4) · 1 = 16.
 * Big graphs have very many paths: the largest few are kept and the rest counted.
 *
 * @param cell      the cell
 * @param objective the objective
 * @param grad      ∂objective/∂cell
 * @param paths     the largest paths by |product|, largest first (at most the number asked for)
 * @param total     how many paths there are in all (as a double: it can exceed a long)
 */
public record GradientPaths(String cell, String objective, double grad, List<Path> paths, double total) {
    /** Paths enumerated at most, to pick the largest from; beyond it only the count is exact. */
    public static final int ENUMERATION_LIMIT = 10_000;

    /**
     * One path: its cells from the objective down to the cell and the local derivative of each step.
     *
     * @param cells   objective, …, cell
     * @param factors factors.get(i) = ∂cells[i]/∂cells[i+1]
     */
    public record Path(List<String> cells, List<Double> factors) {
        public double product() {
            double p = 1;
            for (double f : factors) {
                p *= f;
            }
            return p;
        }

        /** {@code dL/dL · ∂L/∂f · ∂f/∂q · ∂q/∂x = 1 · (-4) · (-4) · 1 = 16}. */
        public String equation() {
            String objective = cells.get(0);
            StringBuilder symbols = new StringBuilder("d" + objective + "/d" + objective);
            StringBuilder numbers = new StringBuilder("1");
            for (int i = 0; i < factors.size(); i++) {
                symbols.append(" · ∂").append(cells.get(i)).append("/∂").append(cells.get(i + 1));
                double f = factors.get(i);
                numbers.append(" · ").append(f < 0 ? "(" + Numbers.readable(f, 6) + ")" : Numbers.readable(f, 6));
            }
            return symbols + " = " + numbers + " = " + Numbers.readable(product(), 6);
        }
    }

    /** The paths from the objective to {@code cell}; {@code largest} of them are kept. */
    public static GradientPaths of(Sheet sheet, String cell, int largest) {
        return sheet.read(() -> {
            String objective = sheet.objective();
            Map<String, GradientExplanation> explained = new HashMap<>();
            Map<String, Double> counts = new HashMap<>();
            double total = count(sheet, cell, objective, explained, counts);
            List<Path> found = new ArrayList<>();
            collect(sheet, cell, objective, new ArrayList<>(List.of(cell)), new ArrayList<>(), explained, counts, found);
            found.sort(Comparator.comparingDouble((Path p) -> -Math.abs(p.product())));
            return new GradientPaths(cell, objective, sheet.grad(cell),
                    List.copyOf(found.subList(0, Math.min(largest, found.size()))), total);
        });
    }

    private static GradientExplanation explain(Sheet sheet, String name, Map<String, GradientExplanation> cache) {
        return cache.computeIfAbsent(name, sheet::explain);
    }

    /** Paths from the objective to {@code name}: 1 at the objective, else the sum over its users. */
    private static double count(Sheet sheet, String name, String objective, Map<String, GradientExplanation> cache,
                                Map<String, Double> counts) {
        Double known = counts.get(name);
        if (known != null) {
            return known;
        }
        // Users are explained before the cell's own count: iterate to avoid deep recursion on long chains.
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        stack.push(name);
        while (!stack.isEmpty()) {
            String n = stack.peek();
            if (counts.containsKey(n)) {
                stack.pop();
                continue;
            }
            if (n.equals(objective)) {
                counts.put(n, 1.0);
                stack.pop();
                continue;
            }
            boolean ready = true;
            double sum = 0;
            for (GradientExplanation.Term t : explain(sheet, n, cache).terms()) {
                Double c = counts.get(t.user());
                if (c == null) {
                    ready = false;
                    stack.push(t.user());
                } else {
                    sum += c;
                }
            }
            if (ready) {
                counts.put(n, sum);
                stack.pop();
            }
        }
        return counts.get(name);
    }

    /** Depth-first from the cell up to the objective, building each path in reverse; stops at the limit. */
    private static void collect(Sheet sheet, String name, String objective, List<String> upward, List<Double> factors,
                                Map<String, GradientExplanation> cache, Map<String, Double> counts, List<Path> out) {
        if (out.size() >= ENUMERATION_LIMIT) {
            return;
        }
        if (name.equals(objective)) {
            List<String> cells = new ArrayList<>(upward);
            java.util.Collections.reverse(cells);
            List<Double> f = new ArrayList<>(factors);
            java.util.Collections.reverse(f);
            out.add(new Path(List.copyOf(cells), List.copyOf(f)));
            return;
        }
        for (GradientExplanation.Term t : explain(sheet, name, cache).terms()) {
            if (counts.getOrDefault(t.user(), 0.0) == 0) {
                continue; // no path to the objective through this user
            }
            upward.add(t.user());
            factors.add(t.local());
            collect(sheet, t.user(), objective, upward, factors, cache, counts, out);
            upward.remove(upward.size() - 1);
            factors.remove(factors.size() - 1);
        }
    }

    /** Everything: {@code dL/dx = Σ over N paths …}, the largest paths and how many are not shown. */
    public String summary() {
        if (cell.equals(objective)) {
            return "d" + objective + "/d" + cell + " = 1";
        }
        long shownCount = paths.size();
        String count = total == 1 ? "1 path" : Numbers.readable(total, 6) + " paths";
        String rest = total > shownCount ? "; " + Numbers.readable(total - shownCount, 6) + " more not shown" : "";
        return "d" + objective + "/d" + cell + " = " + Numbers.readable(grad, 6) + ", summed over " + count + rest;
    }
}
