package dev.gradsheet.ui.frames;

import dev.gradsheet.engine.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tab's share of a sheet's change stream, taken off the thread that made the change (which holds
 * the sheet's lock while it announces). {@link #offer} only queues: an edit's change set is handed to
 * the page at once and in order; a training run's progress ("re-read everything", {@link
 * ChangeSet.Kind#RELOAD}) replaces the progress already waiting, and reaches the page at the tab's
 * {@link Pace} and only while the tab is shown — or before any other task of the tab, so the page
 * never shows what followed a change (a run's end) before the change itself. Should a page stop taking its changes, at most
 * {@link #LIMIT} wait; beyond that they are dropped and the page is told to re-read everything.
 */
public final class ChangeFeed {
    /** Most change sets waiting for one page. */
    static final int LIMIT = 1_000;

    /** Applies change sets on the page. */
    public interface Apply {
        /**
         * {@code changes} happened, in this order; {@code missed}: more happened that are not listed
         * (re-read everything first).
         */
        void apply(List<ChangeSet> changes, boolean missed);
    }

    private final PageUpdates updates;
    private final Apply apply;
    private final Frame<Void, Void> progress;
    /**
     * Change sets not yet applied. Offered one at a time (a sheet announces its changes one by one,
     * under its lock) and taken from the front by the page: a progress set at the end is only ever
     * replaced by the offering thread, so nothing but progress is dropped.
     */
    private final ConcurrentLinkedDeque<ChangeSet> waiting = new ConcurrentLinkedDeque<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean missed = new AtomicBoolean();

    public ChangeFeed(PageUpdates updates, Apply apply) {
        this.updates = updates;
        this.apply = apply;
        this.progress = updates.frame(this::deliver);
        updates.catchUpFirst(this::deliver); // whatever the tab shows next comes after the changes before it
    }

    /** A change of the sheet, from whatever thread made it: queued, nothing more. */
    public void offer(ChangeSet change) {
        boolean reload = change.kind() == ChangeSet.Kind.RELOAD;
        ChangeSet last = waiting.peekLast();
        if (reload && last != null && last.kind() == ChangeSet.Kind.RELOAD && waiting.removeLastOccurrence(last)) {
            count.decrementAndGet(); // the newer progress re-reads everything the older one would
        }
        if (count.get() >= LIMIT) {
            for (ChangeSet c = waiting.pollFirst(); c != null; c = waiting.pollFirst()) {
                count.decrementAndGet();
            }
            missed.set(true);
        }
        waiting.addLast(change);
        count.incrementAndGet();
        if (reload) {
            progress.stale();
        } else {
            updates.post(this::deliver);
        }
    }

    /** On the page: every change waiting, in order. */
    private void deliver() {
        boolean lost = missed.getAndSet(false);
        List<ChangeSet> batch = new ArrayList<>();
        for (ChangeSet c = waiting.pollFirst(); c != null; c = waiting.pollFirst()) {
            count.decrementAndGet();
            batch.add(c);
        }
        if (!batch.isEmpty() || lost) {
            apply.apply(batch, lost);
        }
    }
}
