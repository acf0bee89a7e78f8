package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.api.map.primitive.MutableIntLongMap;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap;

/**
 * Builds a sheet from definitions in any order, as a file lists them: a formula may name a cell
 * defined further down. Collects every problem (bad formula, duplicate or unknown name, cycle) with
 * its line and column instead of stopping at the first, and computes the sheet once at the end.
 */
public final class SheetBuilder {
    private final Graph graph = new Graph();
    private final FlatFormula flat = new FlatFormula();
    private final List<Problem> problems = new ArrayList<>();
    /** Line of each defined user cell, by rank (definition order). */
    private final MutableIntList lineOfRank = new IntArrayList();
    /** Where each not-yet-defined name was first used: line << 32 | column. */
    private final MutableIntLongMap firstUse = new IntLongHashMap();
    private String objective;
    private int objectiveLine;
    private int objectiveColumn;
    private double learningRate = Sheet.DEFAULT_LEARNING_RATE;

    /**
     * Defines cell {@code name} as {@code formula}. {@code nameColumn} and {@code formulaColumn} are
     * where the name and the formula start on {@code line}, so problems point at the right place.
     */
    public SheetBuilder cell(String name, String formula, int line, int nameColumn, int formulaColumn) {
        if (!FormulaParser.isValidName(name)) {
            problems.add(new Problem(line, nameColumn, Messages.quote(name) + " is not a valid name: use letters,"
                    + " digits and _, not starting with a digit (at most 200 characters)"));
            return this;
        }
        int id = graph.names.idOf(name);
        if (id >= 0 && !graph.isPlaceholder(id)) {
            problems.add(new Problem(line, nameColumn, "duplicate name " + Messages.quote(name) + " (first defined on line "
                    + lineOfRank.get(graph.rank[id]) + ")"));
            return this;
        }
        Lowering.Plan plan;
        try {
            plan = Lowering.lower(FormulaParser.parse(formula), (ref, column) -> resolve(ref, line,
                    formulaColumn + column - 1));
        } catch (FormulaException e) {
            problems.add(new Problem(line, formulaColumn + e.column() - 1, e.getMessage()));
            return this;
        }
        if (id < 0) {
            id = graph.names.idOf(name); // the formula may name its own cell (L = L + x): a cycle, not an unknown name
        }
        if (id < 0) {
            id = graph.allocatePlaceholder(name);
        }
        firstUse.remove(id);
        int[] created = new int[plan.generated().size()];
        for (int k = 0; k < created.length; k++) {
            Lowering.Step s = plan.generated().get(k);
            created[k] = graph.allocate(name + "." + (k + 1), s.op(), FormulaPlanner.resolve(s.args(), created), s.value(), true);
        }
        Lowering.Step s = plan.root();
        graph.define(id, s.op(), FormulaPlanner.resolve(s.args(), created), s.value(), false);
        graph.rank[id] = graph.nextRank++;
        lineOfRank.add(line);
        return this;
    }

    /**
     * Defines the cell named by {@code text[nameFrom, nameTo)} as the formula {@code text[formulaFrom,
     * formulaTo)}: the same as {@link #cell(String, String, int, int, int)} with those substrings, but
     * a formula of one operation on names or a number (nearly every line of a big sheet) is read in
     * place by {@link FlatFormula}, without substrings, a syntax tree or a lowering plan.
     */
    public SheetBuilder cell(String text, int nameFrom, int nameTo, int formulaFrom, int formulaTo, int line,
                             int nameColumn, int formulaColumn) {
        int id = validName(text, nameFrom, nameTo) ? graph.names.idOf(text, nameFrom, nameTo) : -2;
        if (id == -2 || (id >= 0 && !graph.isPlaceholder(id)) || !flat.read(text, formulaFrom, formulaTo)) {
            // a bad or duplicate name, or a formula the general parser must read (and explain if wrong)
            return cell(text.substring(nameFrom, nameTo), text.substring(formulaFrom, formulaTo), line, nameColumn,
                    formulaColumn);
        }
        int[] args = flat.argCount == 0 ? NO_ARGS : new int[flat.argCount];
        boolean namesItself = false;
        for (int k = 0; k < args.length; k++) {
            int from = flat.argFrom[k];
            int to = flat.argTo[k];
            int arg = graph.names.idOf(text, from, to);
            args[k] = arg >= 0 ? arg : resolve(text.substring(from, to), line, formulaColumn + from - formulaFrom);
            namesItself |= to - from == nameTo - nameFrom && text.regionMatches(from, text, nameFrom, to - from);
        }
        if (id < 0 && namesItself) {
            id = graph.names.idOf(text, nameFrom, nameTo); // L = L + x: a cycle, not an unknown name
        }
        if (id < 0) {
            id = graph.allocatePlaceholder(text.substring(nameFrom, nameTo));
        }
        firstUse.remove(id);
        graph.define(id, flat.op, args, flat.value, false);
        graph.rank[id] = graph.nextRank++;
        lineOfRank.add(line);
        return this;
    }

    private static final int[] NO_ARGS = new int[0];

    /** {@link FormulaParser#isValidName} of {@code text[from, to)}. */
    private static boolean validName(String text, int from, int to) {
        if (to <= from || to - from > 200 || !FormulaParser.isNameStart(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!FormulaParser.isNamePart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int resolve(String ref, int line, int column) {
        int id = graph.names.idOf(ref);
        if (id < 0) {
            id = graph.allocatePlaceholder(ref);
            firstUse.put(id, ((long) line << 32) | column);
        }
        return id;
    }

    /** Names the objective (else it is the last cell defined); a second one is a problem, the first stays. */
    public SheetBuilder objective(String name, int line, int column) {
        if (objective != null) {
            return problem(line, column, "a second @objective (first on line " + objectiveLine + "): a sheet has one objective");
        }
        this.objective = name;
        this.objectiveLine = line;
        this.objectiveColumn = column;
        return this;
    }

    public SheetBuilder learningRate(double lr) {
        this.learningRate = lr;
        return this;
    }

    /** Records a problem found by the caller (a file reader's syntax checks). */
    public SheetBuilder problem(int line, int column, String message) {
        problems.add(new Problem(line, column, message));
        return this;
    }

    /** The sheet, computed: values forward, gradients backward. */
    public Sheet build() throws SheetBuildException {
        firstUse.forEachKeyValue((id, where) -> problems.add(new Problem((int) (where >>> 32), (int) where,
                "unknown name " + Messages.quote(graph.names.nameOf(id)))));
        if (objective != null) {
            int id = graph.names.idOf(objective);
            if (id < 0 || !graph.isLive(id)) {
                problems.add(new Problem(objectiveLine, objectiveColumn, "unknown objective " + Messages.quote(objective)));
            } else {
                graph.explicitObjective = id;
            }
        } else {
            graph.explicitObjective = graph.lastUserCell(); // once, at load: later cells never take it over
        }
        if (problems.isEmpty()) {
            int[] cycle = graph.rebuildTopology();
            if (cycle.length > 0) {
                int line = lineOfRank.get(graph.rank[graph.rootOf(cycle[0])]);
                problems.add(new Problem(line, 1, "cycle: " + FormulaPlanner.describeCycle(graph, cycle)));
            }
        }
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new SheetBuildException(problems);
        }
        graph.trimToSize();
        graph.forwardAll();
        graph.backward();
        graph.recomputations = 0;
        return new Sheet(graph, learningRate);
    }
}
