package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a formula's text into cells of a sheet's graph: parses it, resolves its names to cells,
 * refuses a cycle before anything changes ({@link #plan}), then creates the formula's intermediate
 * cells and defines its root ({@link #build}). Runs under the sheet's write lock.
 */
final class FormulaPlanner {
    private final Graph graph;

    FormulaPlanner(Graph graph) {
        this.graph = graph;
    }

    /**
     * Parses and resolves {@code formula} for cell {@code self} (-1 for a new cell called
     * {@code newName}, which may not use itself), refusing unknown names and cycles.
     */
    Lowering.Plan plan(int self, String formula, String newName) {
        try {
            Expr e = FormulaParser.parse(formula);
            Lowering.Plan plan = Lowering.lower(e, (name, column) -> {
                if (name.equals(newName)) {
                    throw new FormulaException(column, EditRefusedException.Detail.USES_ITSELF, "cycle: " + name + " uses itself", name);
                }
                int id = graph.names.idOf(name);
                if (id < 0 || !graph.isLive(id) || graph.isGenerated(id)) {
                    throw new FormulaException(column, EditRefusedException.Detail.UNKNOWN_CELL, "unknown name " + Messages.quote(name), name);
                }
                return id;
            });
            if (self >= 0) {
                int[] cycle = CycleCheck.pathBack(graph, self, plan);
                if (cycle.length > 0) {
                    List<String> names = cycleNames(graph, cycle);
                    throw names.size() == 1
                            ? EditRefusedException.of(EditRefusedException.Reason.CYCLE, EditRefusedException.Detail.USES_ITSELF,
                                    "cycle: " + describeCycle(graph, cycle), 0, names.get(0))
                            : EditRefusedException.of(EditRefusedException.Reason.CYCLE, EditRefusedException.Detail.CYCLE,
                                    "cycle: " + describeCycle(graph, cycle), 0, Messages.cyclePath(names));
                }
            }
            return plan;
        } catch (FormulaException e) {
            throw e.refusal();
        }
    }

    /** Creates the plan's generated cells and defines {@code root} by it; returns the generated ids. */
    int[] build(Lowering.Plan plan, String rootName, int root) {
        int[] created = new int[plan.generated().size()];
        for (int k = 0; k < created.length; k++) {
            Lowering.Step s = plan.generated().get(k);
            created[k] = graph.allocate(rootName + "." + (k + 1), s.op(), resolve(s.args(), created), s.value(), true);
        }
        Lowering.Step s = plan.root();
        graph.define(root, s.op(), resolve(s.args(), created), s.value(), false);
        return created;
    }

    /** A plan's arguments with its references to generated cells (negative) made ids of {@code created}. */
    static int[] resolve(int[] args, int[] created) {
        int[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0) {
                out[i] = created[-out[i] - 1];
            }
        }
        return out;
    }

    /** "a uses b uses a", with generated cells shown as the user cell they belong to. */
    static String describeCycle(Graph graph, int[] cycle) {
        List<String> names = cycleNames(graph, cycle);
        return names.size() == 1 ? names.get(0) + " uses itself" : Messages.cycle(names);
    }

    /** The cells of {@code cycle} by name, the first repeated at the end (one name: a cell using itself). */
    static List<String> cycleNames(Graph graph, int[] cycle) {
        List<String> names = new ArrayList<>();
        for (int id : cycle) {
            String name = graph.names.nameOf(graph.rootOf(id));
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
        }
        if (names.size() > 1 && names.get(0).equals(names.get(names.size() - 1))) {
            names.remove(names.size() - 1);
        }
        if (names.size() > 1) {
            names.add(names.get(0));
        }
        return names;
    }
}
