package dev.gradsheet.engine;

import io.reactivex.rxjava3.core.Observable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

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
 *
 * <p>This class is the facade: it holds the lock and reads; the work is done by one class per job —
 * {@link CellEdits} validates an edit and captures it as a {@link Patch}, {@link FormulaPlanner} turns a
 * formula into cells, {@link Sgd} is the one SGD routine, {@link EditTransaction} applies, stabilizes,
 * records for undo ({@link UndoHistory}) and announces ({@link Announcer}), and {@link DisplayOrder}
 * keeps the order cells are listed in.
 */
public final class Sheet {
    /** The learning rate used when a sheet names none. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** How many edits undo remembers. */
    static final int UNDO_LIMIT = 500;
    /** About how much memory undo may keep (the latest edit is kept whatever its size). */
    static final long UNDO_BUDGET_BYTES = 64L << 20;
    /** Reading more cells than this at once writes every dense layer's cells out first. */
    private static final int MATERIALIZE_ABOVE = 4096;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Graph graph;
    private final DisplayOrder order;
    private final EditTransaction transaction;
    private final CellEdits edits;
    private final Sgd sgd;

    /** An empty sheet. */
    public Sheet() {
        this(new Graph(), DEFAULT_LEARNING_RATE);
        graph.rebuildTopology();
    }

    /** A sheet over a graph a loader has built and stabilized. */
    Sheet(Graph graph, double learningRate) {
        this.graph = graph;
        this.order = new DisplayOrder(graph);
        this.transaction = new EditTransaction(graph, order, learningRate, new LockedNames(this));
        this.edits = new CellEdits(graph, transaction);
        this.sgd = new Sgd(graph, transaction);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Every live cell in display order: each user cell after the intermediate cells of its formula. */
    public List<Cell> cells() {
        return cells(0, Integer.MAX_VALUE);
    }

    /** {@code limit} cells from position {@code offset} of {@link #cells()}: for lazy grids. */
    public List<Cell> cells(int offset, int limit) {
        return read(() -> {
            int[] ids = order.ids();
            int end = (int) Math.min(ids.length, (long) offset + limit);
            if (end - offset > MATERIALIZE_ABOVE) {
                graph.materializeDense(false); // one pass, not a partial sum's terms per cell
            }
            List<Cell> out = new ArrayList<>(Math.max(0, end - offset));
            for (int i = Math.max(0, offset); i < end; i++) {
                out.add(order.cell(ids[i]));
            }
            return out;
        });
    }

    /** The position of {@code name} in {@link #cells()}, or -1. */
    public int indexOf(String name) {
        return read(() -> {
            int id = graph.names.idOf(name);
            return id < 0 || !graph.isLive(id) ? -1 : order.positionOf(id);
        });
    }

    /**
     * Every live cell's name (generated ones included) in the order the engine computes them: each
     * cell after its arguments and, of the cells ready at the same time, the one created first. The
     * backward pass walks it in reverse. This is the engine's own order, not a copy worked out again,
     * so whatever shows "the order cells are computed in" shows this.
     */
    public List<String> evaluationOrder() {
        return read(() -> {
            List<String> out = new ArrayList<>(graph.liveCount);
            for (int k = 0; k < graph.liveCount; k++) {
                out.add(graph.names.nameOf(graph.identityOrder ? k : graph.order[k])); // as forwardAll walks it
            }
            return out;
        });
    }

    /**
     * The position of {@code name} in {@link #evaluationOrder()}, or -1 when there is no such cell: puts
     * a few cells of a big sheet in the engine's order without listing all of them.
     */
    public int evaluationPosition(String name) {
        return read(() -> {
            int id = graph.names.idOf(name);
            return id < 0 || !graph.isLive(id) ? -1 : graph.pos[id];
        });
    }

    /** The names of the user cells (not generated ones), in definition order. */
    public List<String> names() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            for (int root : order.roots()) {
                out.add(graph.names.nameOf(root));
            }
            return out;
        });
    }

    /** The cell called {@code name}, if there is one. */
    public Optional<Cell> cell(String name) {
        return read(() -> {
            int id = graph.names.idOf(name);
            return id < 0 ? Optional.empty() : Optional.of(order.cell(id));
        });
    }

    /** The value of {@code name}; throws {@link EditRefusedException} for an unknown name. */
    public double value(String name) {
        return read(() -> graph.valueOf(edits.idOf(name)));
    }

    /** ∂objective/∂{@code name}. */
    public double grad(String name) {
        return read(() -> graph.gradOf(edits.idOf(name)));
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
        return read(transaction::objectiveValue);
    }

    public double learningRate() {
        return read(transaction::learningRate);
    }

    /** Counts edits, undos and redos: a cheap "has anything changed" check for savers and views. */
    public long version() {
        return read(transaction::version);
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
        return read(() -> edits.usersOf(edits.idOf(name)));
    }

    /**
     * The distinct arguments of {@code name} (generated cells included) and the distinct cells using it
     * directly, by name; empty lists for an unknown cell. One cell's edges, so a picture of a big
     * sheet's neighbourhood need not read {@link #arguments()} of every cell.
     */
    public List<List<String>> edgesOf(String name) {
        return read(() -> {
            int id = graph.names.idOf(name);
            if (id < 0 || !graph.isLive(id)) {
                return List.of(List.of(), List.of());
            }
            java.util.Set<String> args = new java.util.LinkedHashSet<>();
            for (int k = 0; k < graph.argCount[id]; k++) {
                args.add(graph.names.nameOf(graph.arg(id, k)));
            }
            java.util.Set<String> users = new java.util.LinkedHashSet<>(); // a weight may have 100,000 users
            for (int u : graph.usersOf(id)) {
                if (graph.isLive(u)) {
                    users.add(graph.names.nameOf(u));
                }
            }
            return List.of(List.copyOf(args), List.copyOf(users));
        });
    }

    /**
     * Every live cell's arguments by name, in argument order (a cell using another twice lists it
     * twice): the graph's edges, read in one pass for pictures of the graph.
     */
    public Map<String, List<String>> arguments() {
        return read(() -> {
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            for (int id : order.ids()) {
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
        return read(() -> GradientExplanation.of(graph, edits.idOf(name)));
    }

    /**
     * How many terms {@link #explain} would list for {@code name} (0 for the objective), without
     * building them: cheap for a cell with hundreds of users.
     */
    public int explanationTermCount(String name) {
        return read(() -> GradientExplanation.termCount(graph, edits.idOf(name)));
    }

    /**
     * Why {@code name}'s value is NaN or infinite — e.g. "L is NaN (not a number): the log of a
     * negative number (w = -1)" — or null when it is a finite number.
     */
    public String whyNotFinite(String name) {
        return read(() -> NonFinite.why(graph, edits.idOf(name)));
    }

    /** The same explanation with its cause typed, for a view that words it in its own language; empty when finite. */
    public Optional<NonFinite> notFinite(String name) {
        return Optional.ofNullable(read(() -> NonFinite.of(graph, edits.idOf(name))));
    }

    /**
     * A private copy of the sheet as it is now — cells, formulas, values, gradients, objective and
     * learning rate, without undo history or observers — taken under the read lock in one copy of its
     * arrays. What a picture is computed from: the copy is probed and read under its own lock, so the
     * work never holds this sheet's lock (training and edits go on meanwhile).
     */
    public Sheet copy() {
        return read(() -> new Sheet(graph.copy(), transaction.learningRate()));
    }

    /** Whether the calling thread holds this sheet's lock (read or write): for checks that work runs outside it. */
    public boolean heldByCurrentThread() {
        return lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0;
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
        return transaction.changes();
    }

    private Observable<Double> observe(String name, boolean value) {
        return Observable.defer(() -> write(() -> transaction.subject(edits.idOf(name), value)));
    }

    // ---- edits (validated by CellEdits, run by EditTransaction) --------------------------------

    /** Sets an input's or weight's value. */
    public void setValue(String name, double v) {
        setValues(Map.of(name, v));
    }

    /** Sets several inputs and weights at once: one propagation, one emission, one undo step. */
    public void setValues(Map<String, Double> values) {
        write(() -> edits.setValues(values));
    }

    /** Replaces a cell's formula. */
    public void setFormula(String name, String formula) {
        write(() -> edits.replaceFormula(name, formula, EditLabel.of(EditLabel.Kind.FORMULA, name, formula.strip())));
    }

    /**
     * Makes an input a weight or a weight an input, keeping its value: one undoable edit. Refused
     * for cells computed by a formula.
     */
    public void switchKind(String name) {
        write(() -> edits.switchKind(name));
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
        write(() -> edits.addCell(name, formula, makeObjective));
    }

    /** Renames a cell; formulas that use it follow, since they refer to cells, not names. */
    public void rename(String name, String newName) {
        write(() -> edits.rename(name, newName));
    }

    /** Deletes a cell; refused while other cells use it. */
    public void delete(String name) {
        write(() -> edits.delete(name));
    }

    /** Makes {@code name} the objective; null makes it the last cell defined. */
    public void setObjective(String name) {
        write(() -> edits.setObjective(name));
    }

    /** Sets the learning rate SGD steps use by default (saved with the sheet). */
    public void setLearningRate(double lr) {
        write(() -> edits.setLearningRate(lr));
    }

    // ---- SGD and training --------------------------------------------------------------------

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
     * nothing, if a weight would become NaN or infinite ({@link EditRefusedException.Reason#DIVERGED})
     * or the objective or a gradient is not finite to begin with ({@link EditRefusedException.Reason#NOT_FINITE}).
     */
    public StepResult sgdStep(double lr, int steps) {
        return write(() -> sgd.step(lr, steps));
    }

    /**
     * Training's SGD update ({@link Sgd#update}) under the write lock, without a lambda: a training
     * run calls it once per batch.
     */
    void sgdUpdateLocked(int[] ids, double lr, double[] gradient, double[] scratch) {
        lock.writeLock().lock();
        try {
            sgd.update(ids, lr, gradient, scratch, 0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Starts training: {@code inputs} are the input cells the data binds to (in column order); every
     * weight will move. See {@link TrainingSession}.
     */
    public TrainingSession startTraining(List<String> inputs) {
        return write(() -> new TrainingSession(this, transaction, edits.inputIds(inputs), graph.weightIds.clone()));
    }

    /** A probe of {@code output} over values of {@code inputs}; see {@link Probe}. */
    public Probe probe(List<String> inputs, String output) {
        return write(() -> new Probe(this, transaction, edits.inputIds(inputs), edits.idOf(output)));
    }

    // ---- undo --------------------------------------------------------------------------------

    public boolean canUndo() {
        return read(transaction.history()::canUndo);
    }

    public boolean canRedo() {
        return read(transaction.history()::canRedo);
    }

    /** What {@link #undo()} would undo, or null. */
    public EditLabel undoLabel() {
        return read(transaction.history()::undoLabel);
    }

    /** What {@link #redo()} would redo, or null. */
    public EditLabel redoLabel() {
        return read(transaction.history()::redoLabel);
    }

    /** Undoes the last edit; returns false when there is none. */
    public boolean undo() {
        return write(transaction::undo);
    }

    /** Redoes the last undone edit; returns false when there is none. */
    public boolean redo() {
        return write(transaction::redo);
    }

    /**
     * Makes {@code edits} (calls of this sheet's edit methods: values, formulas, cells, objective,
     * learning rate) one edit: Undo takes them all back in one step, labelled {@code label}. All or
     * nothing: when one of them is refused, those before it are taken back and the refusal is thrown.
     * Each edit still announces its own change set as it lands. Inside another {@code asOneEdit} it
     * joins the outer one.
     */
    public void asOneEdit(EditLabel label, Runnable edits) {
        Objects.requireNonNull(label, "label");
        write(() -> transaction.asOneEdit(label, edits));
    }

    /**
     * Makes this sheet's undo history count against {@code budget}, shared with other sheets (a
     * server's one undo budget); null goes back to the sheet's own limit only.
     */
    public void shareUndoBudget(UndoBudget budget) {
        write(() -> transaction.history().share(budget));
    }

    /** Forgets the undo history (a sheet leaving a server's memory gives its undo memory back). */
    public void forgetHistory() {
        write(transaction.history()::clear);
    }

    /** About how many bytes the undo history holds. */
    public long undoBytes() {
        return read(transaction.history()::bytes);
    }

    int undoDepth() {
        return transaction.history().size();
    }

    // ---- locking -----------------------------------------------------------------------------

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
            Object before = transaction.actAs(who);
            try {
                return edit.get();
            } finally {
                transaction.actAs(before);
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
