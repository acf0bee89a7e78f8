package dev.gradsheet.jobs;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import io.reactivex.rxjava3.subjects.Subject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The training run of one shared sheet: it belongs to the sheet, not to the tab that started it, so
 * every tab on the link watches the same run (progress, curve, Stop) and a tab opened or reloaded
 * mid-run finds it. At most one run per sheet at a time.
 */
public final class JobSlot {
    private final Subject<Optional<TrainingJob>> changes =
            BehaviorSubject.createDefault(Optional.<TrainingJob>empty()).toSerialized();
    private TrainingJob current;
    /**
     * Who started the current run (an opaque token, a tab's presenter), or null. Volatile: the sheet's
     * autosave reads it while it holds the sheet's lock, which this slot's lock must never wait for.
     */
    private volatile Object startedBy;
    private PlayState play;

    /** The sheet's Playground loop (its place, start weights and curves), or null before the first Play. */
    public synchronized PlayState play() {
        return play;
    }

    /**
     * The sheet's loop for training {@code sheet} on {@code data} with these settings: the one already
     * going when they match, else a new one starting from the weights as they are now.
     *
     * @throws IllegalArgumentException when the settings do not fit the data (a test share leaving no
     *                                  training rows)
     */
    public synchronized PlayState play(Sheet sheet, DataTable data, int batch, long seed, boolean shuffle,
                                       double testShare) {
        if (play == null || !play.matches(sheet, data, batch, seed, shuffle, testShare)) {
            play = new PlayState(sheet, data, batch, seed, shuffle, testShare);
        }
        return play;
    }

    /** The current or last run, or null. */
    public synchronized TrainingJob current() {
        return current;
    }

    /** Who started the current or last run (the token given to {@link #start(Object, Supplier)}), or null. */
    public Object startedBy() {
        return startedBy;
    }

    /**
     * Runs {@code work} (something short: a Step, a Reset) unless a run is going on, holding the
     * slot meanwhile so no run starts on the same loop; returns whether it ran.
     */
    public synchronized boolean whileIdle(Runnable work) {
        if (busy()) {
            return false;
        }
        work.run();
        return true;
    }

    /** Whether a run is waiting or running now. */
    public synchronized boolean busy() {
        return current != null && !current.isDone();
    }

    /**
     * Starts a run with {@code starter} unless one is going on; returns the new run, or null when
     * the sheet is already training. Exceptions of {@code starter} (a full queue) pass through.
     */
    public TrainingJob start(Supplier<TrainingJob> starter) {
        return start(null, starter);
    }

    /**
     * As {@link #start(Supplier)}, started by {@code by} (an opaque token such as a tab's presenter: the
     * run's saved revision is recorded as that person's).
     */
    public TrainingJob start(Object by, Supplier<TrainingJob> starter) {
        TrainingJob started;
        synchronized (this) {
            if (busy()) {
                return null;
            }
            startedBy = by; // before the run can take its first step
            started = starter.get();
            current = started;
        }
        changes.onNext(Optional.of(started));
        return started;
    }

    /** The current run on subscribe, then each new run. */
    public Observable<Optional<TrainingJob>> changes() {
        return changes;
    }
}
