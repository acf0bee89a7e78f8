package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sheet's cell edits — values, formulas, new cells, renames, deletes, the objective, the learning
 * rate — each validated before anything changes (a refusal is an {@link EditRefusedException} with a
 * typed reason), then captured as a {@link Patch} and handed to the {@link EditTransaction}, which
 * stabilizes, records it for undo and announces it. Runs under the sheet's write lock.
 */
final class CellEdits {
    private final Graph graph;
    private final EditTransaction transaction;
    private final FormulaPlanner planner;

    CellEdits(Graph graph, EditTransaction transaction) {
        this.graph = graph;
        this.transaction = transaction;
        this.planner = new FormulaPlanner(graph);
    }

    /** Sets several inputs and weights at once: one propagation, one emission, one undo step. */
    void setValues(Map<String, Double> values) {
        int[] ids = new int[values.size()];
        double[] after = new double[values.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            int id = idOf(e.getKey());
            Op kind = graph.opOf(id);
            if (kind != Op.INPUT && kind != Op.WEIGHT) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, e.getKey() + " is computed by its formula ("
                        + FormulaText.of(graph, id) + "); change the formula instead");
            }
            requireFinite(e.getKey(), e.getValue());
            ids[i] = id;
            after[i++] = e.getValue();
        }
        EditLabel label = values.size() == 1
                ? EditLabel.of(EditLabel.Kind.SET_VALUE, values.keySet().iterator().next(), after[0])
                : EditLabel.of(EditLabel.Kind.SET_VALUES, values.size());
        transaction.commit(Patch.values(label, ids, transaction.values(ids), after));
    }

    /** Makes an input a weight or a weight an input, keeping its value. */
    void switchKind(String name) {
        int id = idOf(name);
        Op kind = graph.opOf(id);
        if (kind != Op.INPUT && kind != Op.WEIGHT) {
            throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is computed by its formula; only inputs and weights"
                    + " can switch between input and weight");
        }
        boolean toWeight = kind == Op.INPUT;
        replaceFormula(name, (toWeight ? "weight(" : "input(") + Numbers.exact(graph.value[id]) + ")",
                EditLabel.of(toWeight ? EditLabel.Kind.MAKE_WEIGHT : EditLabel.Kind.MAKE_INPUT, name));
    }

    /** Replaces a user cell's formula, as an edit called {@code label}. */
    void replaceFormula(String name, String formula, EditLabel label) {
        int id = idOf(name);
        if (graph.isGenerated(id)) {
            throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is part of " + graph.names.nameOf(graph.rootOf(id))
                    + "'s formula; edit that formula instead");
        }
        Lowering.Plan plan = planner.plan(id, formula, null);
        int[] old = graph.generatedOf(id);
        PatchBuilder p = new PatchBuilder(label, graph);
        p.touch(id);
        p.touch(old);
        for (int g : old) {
            graph.kill(g);
        }
        p.touchNew(planner.build(plan, name, id));
        transaction.commit(p.done());
    }

    /** Adds a cell at the end; with {@code makeObjective} it becomes the objective in the same edit. */
    void addCell(String name, String formula, boolean makeObjective) {
        requireFreeName(name);
        Lowering.Plan plan = planner.plan(-1, formula, name);
        PatchBuilder p = new PatchBuilder(EditLabel.of(EditLabel.Kind.ADD, name), graph);
        int id = graph.allocatePlaceholder(name);
        graph.rank[id] = graph.nextRank++;
        p.touchNew(planner.build(plan, name, id));
        p.touchNew(id);
        if (makeObjective) {
            graph.explicitObjective = id;
        } else if (!graph.isLive(graph.explicitObjective) && isFormula(graph.opOf(id))) {
            graph.explicitObjective = id; // a sheet without objective takes its first formula cell
        }
        transaction.commit(p.done());
    }

    /** Renames a user cell and its generated cells; formulas follow, since they refer to cells. */
    void rename(String name, String newName) {
        int id = idOf(name);
        if (graph.isGenerated(id)) {
            throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is generated; rename "
                    + graph.names.nameOf(graph.rootOf(id)) + " instead");
        }
        if (name.equals(newName)) {
            return;
        }
        requireFreeName(newName);
        PatchBuilder p = new PatchBuilder(EditLabel.of(EditLabel.Kind.RENAME, name, newName), graph);
        int[] generated = graph.generatedOf(id);
        p.touch(id);
        p.touch(generated);
        graph.names.put(id, newName);
        for (int g : generated) {
            String old = graph.names.nameOf(g);
            graph.names.put(g, newName + old.substring(old.indexOf('.')));
        }
        transaction.commit(p.done());
    }

    /** Deletes a user cell and its generated cells; refused while other cells use it. */
    void delete(String name) {
        int id = idOf(name);
        if (graph.isGenerated(id)) {
            throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is part of " + graph.names.nameOf(graph.rootOf(id))
                    + "'s formula; edit or delete that cell instead");
        }
        List<String> users = usersOf(id);
        if (!users.isEmpty()) {
            String by = String.join(", ", users);
            throw EditRefusedException.of(EditRefusedException.Reason.CELL, EditRefusedException.Detail.USED_BY,
                    "cannot delete " + name + ": used by " + by, 0, name, by);
        }
        PatchBuilder p = new PatchBuilder(EditLabel.of(EditLabel.Kind.DELETE, name), graph);
        int[] generated = graph.generatedOf(id);
        p.touch(id);
        p.touch(generated);
        graph.kill(id);
        for (int g : generated) {
            graph.kill(g);
        }
        transaction.commit(p.done());
    }

    /** Makes {@code name} the objective; null makes it the last cell defined. */
    void setObjective(String name) {
        int id = name == null ? graph.lastUserCell() : idOf(name);
        PatchBuilder p = new PatchBuilder(name == null ? EditLabel.of(EditLabel.Kind.OBJECTIVE_LAST)
                : EditLabel.of(EditLabel.Kind.OBJECTIVE, name), graph);
        graph.explicitObjective = id;
        transaction.commit(p.done());
    }

    void setLearningRate(double lr) {
        requirePositive("learning rate", lr);
        transaction.commit(Patch.learningRate(transaction.learningRate(), lr));
    }

    /** The user cells (not generated) that use cell {@code id} in their formulas. */
    List<String> usersOf(int id) {
        List<String> out = new ArrayList<>();
        for (int u : graph.usersOf(id)) {
            String owner = graph.names.nameOf(graph.rootOf(u));
            if (!out.contains(owner)) {
                out.add(owner);
            }
        }
        return out;
    }

    /** The ids of input cells {@code inputs}, refusing any that is not an input (data binds to inputs only). */
    int[] inputIds(List<String> inputs) {
        int[] ids = new int[inputs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf(inputs.get(i));
            if (graph.opOf(ids[i]) != Op.INPUT) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, inputs.get(i) + " is not an input cell (it is "
                        + graph.opOf(ids[i]).label() + "); data can only bind to inputs");
            }
        }
        return ids;
    }

    /** The live cell called {@code name}; refused as an unknown cell otherwise. */
    int idOf(String name) {
        int id = name == null ? -1 : graph.names.idOf(name);
        if (id < 0 || !graph.isLive(id)) {
            throw EditRefusedException.of(EditRefusedException.Reason.UNKNOWN_CELL, EditRefusedException.Detail.UNKNOWN_CELL,
                    "unknown cell " + Messages.quote(name), 0, name);
        }
        return id;
    }

    /**
     * Whether a cell computed by {@code op} is a formula (not a number: input, weight or constant),
     * the kind of cell a sheet without objective takes as its objective when it is added.
     */
    static boolean isFormula(Op op) {
        return op != Op.INPUT && op != Op.WEIGHT && op != Op.CONST;
    }

    private void requireFreeName(String name) {
        if (!FormulaParser.isValidName(name)) {
            throw EditRefusedException.of(EditRefusedException.Reason.NAME, EditRefusedException.Detail.BAD_NAME,
                    Messages.quote(name) + " is not a valid name: use letters, digits and _,"
                    + " not starting with a digit (at most 200 characters)", 0, name);
        }
        if (graph.names.idOf(name) >= 0) {
            throw EditRefusedException.of(EditRefusedException.Reason.NAME, EditRefusedException.Detail.NAME_TAKEN,
                    "a cell named " + name + " already exists", 0, name);
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new EditRefusedException(EditRefusedException.Reason.ARGUMENT, name + " must be a finite number, not " + v);
        }
    }

    static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new EditRefusedException(EditRefusedException.Reason.ARGUMENT, what + " must be a positive number, not " + v);
        }
    }
}
