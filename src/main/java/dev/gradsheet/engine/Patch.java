package dev.gradsheet.engine;

/**
 * One undoable edit as data: the cells it touched (their whole state before and after), the leaf
 * values it set, and the sheet settings it changed. Applying it forward redoes the edit; backward
 * undoes it. Cell ids are never reused, so a patch stays valid however far back it is undone.
 */
final class Patch {
    private static final int[] NO_IDS = new int[0];
    /** Marks the objective fields of a patch that does not change the objective. */
    private static final int UNCHANGED = Integer.MIN_VALUE;
    private static final double[] NO_VALUES = new double[0];

    private final EditLabel label;
    private final int[] cells;
    private final Graph.CellState[] before;
    private final Graph.CellState[] after;
    private final int[] valueIds;
    private final double[] valuesBefore;
    /** Null until first undone when the edit's result was not copied (an SGD step): see {@link #apply}. */
    private double[] valuesAfter;
    private final int objectiveBefore;
    private final int objectiveAfter;
    private final double lrBefore;
    private final double lrAfter;
    /** The edits of a group, applied in order (and undone in reverse), or null for a single edit. */
    private final Patch[] parts;
    /** Whether its maker may reuse {@link #valuesBefore} once the history drops it ({@link #step}). */
    private boolean reusable;

    Patch(EditLabel label, int[] cells, Graph.CellState[] before, Graph.CellState[] after, int[] valueIds,
          double[] valuesBefore, double[] valuesAfter, int objectiveBefore, int objectiveAfter,
          double lrBefore, double lrAfter) {
        this.label = label;
        this.cells = cells;
        this.before = before;
        this.after = after;
        this.valueIds = valueIds;
        this.valuesBefore = valuesBefore;
        this.valuesAfter = valuesAfter;
        this.objectiveBefore = objectiveBefore;
        this.objectiveAfter = objectiveAfter;
        this.lrBefore = lrBefore;
        this.lrAfter = lrAfter;
        this.parts = null;
    }

    private Patch(EditLabel label, Patch[] parts) {
        this.label = label;
        this.cells = NO_IDS;
        this.before = null;
        this.after = null;
        this.valueIds = NO_IDS;
        this.valuesBefore = NO_VALUES;
        this.valuesAfter = NO_VALUES;
        this.objectiveBefore = UNCHANGED;
        this.objectiveAfter = UNCHANGED;
        this.lrBefore = Double.NaN;
        this.lrAfter = Double.NaN;
        this.parts = parts;
    }

    /** Several edits made as one ({@link Sheet#asOneEdit}): one undo step that undoes them all. */
    static Patch group(EditLabel label, java.util.List<Patch> parts) {
        return new Patch(label, parts.toArray(new Patch[0]));
    }

    /**
     * Sets leaf values (inputs, weights): no change to the graph's shape. {@code after} may be null
     * for an edit already applied: undo then copies the values it finds, which are the edit's result
     * because history is linear. An SGD step on a big sheet so keeps one copy of its weights, not two.
     */
    static Patch values(EditLabel label, int[] ids, double[] before, double[] after) {
        return new Patch(label, NO_IDS, null, null, ids, before, after, UNCHANGED, UNCHANGED, Double.NaN, Double.NaN);
    }

    /**
     * An SGD step's record, as {@link #values} with no after: its array of weights before the step,
     * once the undo history drops the patch, may hold the next step's ({@link UndoHistory#takeSpare}),
     * so a run of steps on a big sheet stops allocating and clearing megabytes per step.
     */
    static Patch step(EditLabel label, int[] ids, double[] before) {
        Patch p = values(label, ids, before, null);
        p.reusable = true;
        return p;
    }

    /** The array {@link #step} made reusable, for the history to hand back once it drops this patch; else null. */
    double[] reusableBefore() {
        return reusable ? valuesBefore : null;
    }

    static Patch learningRate(double before, double after) {
        return new Patch(EditLabel.of(EditLabel.Kind.LEARNING_RATE, after), NO_IDS, null, null, NO_IDS, NO_VALUES,
                NO_VALUES, UNCHANGED, UNCHANGED, before, after);
    }

    /** Roughly what the patch keeps alive, for the undo history's memory budget. */
    long approximateBytes() {
        if (parts != null) {
            long sum = 64L;
            for (Patch p : parts) {
                sum += p.approximateBytes();
            }
            return sum;
        }
        return 64L + valueIds.length * (valuesAfter == null ? 12L : 20L) + cells.length * 96L;
    }

    EditLabel label() {
        return label;
    }

    boolean isStructural() {
        if (parts != null) {
            for (Patch p : parts) {
                if (p.isStructural()) {
                    return true;
                }
            }
            return false;
        }
        return cells.length > 0 || objectiveBefore != objectiveAfter;
    }

    /**
     * Puts graph {@code g} (and, through {@code learningRate}, the sheet's setting) in this patch's
     * after ({@code forward}) or before state; returns {@link #isStructural()}. Only the
     * {@link EditTransaction} calls it, which then stabilizes, records and announces.
     */
    boolean apply(Graph g, java.util.function.DoubleConsumer learningRate, boolean forward) {
        if (parts != null) {
            for (int i = 0; i < parts.length; i++) {
                parts[forward ? i : parts.length - 1 - i].apply(g, learningRate, forward);
            }
            return isStructural();
        }
        if (!Double.isNaN(lrAfter)) {
            learningRate.accept(forward ? lrAfter : lrBefore);
        }
        if (!forward && valuesAfter == null) {
            valuesAfter = new double[valueIds.length];
            for (int i = 0; i < valueIds.length; i++) {
                valuesAfter[i] = g.value[valueIds[i]];
            }
        }
        double[] values = forward ? valuesAfter : valuesBefore;
        for (int i = 0; i < valueIds.length; i++) {
            g.setLeaf(valueIds[i], values[i]);
        }
        Graph.CellState[] states = forward ? after : before;
        for (int i = 0; i < cells.length; i++) {
            g.restore(cells[i], states[i]);
        }
        if (objectiveAfter != UNCHANGED) {
            g.explicitObjective = forward ? objectiveAfter : objectiveBefore;
        }
        return isStructural();
    }

    /**
     * After a structural apply and a topology rebuild: schedules the touched cells and their users,
     * whose stored values may belong to the other side of the patch.
     */
    void markDirty(Graph g) {
        if (parts != null) {
            for (Patch p : parts) {
                p.markDirty(g);
            }
            return;
        }
        // a topology rebuild forgets the marks setLeaf made: schedule the users of the values set here
        for (int id : valueIds) {
            if (g.isLive(id)) {
                for (int u : g.usersOf(id)) {
                    g.markDirty(u);
                }
            }
        }
        for (int id : cells) {
            if (g.isLive(id)) {
                g.markDirty(id);
                for (int u : g.usersOf(id)) {
                    g.markDirty(u);
                }
            }
        }
    }
}
