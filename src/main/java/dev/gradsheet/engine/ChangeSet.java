package dev.gradsheet.engine;

import java.util.Arrays;

/**
 * What one edit changed, as the sheet's change stream emits it: one change set per edit, after the
 * whole edit has propagated. It says what it is — its {@link Kind} (numbers only, the sheet's
 * structure, or "re-read everything") and its {@link Origin} (an edit, an SGD step, training, undo,
 * redo), plus an opaque {@link #source()} naming who made it — and lists every cell whose value or
 * gradient changed, with the new numbers, so a view updates from the change set itself.
 */
public final class ChangeSet {
    /** What kind of change: how much a view has to re-read. */
    public enum Kind {
        /** Only numbers changed, and every changed cell is listed. */
        VALUES,
        /** Cells were added, removed, renamed or re-wired: a view rebuilds its lists and pictures. */
        STRUCTURE,
        /** Numbers changed but are not listed (a training run's progress): re-read the numbers, keep the structure. */
        RELOAD
    }

    /** What made the change. */
    public enum Origin {
        /** An edit of cells: a value, a formula, a rename, an added or deleted cell, the objective. */
        EDIT,
        /** The SGD step button or {@code step}. */
        SGD_STEP,
        /** A training run: its progress and its end (one undoable edit). */
        TRAINING,
        /** Undo of an earlier change. */
        UNDO,
        /** Redo of an undone change. */
        REDO
    }

    private final long version;
    private final String label;
    private final Kind kind;
    private final Origin origin;
    private final Object source;
    private final String[] names;
    private final double[] values;
    private final double[] grads;

    ChangeSet(long version, String label, Kind kind, Origin origin, Object source, String[] names,
              double[] values, double[] grads) {
        this.version = version;
        this.label = label;
        this.kind = kind;
        this.origin = origin;
        this.source = source;
        this.names = names;
        this.values = values;
        this.grads = grads;
    }

    /** Increases by one with every edit, undo and redo. */
    public long version() {
        return version;
    }

    /** What the edit was, for people: "set z = -3", "SGD step", "undo rename q". */
    public String label() {
        return label;
    }

    /** What kind of change this is. */
    public Kind kind() {
        return kind;
    }

    /** What made it. */
    public Origin origin() {
        return origin;
    }

    /**
     * Who made it: the token passed to {@link Sheet#actingAs} around the edit (a browser tab's
     * presenter, say), or null. Compared by identity: a tab tells its own undo from another's.
     */
    public Object source() {
        return source;
    }

    /** Whether cells were added, removed, renamed or re-wired ({@link Kind#STRUCTURE}). */
    public boolean structural() {
        return kind == Kind.STRUCTURE;
    }

    /** Whether a view must re-read every number: the structure changed or the cells are not listed. */
    public boolean rereadAll() {
        return kind != Kind.VALUES;
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public double value(int i) {
        return values[i];
    }

    public double grad(int i) {
        return grads[i];
    }

    /** Whether the cell called {@code name} is in this change set. */
    public boolean contains(String name) {
        return Arrays.asList(names).contains(name);
    }

    @Override
    public String toString() {
        return "ChangeSet#" + version + "(" + label + ", " + kind + ", " + origin + ", " + names.length + " cells)";
    }
}
