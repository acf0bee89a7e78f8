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

    UndoHistory(int limit, long budget) {
        this.limit = limit;
        this.budget = budget;
    }

    /** Records a new edit; it clears what could be redone. */
    void push(Patch p) {
        undo.push(p);
        bytes += p.approximateBytes();
        for (Patch r : redo) {
            bytes -= r.approximateBytes();
        }
        redo.clear();
        while (undo.size() > 1 && (undo.size() > limit || bytes > budget)) {
            bytes -= undo.removeLast().approximateBytes();
        }
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

    String undoLabel() {
        return undo.isEmpty() ? null : undo.peek().label();
    }

    String redoLabel() {
        return redo.isEmpty() ? null : redo.peek().label();
    }
}
