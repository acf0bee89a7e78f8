package dev.gradsheet.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/** The undo and redo stacks of a sheet, keeping at most a fixed number of edits. */
final class UndoHistory {
    private final int limit;
    private final Deque<Patch> undo = new ArrayDeque<>();
    private final Deque<Patch> redo = new ArrayDeque<>();

    UndoHistory(int limit) {
        this.limit = limit;
    }

    /** Records a new edit; it clears what could be redone. */
    void push(Patch p) {
        undo.push(p);
        redo.clear();
        while (undo.size() > limit) {
            undo.removeLast();
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
