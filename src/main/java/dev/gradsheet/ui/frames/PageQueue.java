package dev.gradsheet.ui.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One part of a tab handing work to its page: tasks posted from any thread — a training thread
 * holding a sheet's lock, another tab's request — are never run on the poster's thread. A hand-off
 * thread gives them to the page ({@link Page#access}) in the order they were posted, as many as
 * have gathered in one access. Posting is a queue insert and at most one task for the hand-off pool.
 */
public final class PageQueue {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageQueue.class);
    /** Runs a task on the page with its lock held (now or when the lock is free), or drops it when the page is gone. */
    public interface Page {
        void access(Runnable task);
    }

    private record Posted(Runnable task, CompletableFuture<Void> handed) {
    }

    private final FrameWorkers workers;
    private final Page page;
    /** Runs on the page before each batch: what must be shown before anything posted after it. */
    private final Runnable catchUp;
    private final ConcurrentLinkedQueue<Posted> tasks = new ConcurrentLinkedQueue<>();
    /** Whether a hand-off is scheduled or running: one at a time, so accesses keep the posting order. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;
    /** Tasks posted, those of them posted by {@link #post} (not frames), and those handed to the page, so far. */
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong direct = new AtomicLong();
    private final AtomicLong handed = new AtomicLong();

    public PageQueue(FrameWorkers workers, Page page) {
        this(workers, page, () -> { });
    }

    /** A queue whose every batch first runs {@code catchUp} on the page (see {@link Tab}). */
    PageQueue(FrameWorkers workers, Page page, Runnable catchUp) {
        this.workers = workers;
        this.page = page;
        this.catchUp = catchUp;
    }

    /**
     * Queues {@code task} for the page; returns a future that completes once the task has been handed
     * to the page (run, or waiting for the page's lock). Nothing happens after {@link #close}.
     */
    public CompletableFuture<Void> post(Runnable task) {
        direct.incrementAndGet();
        return put(task);
    }

    /** As {@link #post}, for a frame's picture (counted apart: a frame is followed by its own count). */
    CompletableFuture<Void> put(Runnable task) {
        CompletableFuture<Void> handed = new CompletableFuture<>();
        if (closed) {
            handed.complete(null);
            return handed;
        }
        tasks.add(new Posted(task, handed));
        posted.incrementAndGet();
        schedule();
        return handed;
    }

    private void schedule() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true) && !workers.handOff(this::handOff)) {
            scheduled.set(false); // refused (shutting down, or far too much queued): the next post tries again
        }
    }

    /** On a hand-off thread: gives the page every task posted so far, in one access. */
    private void handOff() {
        List<Posted> batch = new ArrayList<>();
        for (Posted p = tasks.poll(); p != null; p = tasks.poll()) {
            batch.add(p);
        }
        try {
            if (!batch.isEmpty() && !closed) {
                page.access(() -> {
                    if (!closed) {
                        run(catchUp);
                    }
                    for (Posted p : batch) {
                        if (!closed) {
                            run(p.task());
                        }
                    }
                });
            }
        } finally {
            handed.addAndGet(batch.size());
            batch.forEach(p -> p.handed().complete(null));
            scheduled.set(false);
            schedule(); // posted meanwhile
        }
    }

    /** Runs one task; a failing one is logged and does not keep the next ones from the page. */
    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("a page update failed: {}", e.toString(), e);
        }
    }

    /** Tasks posted so far. */
    long posted() {
        return posted.get();
    }

    /** Tasks posted so far by {@link #post}, not by frames. */
    long direct() {
        return direct.get();
    }

    /** Whether the first {@code mark} tasks posted have been handed to the page (or dropped, closed). */
    boolean handed(long mark) {
        return handed.get() >= mark || closed;
    }

    /** Whether nothing waits to be handed to the page. */
    public boolean idle() {
        return tasks.isEmpty() && !scheduled.get();
    }

    /** The page is gone: tasks waiting, and any posted later, are dropped. */
    public void close() {
        closed = true;
        for (Posted p = tasks.poll(); p != null; p = tasks.poll()) {
            p.handed().complete(null);
        }
    }
}
