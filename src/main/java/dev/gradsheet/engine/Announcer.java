package dev.gradsheet.engine;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableSource;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import org.eclipse.collections.api.map.primitive.MutableIntObjectMap;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

/**
 * A sheet's observers and change sets, apart from its edits: the per-cell value and gradient
 * subjects (made only for cells somebody observes) and the {@link ChangeSet} stream (made on its
 * first subscriber, so a command that never observes loads no RxJava subject). An edit calls
 * {@link #begin} before it changes the graph (which starts recording changed cells if anyone listens)
 * and {@link #announce} once it has stabilized and been recorded for undo. Every method runs under
 * the sheet's write lock.
 */
final class Announcer {
    private final Graph graph;
    /** How the change sets read their cells' names (under the sheet's lock). */
    private final ChangeSet.Names names;
    private final MutableIntObjectMap<CellSubjects> observed = new IntObjectHashMap<>();
    private volatile Subject<ChangeSet> changes;
    /** Gradients before the current edit, to list the cells whose gradient changed. */
    private double[] previousGrad = new double[0];
    private int sizeBefore;
    private boolean tracking;

    Announcer(Graph graph, ChangeSet.Names names) {
        this.graph = graph;
        this.names = names;
    }

    /** The change stream, made on first use. */
    Observable<ChangeSet> changes() {
        Subject<ChangeSet> s = changes;
        if (s == null) {
            synchronized (this) {
                s = changes;
                if (s == null) {
                    s = PublishSubject.<ChangeSet>create().toSerialized();
                    changes = s;
                }
            }
        }
        return s;
    }

    private boolean changesObserved() {
        Subject<ChangeSet> s = changes;
        return s != null && s.hasObservers();
    }

    /**
     * Cell {@code id}'s value (or gradient) subject, made on first use. Typed as the interface
     * {@link ObservableSource} so that verifying this class loads no subject class: a command that
     * never observes loads none (JarLauncherIT checks).
     */
    ObservableSource<Double> subject(int id, boolean value) {
        CellSubjects s = observed.get(id);
        if (s == null) {
            s = new CellSubjects(graph.valueOf(id), graph.gradOf(id));
            observed.put(id, s);
        }
        return value ? s.value : s.grad;
    }

    /** An edit starts: from here the graph records what changes, if anyone listens to change sets. */
    void begin() {
        tracking = changesObserved();
        graph.trackChanges = tracking;
        graph.changedValues.clear();
        sizeBefore = graph.size;
        if (tracking) {
            graph.materializeDense(false); // the numbers before the edit, of every cell, to compare with
            if (previousGrad.length < graph.size) {
                previousGrad = new double[graph.grad.length];
            }
            System.arraycopy(graph.grad, 0, previousGrad, 0, graph.size);
        }
    }

    /**
     * The edit begun last has stabilized (and was recorded for undo): tells each observed cell whose
     * number changed, then the change stream once, with the cells that changed ({@code partOfGroup}:
     * one edit of a group made as one, whose own change set follows).
     */
    void announce(long version, EditLabel label, boolean structural, ChangeSet.Origin origin, Object source,
                  boolean partOfGroup) {
        boolean track = tracking;
        tracking = false;
        graph.trackChanges = false;
        if (track) {
            graph.materializeDense(true); // lists the cells dense layers' loops stand for that changed
        }
        emitToCells();
        if (track) {
            changes.onNext(changeSet(version, label, structural, origin, source, partOfGroup));
        }
    }

    /**
     * Tells everyone that every number may have changed, without listing cells
     * ({@link ChangeSet.Kind#RELOAD}): a training run's progress.
     */
    void announceReload(long version, EditLabel label, ChangeSet.Origin origin, Object source) {
        tracking = false;
        graph.trackChanges = false;
        emitToCells();
        if (changesObserved()) {
            changes.onNext(new ChangeSet(version, label, ChangeSet.Kind.RELOAD, origin, source,
                    new int[0], new double[0], new double[0], names));
        }
    }

    /** Stops recording changes without telling anyone (a refused edit put back as it was). */
    void quiet() {
        graph.trackChanges = false;
    }

    private void emitToCells() {
        for (int id : observed.keySet().toArray()) {
            CellSubjects s = observed.get(id);
            if (!graph.isLive(id)) {
                s.value.onComplete();
                s.grad.onComplete();
                observed.remove(id);
                continue;
            }
            emitIfChanged(s.value, graph.valueOf(id));
            emitIfChanged(s.grad, graph.gradOf(id));
        }
    }

    private static void emitIfChanged(BehaviorSubject<Double> subject, double now) {
        Double last = subject.getValue();
        if (last == null || Double.doubleToRawLongBits(last) != Double.doubleToRawLongBits(now)) {
            subject.onNext(now);
        }
    }

    private ChangeSet changeSet(long version, EditLabel label, boolean structural, ChangeSet.Origin origin,
                                Object source, boolean partOfGroup) {
        long[] changed = new long[(graph.size + 63) >>> 6];
        for (int i = 0; i < graph.changedValues.size(); i++) {
            int id = graph.changedValues.get(i);
            changed[id >>> 6] |= 1L << id;
        }
        // The listed cells are marked in the bitset, counted, then read out into an exact array:
        // a growing list copied itself ~20 times for the 400k cells an edit of a big MLP's weight
        // changes, and a scratch array kept between edits cost an observed sheet 4 bytes a cell.
        int count = 0;
        for (int word = 0; word < changed.length; word++) {
            long valueChanged = changed[word];
            long listed = 0; // built in a register, stored once per 64 cells
            for (int id = word << 6, end = Math.min(graph.size, id + 64); id < end; id++) {
                double old = id < sizeBefore ? previousGrad[id] : 0.0;
                if (graph.isLive(id) && (Double.doubleToRawLongBits(old) != Double.doubleToRawLongBits(graph.grad[id])
                        || (valueChanged & (1L << id)) != 0 || id >= sizeBefore)) {
                    listed |= 1L << id;
                }
            }
            changed[word] = listed;
            count += Long.bitCount(listed);
        }
        int[] listed = new int[count];
        int n = 0;
        for (int word = 0; word < changed.length; word++) {
            for (long bits = changed[word]; bits != 0; bits &= bits - 1) {
                listed[n++] = (word << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        double[] values = new double[listed.length];
        double[] grads = new double[listed.length];
        for (int i = 0; i < listed.length; i++) {
            values[i] = graph.value[listed[i]];
            grads[i] = graph.grad[listed[i]];
        }
        return new ChangeSet(version, label, structural ? ChangeSet.Kind.STRUCTURE : ChangeSet.Kind.VALUES, origin,
                source, listed, values, grads, names, partOfGroup);
    }

    /** The subjects of one observed cell; cells nobody observes have none, so big sheets stay small. */
    private static final class CellSubjects {
        final BehaviorSubject<Double> value;
        final BehaviorSubject<Double> grad;

        CellSubjects(double v, double g) {
            value = BehaviorSubject.createDefault(v);
            grad = BehaviorSubject.createDefault(g);
        }
    }
}
