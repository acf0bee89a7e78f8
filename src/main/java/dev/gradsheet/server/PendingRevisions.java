package dev.gradsheet.server;

import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.EditLabel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What each live sheet's next revision will be (the {@link SheetRegistry}'s autosave asks): the
 * edits made since its last save, named together, who made the first of them and in which visit —
 * and, for a training run, which run they belong to. A run's progress is saved at most every
 * {@link HistoryPolicy#runSaveEvery()}, each save taking the place of the run's previous revision,
 * so a 10,000-step run on a big sheet leaves one revision (its end), not one every few seconds. A run
 * whose first save also held other edits (made just before it started, or by someone else meanwhile)
 * keeps that revision: the run then leaves two, its start and its end.
 *
 * <p>A run is recognised by its change sets ({@link ChangeSet.Origin#TRAINING}): its progress is
 * labelled {@link EditLabel.Kind#PROGRESS}, and its end (finished, stopped or failed) is the one
 * training change that is not. Every entry is the sheet's until {@link #forget}.
 */
final class PendingRevisions {
    /** A training run of one sheet, from its first progress to its end, and who started it. */
    static final class Run {
        final ActsFor by;

        Run(ActsFor by) {
            this.by = by;
        }
    }

    /**
     * Edits waiting to be saved.
     *
     * @param label  the revision's name
     * @param author who made the first of them (an {@link Actor#key()}), or null
     * @param visit  the visit that made the first of them, or null
     * @param run    the run all of them belong to, or null
     */
    record Pending(EditLabel label, String author, String visit, Run run) {
        /** These edits, then {@code later}: a run's newer progress names the run's revision on its own. */
        Pending then(Pending later) {
            boolean sameRun = run != null && run == later.run;
            EditLabel named = sameRun ? later.label : EditLabel.together(label, later.label);
            boolean first = author != null;
            return new Pending(named, first ? author : later.author, first ? visit : later.visit, sameRun ? run : null);
        }

        /** Whether these are a run's progress only, the run still going. */
        boolean runGoesOn() {
            return run != null && label.kind() == EditLabel.Kind.PROGRESS;
        }
    }

    /** The revision a run saved last. */
    private record RunRevision(Run run, long revision) {
    }

    private final long runSaveEveryNanos;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, RunRevision> runRevisions = new ConcurrentHashMap<>();
    /** When each sheet was last saved (System.nanoTime). */
    private final Map<String, Long> lastSaved = new ConcurrentHashMap<>();

    PendingRevisions(Duration runSaveEvery) {
        this.runSaveEveryNanos = runSaveEvery.toNanos();
    }

    /**
     * Notes change {@code change} of sheet {@code id}; {@code startedBy} tells who started the sheet's
     * current run. Returns whether it ended a run (its end is saved without waiting).
     */
    boolean changed(String id, ChangeSet change, Supplier<Object> startedBy) {
        if (change.partOfGroup()) {
            return false; // the group's own change set follows, named after it (a restore)
        }
        Run run = null;
        boolean ends = false;
        if (change.origin() == ChangeSet.Origin.TRAINING) {
            if (change.label() != null && change.label().kind() == EditLabel.Kind.PROGRESS) {
                run = runs.computeIfAbsent(id, k -> new Run(startedBy.get() instanceof ActsFor a ? a : null));
            } else {
                run = runs.remove(id);
                ends = run != null;
            }
        }
        ActsFor by = change.source() instanceof ActsFor a ? a
                : run != null ? run.by
                : change.origin() == ChangeSet.Origin.TRAINING && startedBy.get() instanceof ActsFor a ? a : null;
        note(id, new Pending(named(change.label()), key(by), by == null ? null : by.visit(), run));
        return ends;
    }

    /** Notes an edit of sheet {@code id} outside its cells (data, answers, a restore) made by {@code by} (null: unknown). */
    void edited(String id, EditLabel label, ActsFor by) {
        note(id, new Pending(named(label), key(by), key(by) == null ? null : by.visit(), null));
    }

    private void note(String id, Pending edit) {
        pending.merge(id, edit.author() == null ? new Pending(edit.label(), null, null, edit.run()) : edit, Pending::then);
    }

    private static EditLabel named(EditLabel label) {
        return label == null ? EditLabel.of(EditLabel.Kind.EDIT) : label;
    }

    private static String key(ActsFor by) {
        return by == null || by.actor() == null ? null : by.actor().key();
    }

    /** Takes the edits waiting for sheet {@code id}'s next save (null: none). */
    Pending take(String id) {
        return pending.remove(id);
    }

    /** The earlier revision of the same run that saving {@code taken} takes the place of (0: none). */
    long replaces(String id, Pending taken) {
        RunRevision last = runRevisions.get(id);
        return taken != null && taken.run() != null && last != null && last.run() == taken.run() ? last.revision() : 0;
    }

    /** {@code taken} was saved as {@code revision} ({@code merged} with another server's edits). */
    void saved(String id, Pending taken, long revision, boolean merged) {
        lastSaved.put(id, System.nanoTime());
        if (taken != null && taken.run() != null && !merged) {
            runRevisions.put(id, new RunRevision(taken.run(), revision));
        } else {
            runRevisions.remove(id);
        }
    }

    /** Saving {@code taken} failed: its edits wait again, before any made since. */
    void putBack(String id, Pending taken) {
        if (taken != null) {
            pending.merge(id, taken, (later, earlier) -> earlier.then(later));
        }
    }

    /**
     * How long sheet {@code id}'s save should still wait at {@code nowNanos} ({@link System#nanoTime}):
     * while only a going run's progress waits, until {@link HistoryPolicy#runSaveEvery()} after its
     * last save; else 0.
     */
    long waitMs(String id, long nowNanos) {
        Pending p = pending.get(id);
        Long last = lastSaved.get(id);
        if (p == null || !p.runGoesOn() || last == null) {
            return 0;
        }
        return Math.max(0, (runSaveEveryNanos - (nowNanos - last)) / 1_000_000);
    }

    /** Drops everything about sheet {@code id} (it left memory or was deleted). */
    void forget(String id) {
        pending.remove(id);
        runs.remove(id);
        runRevisions.remove(id);
        lastSaved.remove(id);
    }

    /** How many sheets this holds anything about (tests of memory). */
    int size() {
        java.util.Set<String> ids = new java.util.HashSet<>(pending.keySet());
        ids.addAll(runs.keySet());
        ids.addAll(runRevisions.keySet());
        ids.addAll(lastSaved.keySet());
        return ids.size();
    }
}
