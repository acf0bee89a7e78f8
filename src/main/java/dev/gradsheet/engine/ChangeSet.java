package dev.gradsheet.engine;

import java.util.Arrays;

/**
 * What one edit changed, as the sheet's change stream emits it: one change set per edit, after the
 * whole edit has propagated. Lists every cell whose value or gradient changed, with the new numbers.
 * {@link #structural()} says cells were added, removed, renamed or re-wired, so a view should reload.
 */
public final class ChangeSet {
    private final long version;
    private final String label;
    private final boolean structural;
    private final String[] names;
    private final double[] values;
    private final double[] grads;

    ChangeSet(long version, String label, boolean structural, String[] names, double[] values,
              double[] grads) {
        this.version = version;
        this.label = label;
        this.structural = structural;
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

    public boolean structural() {
        return structural;
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
        return "ChangeSet#" + version + "(" + label + ", " + names.length + " cells"
                + (structural ? ", structural" : "") + ")";
    }
}
