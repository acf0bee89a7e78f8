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
        }
        redo.clear();
        while (undo.size() > 1 && (undo.size() > limit || bytes > budget || (shared != null && shared.over()))) {
            add(-undo.removeLast().approximateBytes());
        }
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
