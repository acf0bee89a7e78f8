package dev.gradsheet.engine;

import java.util.Arrays;

/**
 * What one edit changed, as the sheet's change stream emits it: one change set per edit, after the
 * whole edit has propagated. It says what it is — its {@link Kind} (numbers only, the sheet's
 * structure, or "re-read everything") and its {@link Origin} (an edit, an SGD step, training, undo,
 * redo), plus an opaque {@link #source()} naming who made it — and lists every cell whose value or
 * gradient changed, with the new numbers, so a view updates from the change set itself. The numbers
 * are primitive arrays and the names are read only when asked ({@link #indexOf}, {@link #name}), so
 * the change set of an SGD step over a million cells costs three arrays, not a million objects.
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
        REDO,
        /**
         * A refused group of edits ({@link Sheet#asOneEdit}) taking back the edits it had made before
         * the refusal: nobody undid anything, and nothing is left to undo or redo.
         */
        ROLLBACK
    }

    /**
     * How a change set reads the names of its cells: from its sheet's name table, under the sheet's
     * lock, only when somebody asks (a million-cell SGD step's change set makes no strings).
     */
    interface Names {
        /** The live cell called {@code name}, or -1. */
        int idOf(String name);

        String nameOf(int id);
    }

    private final long version;
    private final EditLabel label;
    private final Kind kind;
    private final Origin origin;
    private final Object source;
    /** The changed cells' ids, ascending; {@link #values} and {@link #grads} are theirs, index for index. */
    private final int[] ids;
    private final double[] values;
    private final double[] grads;
    private final Names names;
    private final boolean partOfGroup;

    ChangeSet(long version, EditLabel label, Kind kind, Origin origin, Object source, int[] ids,
              double[] values, double[] grads, Names names) {
        this(version, label, kind, origin, source, ids, values, grads, names, false);
    }

    ChangeSet(long version, EditLabel label, Kind kind, Origin origin, Object source, int[] ids,
              double[] values, double[] grads, Names names, boolean partOfGroup) {
        this.partOfGroup = partOfGroup;
        this.version = version;
        this.label = label;
        this.kind = kind;
        this.origin = origin;
        this.source = source;
        this.ids = ids;
        this.values = values;
        this.grads = grads;
        this.names = names;
    }

    /** Increases by one with every edit, undo and redo. */
    public long version() {
        return version;
    }

    /**
     * What the edit was ("set z = -3", "SGD step (lr 0.01)", "undo rename q to s" in English): typed,
     * so each reader words it in its own language.
     */
    public EditLabel label() {
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

    /**
     * Whether this is one edit of a group made as one ({@link Sheet#asOneEdit}, a restore): the group's
     * own change set, named after the group and listing no cells, follows its last edit. Whoever names
     * what happened (a saved revision) takes the group's name, not its parts'.
     */
    public boolean partOfGroup() {
        return partOfGroup;
    }

    /** Whether cells were added, removed, renamed or re-wired ({@link Kind#STRUCTURE}). */
    public boolean structural() {
        return kind == Kind.STRUCTURE;
    }

    /** Whether a view must re-read every number: the structure changed or the cells are not listed. */
    public boolean rereadAll() {
        return kind != Kind.VALUES;
    }

    /** How many cells are listed: every cell whose value or gradient changed (none for {@link Kind#RELOAD}). */
    public int size() {
        return ids.length;
    }

    /** The name of listed cell {@code i}, as the sheet names it now. */
    public String name(int i) {
        return names.nameOf(ids[i]);
    }

    /** The value of listed cell {@code i} after the edit. */
    public double value(int i) {
        return values[i];
    }

    /** ∂objective/∂(listed cell {@code i}) after the edit. */
    public double grad(int i) {
        return grads[i];
    }

    /**
     * Where the cell called {@code name} is listed (for {@link #value(int)} and {@link #grad(int)}), or
     * -1 when it is not: one name lookup and a binary search, so a view finds the rows it shows
     * without reading the whole change.
     */
    public int indexOf(String name) {
        int id = ids.length == 0 ? -1 : names.idOf(name);
        return id < 0 ? -1 : Math.max(-1, Arrays.binarySearch(ids, id));
    }

    /** Whether the cell called {@code name} is in this change set. */
    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    @Override
    public String toString() {
        return "ChangeSet#" + version + "(" + label + ", " + kind + ", " + origin + ", " + ids.length + " cells)";
    }
}
