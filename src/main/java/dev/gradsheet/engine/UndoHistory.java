package dev.gradsheet.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of a sheet. Keeps at most {@code limit} edits and about {@code budget}
 * bytes of them — an SGD step on a million-cell sheet records every weight twice — dropping the
 * oldest first, but always keeps the latest edit.
 */
final class UndoHistory {
    private final int limit;
    private final long budget;
    private final Deque<Patch> undo = new ArrayDeque<>();
    private final Deque<Patch> redo = new ArrayDeque<>();
    private long bytes;
    /** Undo memory shared with other sheets, or null. */
    private UndoBudget shared;
    /** The weights array of the last SGD step record dropped, for the next step to fill ({@link #takeSpare}). */
    private double[] spare;

    UndoHistory(int limit, long budget) {
        this.limit = limit;
        this.budget = budget;
    }

    /** Records a new edit; it clears what could be redone. */
    void push(Patch p) {
        undo.push(p);
        add(p.approximateBytes());
        for (Patch r : redo) {
            add(-r.approximateBytes());
            dropped(r);
        }
        redo.clear();
        while (undo.size() > 1 && (undo.size() > limit || bytes > budget || (shared != null && shared.over()))) {
            Patch old = undo.removeLast();
            add(-old.approximateBytes());
            dropped(old);
        }
    }

    private void dropped(Patch p) {
        double[] before = p.reusableBefore();
        if (before != null) {
            spare = before;
        }
    }

    /**
     * An array of {@code length} doubles no kept edit holds any more (an SGD step's record dropped from
     * the history), or null: a step that fills it allocates nothing. At most one is kept.
     */
    double[] takeSpare(int length) {
        double[] a = spare;
        if (a == null || a.length != length) {
            return null;
        }
        spare = null;
        return a;
    }

    private void add(long n) {
        bytes += n;
        if (shared != null) {
            shared.add(n);
        }
    }

    /** From now on this history counts against {@code budget} (with what it holds already). */
    void share(UndoBudget budget) {
        if (shared != null) {
            shared.add(-bytes);
        }
        shared = budget;
        if (shared != null) {
            shared.add(bytes);
        }
    }

    /** Forgets every edit, giving its memory back to the shared budget. */
    void clear() {
        add(-bytes);
        undo.clear();
        redo.clear();
        spare = null; // the memory goes back too
    }

    long bytes() {
        return bytes;
    }

    Patch popUndo() {
        Patch p = undo.poll();
        if (p != null) {
            redo.push(p);
        }
        return p;
    }

    Patch popRedo() {
        Patch p = redo.poll();
        if (p != null) {
            undo.push(p);
        }
        return p;
    }

    int size() {
        return undo.size();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    EditLabel undoLabel() {
        return undo.isEmpty() ? null : undo.peek().label();
    }

    EditLabel redoLabel() {
        return redo.isEmpty() ? null : redo.peek().label();
    }
}
