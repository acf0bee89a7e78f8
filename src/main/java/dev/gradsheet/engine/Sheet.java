package dev.gradsheet.engine;

import io.reactivex.rxjava3.core.Observable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.api.map.primitive.MutableIntIntMap;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/**
 * A live computation graph of named scalar cells: the heart of GradSheet.
 *
 * <p>Every edit — a value, a formula, a new cell, a rename, a delete, an SGD step — is validated
 * first (a refused edit throws {@link EditRefusedException} and changes nothing), then applied, then
 * the sheet stabilizes: each affected cell is recomputed exactly once in topological order, one
 * reverse pass recomputes every gradient ∂objective/∂cell, and only then are observers told — each
 * observed cell once if its value or gradient changed, and the {@link #changes()} stream once per
 * edit. Edits from several threads are serialized by a lock held until the emissions are done, so
 * nobody sees a state that mixes old and new values. Every edit can be undone and redone.
 */
public final class Sheet {
    /** The learning rate used when a sheet names none. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** How many edits undo remembers. */
    static final int UNDO_LIMIT = 500;
    /** About how much memory undo may keep (the latest edit is kept whatever its size). */
    static final long UNDO_BUDGET_BYTES = 64L << 20;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Graph graph;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private long version;
    private final UndoHistory history = new UndoHistory(UNDO_LIMIT, UNDO_BUDGET_BYTES);
    /** Observers and change sets (made only when somebody observes: a command loads no RxJava subject). */
    private final Announcer announcer;
    /** Who is editing now (see {@link #actingAs}); written and read under the write lock. */
    private Object source;
    /** The edits made so far inside {@link #asOneEdit}, or null outside one. */
    private List<Patch> group;
    /** Scratch space for an SGD step's new weights. */
    private double[] stepBuffer = new double[0];
    /** Counts structural changes; caches of the display order compare against it. */
    private volatile long structureVersion;
    private volatile int[] displayOrder;
    private volatile long displayOrderVersion = -1;

    /** An empty sheet. */
    public Sheet() {
        this(new Graph());
        graph.rebuildTopology();
    }

    /** A sheet over a graph a loader has built and stabilized. */
    Sheet(Graph graph) {
        this.graph = graph;
        this.announcer = new Announcer(graph);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Every live cell in display order: each user cell after the intermediate cells of its formula. */
    public List<Cell> cells() {
        return cells(0, Integer.MAX_VALUE);
    }

    /** {@code limit} cells from position {@code offset} of {@link #cells()}: for lazy grids. */
    public List<Cell> cells(int offset, int limit) {
        return read(() -> {
            int[] order = displayOrder();
            int end = (int) Math.min(order.length, (long) offset + limit);
            List<Cell> out = new ArrayList<>(Math.max(0, end - offset));
            for (int i = Math.max(0, offset); i < end; i++) {
                out.add(snapshot(order[i]));
            }
            return out;
        });
    }

    /** The position of {@code name} in {@link #cells()}, or -1. */
    public int indexOf(String name) {
        return read(() -> {
            int id = graph.names.idOf(name);
            if (id < 0 || !graph.isLive(id)) {
                return -1;
            }
            int[] order = displayOrder();
            for (int i = 0; i < order.length; i++) {
                if (order[i] == id) {
                    return i;
                }
            }
            return -1;
        });
    }

    /** Ids in display order, cached until the next structural change. */
    private int[] displayOrder() {
        int[] cached = displayOrder;
        if (cached != null && displayOrderVersion == structureVersion) {
            return cached;
        }
        int[] order = new int[graph.liveCount];
        int n = 0;
        for (int root : rootsInOrder()) {
            for (int g : graph.generatedOf(root)) {
                order[n++] = g;
            }
            order[n++] = root;
        }
        displayOrder = order;
        displayOrderVersion = structureVersion;
        return order;
    }

    /** The names of the user cells (not generated ones), in definition order. */
    public List<String> names() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            for (int root : rootsInOrder()) {
                out.add(graph.names.nameOf(root));
            }
            return out;
        });
    }

    /** The cell called {@code name}, if there is one. */
    public Optional<Cell> cell(String name) {
        return read(() -> {
            int id = graph.names.idOf(name);
            return id < 0 ? Optional.empty() : Optional.of(snapshot(id));
        });
    }

    /** The value of {@code name}; throws {@link EditRefusedException} for an unknown name. */
    public double value(String name) {
        return read(() -> graph.value[idOf(name)]);
    }

    /** ∂objective/∂{@code name}. */
    public double grad(String name) {
        return read(() -> graph.grad[idOf(name)]);
    }

    /** The number of live cells, generated ones included. */
    public int size() {
        return read(() -> graph.liveCount);
    }

    /** The objective's name, or null for an empty sheet. */
    public String objective() {
        return read(() -> graph.objective < 0 ? null : graph.names.nameOf(graph.objective));
    }

    /** Whether the sheet has an objective (an empty sheet, or one whose objective was deleted, has none). */
    public boolean hasExplicitObjective() {
        return read(() -> graph.isLive(graph.explicitObjective));
    }

    /** The objective's value, or NaN for an empty sheet. */
    public double objectiveValue() {
        return read(() -> graph.objective < 0 ? Double.NaN : graph.value[graph.objective]);
    }

    public double learningRate() {
        return read(() -> learningRate);
    }

    /** Counts edits, undos and redos: a cheap "has anything changed" check for savers and views. */
    public long version() {
        return read(() -> version);
    }

    /** How many cell recomputations the sheet has done in all; tests use it to count work per edit. */
    public long recomputations() {
        return read(() -> graph.recomputations);
    }

    /** The names of the weights, in id order. */
    public List<String> weights() {
        return read(() -> {
            List<String> out = new ArrayList<>(graph.weightIds.length);
            for (int id : graph.weightIds) {
                out.add(graph.names.nameOf(id));
            }
            return out;
        });
    }

    /** The user cells (not generated) that use {@code name} in their formulas. */
    public List<String> usersOf(String name) {
        return read(() -> {
            List<String> out = new ArrayList<>();
            for (int u : graph.usersOf(idOf(name))) {
                String owner = graph.names.nameOf(graph.rootOf(u));
                if (!out.contains(owner)) {
                    out.add(owner);
                }
            }
            return out;
        });
    }

    /**
     * Every live cell's arguments by name, in argument order (a cell using another twice lists it
     * twice): the graph's edges, read in one pass for pictures of the graph.
     */
    public Map<String, List<String>> arguments() {
        return read(() -> {
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            for (int id : displayOrder()) {
                List<String> args = new ArrayList<>(graph.argCount[id]);
                for (int k = 0; k < graph.argCount[id]; k++) {
                    args.add(graph.names.nameOf(graph.arg(id, k)));
                }
                out.put(graph.names.nameOf(id), args);
            }
            return out;
        });
    }

    /** How {@code name}'s gradient was computed by the chain rule; see {@link GradientExplanation}. */
    public GradientExplanation explain(String name) {
        return read(() -> GradientExplanation.of(graph, idOf(name)));
    }

    /** Runs {@code reader} under the read lock: it sees one whole state. */
    public <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- observing ---------------------------------------------------------------------------

    /** The value of {@code name}: the current one on subscribe, then each change; completes on delete. */
    public Observable<Double> valueOf(String name) {
        return observe(name, true);
    }

    /** ∂objective/∂{@code name}: the current one on subscribe, then each change. */
    public Observable<Double> gradOf(String name) {
        return observe(name, false);
    }

    /** One {@link ChangeSet} per edit (undo and redo included), emitted after the edit stabilized. */
    public Observable<ChangeSet> changes() {
        return announcer.changes();
    }

    private Observable<Double> observe(String name, boolean value) {
        return Observable.defer(() -> {
            lock.writeLock().lock();
            try {
                return announcer.subject(idOf(name), value);
            } finally {
                lock.writeLock().unlock();
            }
        });
    }

    // ---- edits -------------------------------------------------------------------------------

    /** Sets an input's or weight's value. */
    public void setValue(String name, double v) {
        setValues(Map.of(name, v));
    }

    /** Sets several inputs and weights at once: one propagation, one emission, one undo step. */
    public void setValues(Map<String, Double> values) {
        write(() -> {
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
            String label = values.size() == 1
                    ? "set " + values.keySet().iterator().next() + " = " + Numbers.exact(after[0])
                    : "set " + values.size() + " values";
            commit(Patch.values(label, ids, valuesOf(ids), after));
        });
    }

    /** Replaces a cell's formula. */
    public void setFormula(String name, String formula) {
        replaceFormula(name, formula, "formula " + name + " = " + formula.strip());
    }

    /**
     * Makes an input a weight or a weight an input, keeping its value: one undoable edit. Refused
     * for cells computed by a formula.
     */
    public void switchKind(String name) {
        write(() -> {
            int id = idOf(name);
            Op kind = graph.opOf(id);
            if (kind != Op.INPUT && kind != Op.WEIGHT) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is computed by its formula; only inputs and weights"
                        + " can switch between input and weight");
            }
            boolean toWeight = kind == Op.INPUT;
            replaceFormula(name, (toWeight ? "weight(" : "input(") + Numbers.exact(graph.value[id]) + ")",
                    "make " + name + (toWeight ? " a weight" : " an input"));
        });
    }

    private void replaceFormula(String name, String formula, String label) {
        write(() -> {
            int id = idOf(name);
            if (graph.isGenerated(id)) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is part of " + graph.names.nameOf(graph.rootOf(id))
                        + "'s formula; edit that formula instead");
            }
            Lowering.Plan plan = plan(id, formula);
            int[] old = graph.generatedOf(id);
            PatchBuilder p = new PatchBuilder(label, graph);
            p.touch(id);
            p.touch(old);
            for (int g : old) {
                graph.kill(g);
            }
            int[] created = apply(plan, name, id);
            p.touchNew(created);
            commit(p.done());
        });
    }

    /** Adds a cell at the end of the sheet; the objective stays (an empty sheet takes its first formula cell). */
    public void addCell(String name, String formula) {
        addCell(name, formula, false);
    }

    /**
     * Adds a cell at the end of the sheet and, when {@code makeObjective}, makes it the objective in
     * the same edit (one undo step): for code that builds a graph node by node, where the newest node
     * is the objective until one is chosen.
     */
    public void addCell(String name, String formula, boolean makeObjective) {
        write(() -> {
            requireFreeName(name);
            Lowering.Plan plan = plan(-1, formula, name);
            PatchBuilder p = new PatchBuilder("add " + name, graph);
            int id = graph.allocatePlaceholder(name);
            graph.rank[id] = graph.nextRank++;
            int[] created = apply(plan, name, id);
            p.touchNew(created);
            p.touchNew(id);
            if (makeObjective) {
                graph.explicitObjective = id;
            } else if (!graph.isLive(graph.explicitObjective) && isFormula(graph.opOf(id))) {
                graph.explicitObjective = id; // a sheet without objective takes its first formula cell
            }
            commit(p.done());
        });
    }

    /** Renames a cell; formulas that use it follow, since they refer to cells, not names. */
    public void rename(String name, String newName) {
        write(() -> {
            int id = idOf(name);
            if (graph.isGenerated(id)) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is generated; rename "
                        + graph.names.nameOf(graph.rootOf(id)) + " instead");
            }
            if (name.equals(newName)) {
                return;
            }
            requireFreeName(newName);
            PatchBuilder p = new PatchBuilder("rename " + name + " to " + newName, graph);
            int[] generated = graph.generatedOf(id);
            p.touch(id);
            p.touch(generated);
            graph.names.put(id, newName);
            for (int g : generated) {
                String old = graph.names.nameOf(g);
                graph.names.put(g, newName + old.substring(old.indexOf('.')));
            }
            commit(p.done());
        });
    }

    /** Deletes a cell; refused while other cells use it. */
    public void delete(String name) {
        write(() -> {
            int id = idOf(name);
            if (graph.isGenerated(id)) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, name + " is part of " + graph.names.nameOf(graph.rootOf(id))
                        + "'s formula; edit or delete that cell instead");
            }
            List<String> users = usersOf(name);
            if (!users.isEmpty()) {
                throw new EditRefusedException(EditRefusedException.Reason.CELL, "cannot delete " + name + ": used by " + String.join(", ", users));
            }
            PatchBuilder p = new PatchBuilder("delete " + name, graph);
            int[] generated = graph.generatedOf(id);
            p.touch(id);
            p.touch(generated);
            graph.kill(id);
            for (int g : generated) {
                graph.kill(g);
            }
            commit(p.done());
        });
    }

    /**
     * Whether a cell computed by {@code op} is a formula (not a number: input, weight or constant),
     * the kind of cell a sheet without objective takes as its objective when it is added.
     */
    static boolean isFormula(Op op) {
        return op != Op.INPUT && op != Op.WEIGHT && op != Op.CONST;
    }

    /** Makes {@code name} the objective; null makes it the last cell defined. */
    public void setObjective(String name) {
        write(() -> {
            int id = name == null ? graph.lastUserCell() : idOf(name);
            PatchBuilder p = new PatchBuilder(name == null ? "objective: last cell" : "objective " + name, graph);
            graph.explicitObjective = id;
            commit(p.done());
        });
    }

    /** Sets the learning rate SGD steps use by default (saved with the sheet). */
    public void setLearningRate(double lr) {
        write(() -> {
            requirePositive("learning rate", lr);
            commit(Patch.learningRate(learningRate, lr));
        });
    }

    /** What an SGD step did to the objective. */
    public record StepResult(int steps, double learningRate, double objectiveBefore, double objectiveAfter) {
    }

    /** One SGD step at the sheet's learning rate. */
    public StepResult sgdStep() {
        return sgdStep(learningRate(), 1);
    }

    /**
     * {@code steps} SGD steps: each moves every weight at once, w ← w − lr·∂objective/∂w, all from
     * the same state. The whole run propagates and emits once and is one undo step. Refused, changing
     * nothing, if a weight would become NaN or infinite.
     */
    public StepResult sgdStep(double lr, int steps) {
        return write(() -> {
            requirePositive("learning rate", lr);
            if (steps < 1) {
                throw new EditRefusedException(EditRefusedException.Reason.ARGUMENT, "steps must be at least 1, not " + steps);
            }
            int[] ids = graph.weightIds;
            double before = objectiveValueLocked();
            double[] start = valuesOf(ids);
            if (stepBuffer.length != ids.length) {
                stepBuffer = new double[ids.length];
            }
            double[] next = stepBuffer;
            String label = steps == 1 ? "SGD step (lr " + Numbers.exact(lr) + ")"
                    : steps + " SGD steps (lr " + Numbers.exact(lr) + ")";
            transaction(label, ChangeSet.Origin.SGD_STEP, () -> {
                sgdSteps(ids, lr, steps, start, next);
                return false;
            }, () -> record(Patch.values(label, ids, start, null))); // the result is copied if it is ever undone
            return new StepResult(steps, lr, before, objectiveValueLocked());
        });
    }

    /** {@code steps} SGD updates from {@code start}; refused (all put back, nothing told) on a non-finite number. */
    private void sgdSteps(int[] ids, double lr, int steps, double[] start, double[] next) {
        for (int s = 0; s < steps; s++) {
            String notFinite = nonFiniteObjectiveOrGradient(ids);
            if (notFinite != null) {
                if (s > 0) {
                    restoreSilently(ids, start);
                }
                throw new EditRefusedException(EditRefusedException.Reason.NOT_FINITE, (s > 0 ? "after step " + s + ", " : "") + notFinite
                        + "; an SGD step needs finite numbers, so nothing was changed");
            }
            int bad = sgdUpdate(ids, lr, null, next);
            if (bad >= 0) {
                restoreSilently(ids, start);
                throw new EditRefusedException(EditRefusedException.Reason.NOT_FINITE, "step " + (s + 1) + " would make "
                        + graph.names.nameOf(ids[bad]) + " " + next[bad] + " (its gradient is "
                        + graph.grad[ids[bad]] + "); nothing was changed");
            }
        }
    }

    /**
     * The one SGD update, used by the step button ({@link #sgdStep}) and by training
     * ({@link TrainingSession#step}): w ← w − lr·gradient[i] for every weight {@code ids[i]} at once
     * ({@code gradient} null: each weight's own current gradient), then one full forward and backward
     * pass. Returns -1 when done; when a weight would become NaN or infinite it changes nothing and
     * returns that weight's index ({@code next[i]} holds the value it would have had), for the caller's
     * message. Allocates nothing: {@code next} is the caller's buffer. Call holding the write lock.
     */
    int sgdUpdate(int[] ids, double lr, double[] gradient, double[] next) {
        final double[] v = graph.value;
        final double[] d = graph.grad;
        for (int i = 0; i < ids.length; i++) {
            next[i] = v[ids[i]] - lr * (gradient == null ? d[ids[i]] : gradient[i]);
            if (!Double.isFinite(next[i])) {
                return i;
            }
        }
        graph.setLeavesAndForwardAll(ids, next);
        graph.backward();
        return -1;
    }

    /** {@link #sgdUpdate} under the write lock, without a lambda: training calls it once per batch. */
    int sgdUpdateLocked(int[] ids, double lr, double[] gradient, double[] next) {
        lock.writeLock().lock();
        try {
            return sgdUpdate(ids, lr, gradient, next);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Makes this sheet's undo history count against {@code budget}, shared with other sheets (a
     * server's one undo budget); null goes back to the sheet's own limit only.
     */
    public void shareUndoBudget(UndoBudget budget) {
        write(() -> history.share(budget));
    }

    /** Forgets the undo history (a sheet leaving a server's memory gives its undo memory back). */
    public void forgetHistory() {
        write(history::clear);
    }

    /** About how many bytes the undo history holds. */
    public long undoBytes() {
        return read(history::bytes);
    }

    /** Why the objective or a weight's gradient is not a finite number, or null when all are. */
    private String nonFiniteObjectiveOrGradient(int[] weights) {
        if (graph.objective >= 0 && !Double.isFinite(graph.value[graph.objective])) {
            return "the objective " + NonFinite.why(graph, graph.objective);
        }
        for (int w : weights) {
            if (!Double.isFinite(graph.grad[w])) {
                return "the gradient of " + graph.names.nameOf(w) + " is " + graph.grad[w];
            }
        }
        return null;
    }

    /**
     * Why {@code name}'s value is NaN or infinite — e.g. "L is NaN (not a number): the log of a
     * negative number (w = -1)" — or null when it is a finite number.
     */
    public String whyNotFinite(String name) {
        return read(() -> NonFinite.why(graph, idOf(name)));
    }

    int undoDepth() {
        return history.size();
    }

    /**
     * Starts training: {@code inputs} are the input cells the data binds to (in column order); every
     * weight will move. See {@link TrainingSession}.
     */
    public TrainingSession startTraining(List<String> inputs) {
        return write(() -> new TrainingSession(this, inputIds(inputs), graph.weightIds.clone()));
    }

    /** A probe of {@code output} over values of {@code inputs}; see {@link Probe}. */
    public Probe probe(List<String> inputs, String output) {
        return write(() -> new Probe(this, inputIds(inputs), idOf(output)));
    }

    private int[] inputIds(List<String> inputs) {
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

    /**
     * Emits a "re-read the numbers" change set ({@link ChangeSet.Kind#RELOAD}, no cells listed) without
     * an undo step: a training run's progress, which changes every number but never the structure.
     */
    void announce(String label) {
        version++;
        announcer.announceReload(version, label, ChangeSet.Origin.TRAINING, source);
    }

    /**
     * Records values already in place (a training run's) as one undoable edit from {@code before} and
     * only then announces it: the end of the edit transaction, whose propagation the trainer did.
     */
    void recordAndAnnounce(String label, int[] ids, double[] before, double[] after) {
        record(Patch.values(label, ids, before, after));
        announce(label);
    }

    public boolean canUndo() {
        return read(history::canUndo);
    }

    public boolean canRedo() {
        return read(history::canRedo);
    }

    /** What {@link #undo()} would undo, or null. */
    public String undoLabel() {
        return read(history::undoLabel);
    }

    public String redoLabel() {
        return read(history::redoLabel);
    }

    /**
     * Makes {@code edits} (calls of this sheet's edit methods: values, formulas, cells, objective,
     * learning rate) one edit: Undo takes them all back in one step, labelled {@code label}. All or
     * nothing: when one of them is refused, those before it are taken back and the refusal is thrown.
     * Each edit still announces its own change set as it lands. Inside another {@code asOneEdit} it
     * joins the outer one.
     */
    public void asOneEdit(String label, Runnable edits) {
        Objects.requireNonNull(label, "label");
        write(() -> {
            if (group != null) {
                edits.run();
                return;
            }
            List<Patch> parts = new ArrayList<>();
            group = parts;
            try {
                edits.run();
            } catch (RuntimeException refused) {
                group = null;
                if (!parts.isEmpty()) {
                    applyAndEmit(Patch.group(label, parts), false, "undo " + label, ChangeSet.Origin.UNDO, () -> { });
                }
                throw refused;
            } finally {
                group = null;
            }
            if (!parts.isEmpty()) {
                // recorded as one, then announced (with no cells of its own) so undo buttons name the group
                transaction(label, ChangeSet.Origin.EDIT, () -> false, () -> history.push(Patch.group(label, parts)));
            }
        });
    }

    private void requireNoGroup(String what) {
        if (group != null) {
            throw new IllegalStateException("cannot " + what + " inside asOneEdit: it groups new edits only");
        }
    }

    /** Keeps a new edit for undo: in the history, or in the group {@link #asOneEdit} is making. */
    private void record(Patch p) {
        if (group != null) {
            group.add(p);
        } else {
            history.push(p);
        }
    }

    /** Undoes the last edit; returns false when there is none. */
    public boolean undo() {
        return write(() -> {
            requireNoGroup("undo");
            Patch p = history.popUndo();
            if (p == null) {
                return false;
            }
            applyAndEmit(p, false, "undo " + p.label(), ChangeSet.Origin.UNDO, () -> { });
            return true;
        });
    }

    /** Redoes the last undone edit; returns false when there is none. */
    public boolean redo() {
        return write(() -> {
            requireNoGroup("redo");
            Patch p = history.popRedo();
            if (p == null) {
                return false;
            }
            applyAndEmit(p, true, "redo " + p.label(), ChangeSet.Origin.REDO, () -> { });
            return true;
        });
    }

    // ---- internals ---------------------------------------------------------------------------

    /**
     * Applies a new edit, records it in the undo history and only then tells observers: an observer
     * reacting to the change (an Undo button, an undo from the same thread) sees the edit in the
     * history it announces.
     */
    private void commit(Patch p) {
        applyAndEmit(p, true, p.label(), ChangeSet.Origin.EDIT, () -> record(p));
    }

    /**
     * Puts the graph in the patch's before or after state and stabilizes, as one transaction (its
     * {@code record} is the undo bookkeeping).
     */
    private void applyAndEmit(Patch p, boolean forward, String label, ChangeSet.Origin origin, Runnable record) {
        transaction(label, origin, () -> {
            boolean structural = p.apply(this, forward);
            if (structural) {
                int[] cycle = graph.rebuildTopology();
                if (cycle.length > 0) {
                    throw new IllegalStateException("patch made a cycle: " + describeCycle(cycle));
                }
                p.markDirty(graph);
                structureVersion++;
            }
            graph.forward();
            graph.backward();
            return structural;
        }, record);
    }

    /**
     * The one edit transaction, for every edit, SGD step, undo and redo, after validation: apply and
     * stabilize ({@code change}, which says whether the structure changed, and may still refuse by
     * throwing, having put everything back), record for undo ({@code record}), then announce once.
     * Recording comes first so an observer of the change sees the undo state that includes it.
     */
    private void transaction(String label, ChangeSet.Origin origin, BooleanSupplier change, Runnable record) {
        announcer.begin();
        boolean structural;
        try {
            structural = change.getAsBoolean();
        } catch (RuntimeException refused) {
            announcer.quiet(); // outside a transaction nothing records changes (probes rely on it)
            throw refused;
        }
        record.run();
        version++;
        announcer.announce(version, label, structural, origin, source);
    }

    void setLearningRateSilently(double lr) {
        learningRate = lr;
    }

    /** Parses and resolves a formula for cell {@code self} (-1 for a new cell), refusing cycles. */
    private Lowering.Plan plan(int self, String formula) {
        return plan(self, formula, null);
    }

    /** Like {@link #plan(int, String)} for a new cell called {@code newName}, which may not use itself. */
    private Lowering.Plan plan(int self, String formula, String newName) {
        try {
            Expr e = FormulaParser.parse(formula);
            Lowering.Plan plan = Lowering.lower(e, (name, column) -> {
                if (name.equals(newName)) {
                    throw new FormulaException(column, "cycle: " + name + " uses itself");
                }
                int id = graph.names.idOf(name);
                if (id < 0 || !graph.isLive(id) || graph.isGenerated(id)) {
                    throw new FormulaException(column, "unknown name " + Messages.quote(name));
                }
                return id;
            });
            if (self >= 0) {
                int[] cycle = CycleCheck.pathBack(graph, self, plan);
                if (cycle.length > 0) {
                    throw new EditRefusedException(EditRefusedException.Reason.CYCLE, "cycle: " + describeCycle(cycle));
                }
            }
            return plan;
        } catch (FormulaException e) {
            throw new EditRefusedException(EditRefusedException.Reason.FORMULA, e.getMessage(), e.column());
        }
    }

    /** Creates the plan's generated cells and defines the root; returns the generated ids. */
    private int[] apply(Lowering.Plan plan, String rootName, int root) {
        int[] created = new int[plan.generated().size()];
        for (int k = 0; k < created.length; k++) {
            Lowering.Step s = plan.generated().get(k);
            created[k] = graph.allocate(rootName + "." + (k + 1), s.op(), resolve(s.args(), created), s.value(), true);
        }
        Lowering.Step s = plan.root();
        graph.define(root, s.op(), resolve(s.args(), created), s.value(), false);
        return created;
    }

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
    String describeCycle(int[] cycle) {
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
        if (names.size() == 1) {
            return names.get(0) + " uses itself";
        }
        names.add(names.get(0));
        return Messages.cycle(names);
    }

    private int idOf(String name) {
        int id = name == null ? -1 : graph.names.idOf(name);
        if (id < 0 || !graph.isLive(id)) {
            throw new EditRefusedException(EditRefusedException.Reason.UNKNOWN_CELL, "unknown cell " + Messages.quote(name));
        }
        return id;
    }

    private void requireFreeName(String name) {
        if (!FormulaParser.isValidName(name)) {
            throw new EditRefusedException(EditRefusedException.Reason.NAME, Messages.quote(name) + " is not a valid name: use letters, digits and _,"
                    + " not starting with a digit (at most 200 characters)");
        }
        if (graph.names.idOf(name) >= 0) {
            throw new EditRefusedException(EditRefusedException.Reason.NAME, "a cell named " + name + " already exists");
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new EditRefusedException(EditRefusedException.Reason.ARGUMENT, name + " must be a finite number, not " + v);
        }
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new EditRefusedException(EditRefusedException.Reason.ARGUMENT, what + " must be a positive number, not " + v);
        }
    }

    private double objectiveValueLocked() {
        return graph.objective < 0 ? Double.NaN : graph.value[graph.objective];
    }

    private double[] valuesOf(int[] ids) {
        double[] out = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = graph.value[ids[i]];
        }
        return out;
    }

    /** Puts weights back after a refused run, without telling anyone (the state is as it was). */
    private void restoreSilently(int[] ids, double[] values) {
        announcer.quiet();
        for (int i = 0; i < ids.length; i++) {
            graph.setLeaf(ids[i], values[i]);
        }
        graph.forward();
        graph.backward();
    }

    private Cell snapshot(int id) {
        boolean generated = graph.isGenerated(id);
        return new Cell(graph.names.nameOf(id), graph.opOf(id).label(), FormulaText.of(graph, id),
                graph.value[id], graph.grad[id], generated, graph.names.nameOf(graph.rootOf(id)));
    }

    /** Live user cells in definition order. */
    private int[] rootsInOrder() {
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

    private void write(Runnable edit) {
        write(() -> {
            edit.run();
            return null;
        });
    }

    private <T> T write(Supplier<T> edit) {
        lock.writeLock().lock();
        try {
            return edit.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code edit} (any of this sheet's edits, undo and redo) on behalf of {@code who}, an opaque
     * token — a browser tab's presenter, say: the change sets it emits carry it as
     * {@link ChangeSet#source()}, so a tab can tell its own undo from another tab's however close
     * together they land.
     */
    public <T> T actingAs(Object who, Supplier<T> edit) {
        return write(() -> {
            Object before = source;
            source = who;
            try {
                return edit.get();
            } finally {
                source = before;
            }
        });
    }

    /** As {@link #actingAs(Object, Supplier)} for an edit without a result. */
    public void actingAs(Object who, Runnable edit) {
        actingAs(who, () -> {
            edit.run();
            return null;
        });
    }

    /** Runs {@code task} holding the sheet's write lock, for engine-level tools such as the gradient check. */
    <T> T locked(Supplier<T> task) {
        return write(task);
    }

    @Override
    public String toString() {
        return "Sheet(" + size() + " cells, objective " + objective() + ")";
    }
}
