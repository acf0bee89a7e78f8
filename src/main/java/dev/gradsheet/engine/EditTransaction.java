package dev.gradsheet.engine;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The one path by which anything changes a sheet's numbers: every edit, SGD step, training step,
 * undo, redo and probe goes through here, under the sheet's write lock.
 *
 * <p>An edit, once validated (see {@link CellEdits}), is one {@link #run transaction}: <em>apply</em>
 * (a {@link Patch}, or an SGD update) → <em>stabilize</em> (forward over the dirty cells, then
 * backward) → <em>record for undo</em> → <em>announce</em> one {@link ChangeSet}. Recording comes
 * before announcing, so an observer of the change (an Undo button) sees the undo state that includes
 * it. Work that must leave no trace — a probe's "what if", a training batch's samples — uses the
 * quiet operations ({@link #setQuietly}), which never record changed cells and never announce.
 */
final class EditTransaction {
    private final Graph graph;
    private final DisplayOrder order;
    /** Observers and change sets (made only when somebody observes: a command loads no RxJava subject). */
    private final Announcer announcer;
    private final UndoHistory history = new UndoHistory(Sheet.UNDO_LIMIT, Sheet.UNDO_BUDGET_BYTES);
    private long version;
    private double learningRate;
    /** Who is editing now (see {@link Sheet#actingAs}). */
    private Object source;
    /** The edits made so far inside {@link #asOneEdit}, or null outside one. */
    private List<Patch> group;

    EditTransaction(Graph graph, DisplayOrder order, double learningRate, ChangeSet.Names names) {
        this.graph = graph;
        this.order = order;
        this.announcer = new Announcer(graph, names);
        this.learningRate = learningRate;
    }

    // ---- the transaction ---------------------------------------------------------------------

    /**
     * One transaction after validation: {@code change} applies and stabilizes (and says whether the
     * structure changed; it may still refuse by throwing, having put everything back), {@code record}
     * keeps it for undo, then one change set is announced.
     */
    void run(EditLabel label, ChangeSet.Origin origin, BooleanSupplier change, Runnable record) {
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
        announcer.announce(version, label, structural, origin, source, group != null);
    }

    /** A new edit, already built as a patch of the graph's state: applied, recorded, announced. */
    void commit(Patch p) {
        replay(p, true, p.label(), ChangeSet.Origin.EDIT, () -> record(p));
    }

    /** Puts the graph in the patch's after ({@code forward}) or before state and stabilizes, as one transaction. */
    private void replay(Patch p, boolean forward, EditLabel label, ChangeSet.Origin origin, Runnable record) {
        run(label, origin, () -> {
            boolean structural = p.apply(graph, lr -> learningRate = lr, forward);
            if (structural) {
                int[] cycle = graph.rebuildTopology();
                if (cycle.length > 0) {
                    throw new IllegalStateException("patch made a cycle: " + FormulaPlanner.describeCycle(graph, cycle));
                }
                p.markDirty(graph);
                order.invalidate();
            }
            graph.forward();
            graph.backward();
            return structural;
        }, record);
    }

    /** Keeps a new edit for undo: in the history, or in the group {@link #asOneEdit} is making. */
    void record(Patch p) {
        if (group != null) {
            group.add(p);
        } else {
            history.push(p);
        }
    }

    // ---- undo --------------------------------------------------------------------------------

    /** See {@link Sheet#asOneEdit}. */
    void asOneEdit(EditLabel label, Runnable edits) {
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
                replay(Patch.group(label, parts), false, EditLabel.undo(label), ChangeSet.Origin.ROLLBACK, () -> { });
            }
            throw refused;
        } finally {
            group = null;
        }
        if (!parts.isEmpty()) {
            // recorded as one, then announced (with no cells of its own) so undo buttons name the group
            run(label, ChangeSet.Origin.EDIT, () -> false, () -> history.push(Patch.group(label, parts)));
        }
    }

    boolean undo() {
        requireNoGroup("undo");
        Patch p = history.popUndo();
        if (p == null) {
            return false;
        }
        replay(p, false, EditLabel.undo(p.label()), ChangeSet.Origin.UNDO, () -> { });
        return true;
    }

    boolean redo() {
        requireNoGroup("redo");
        Patch p = history.popRedo();
        if (p == null) {
            return false;
        }
        replay(p, true, EditLabel.redo(p.label()), ChangeSet.Origin.REDO, () -> { });
        return true;
    }

    private void requireNoGroup(String what) {
        if (group != null) {
            throw new IllegalStateException("cannot " + what + " inside asOneEdit: it groups new edits only");
        }
    }

    UndoHistory history() {
        return history;
    }

    // ---- training's progress and end ---------------------------------------------------------

    /**
     * Announces a "re-read the numbers" change set ({@link ChangeSet.Kind#RELOAD}, no cells listed)
     * without an undo step: a training run's progress, which changes every number but never the structure.
     */
    void announceProgress(EditLabel label) {
        version++;
        announcer.announceReload(version, label, ChangeSet.Origin.TRAINING, source);
    }

    /**
     * Records values already in place (a training run's, moved by quiet steps) as one undoable edit
     * from {@code before}, then announces it: the end of a training transaction.
     */
    void recordValues(EditLabel label, int[] ids, double[] before, double[] after) {
        record(Patch.values(label, ids, before, after));
        announceProgress(label);
    }

    // ---- quiet work: probes and training batches ---------------------------------------------

    /**
     * Sets leaves {@code ids} to {@code values} and recomputes the values (and, with
     * {@code gradients}, every gradient), recording nothing and telling nobody: a probe's "what if"
     * or one training sample. Whoever calls it puts the sheet back, or records the result.
     */
    void setQuietly(int[] ids, double[] values, boolean gradients) {
        announcer.quiet();
        for (int i = 0; i < ids.length; i++) {
            graph.setLeaf(ids[i], values[i]);
        }
        graph.forward();
        if (gradients) {
            graph.backward();
        }
    }

    double value(int id) {
        return graph.valueOf(id);
    }

    double grad(int id) {
        return graph.gradOf(id);
    }

    /** The objective's value, or NaN without objective. */
    double objectiveValue() {
        return objectiveValueOr(Double.NaN);
    }

    /** The objective's value, or {@code none} without objective. */
    double objectiveValueOr(double none) {
        return graph.objective < 0 ? none : graph.value[graph.objective];
    }

    String nameOf(int id) {
        return graph.names.nameOf(id);
    }

    double[] values(int[] ids) {
        double[] out = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = graph.valueOf(ids[i]);
        }
        return out;
    }

    // ---- settings and observers --------------------------------------------------------------

    long version() {
        return version;
    }

    double learningRate() {
        return learningRate;
    }

    /** Sets who is editing; returns who was. */
    Object actAs(Object who) {
        Object before = source;
        source = who;
        return before;
    }

    Observable<ChangeSet> changes() {
        return announcer.changes();
    }

    ObservableSource<Double> subject(int id, boolean value) {
        return announcer.subject(id, value);
    }
}
