package dev.gradsheet.ui.frames;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's few threads for keeping pages up to date, shared by every tab: a small bounded pool
 * that computes pictures from snapshots ({@link Frame}), and a hand-off pool that brings finished
 * work to a page ({@link PageQueue}) and times the next frame. Neither ever runs on a training
 * thread or a request thread, and neither holds a sheet's lock while it computes: the threads that
 * change a sheet only mark a picture stale and go on.
 *
 * <p>Bounded: at most {@code pictureThreads} pictures are computed at once and at most {@code limit}
 * tasks wait; beyond that a task is refused ({@code false}) and its owner tries again at its next
 * change. Each tab keeps at most one frame per picture and one hand-off waiting, so the bound is
 * only reached by far more tabs than a server serves.
 */
public final class FrameWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameWorkers.class);
    /** The names of the threads that compute pictures. */
    public static final String PICTURE_THREAD = "gradsheet-picture-";
    /** The names of the threads that hand work to pages. */
    public static final String HAND_OFF_THREAD = "gradsheet-page-";

    private final ThreadPoolExecutor pictures;
    private final ScheduledThreadPoolExecutor handOff;
    private final int limit;
    private final AtomicInteger waiting = new AtomicInteger();

    /** {@code pictureThreads} threads computing pictures, two handing off, at most {@code limit} tasks waiting. */
    public FrameWorkers(int pictureThreads, int limit) {
        if (pictureThreads < 1 || limit < 1) {
            throw new IllegalArgumentException("frame workers need at least one thread and room for one task");
        }
        this.limit = limit;
        pictures = new ThreadPoolExecutor(pictureThreads, pictureThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons(PICTURE_THREAD, Thread.NORM_PRIORITY - 1));
        pictures.allowCoreThreadTimeOut(true);
        handOff = new ScheduledThreadPoolExecutor(2, daemons(HAND_OFF_THREAD, Thread.NORM_PRIORITY));
        handOff.setRemoveOnCancelPolicy(true);
    }

    /**
     * The server's workers: half the machine's cores for pictures (at least one), so training runs and
     * requests keep the rest.
     */
    public static FrameWorkers forServer() {
        return new FrameWorkers(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 10_000);
    }

    private static ThreadFactory daemons(String prefix, int priority) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    /** Computes {@code work} on a picture thread after {@code delayMillis}; false when refused. */
    public boolean compute(Runnable work, long delayMillis) {
        if (delayMillis <= 0) {
            return submit(() -> pictures.execute(counted(work)));
        }
        return submit(() -> handOff.schedule(() -> {
            try {
                pictures.execute(counted(work));
            } catch (RejectedExecutionException closed) {
                waiting.decrementAndGet();
            }
        }, delayMillis, TimeUnit.MILLISECONDS));
    }

    /** Runs {@code task} (a hand-off to a page: short, never blocking) on a hand-off thread; false when refused. */
    public boolean handOff(Runnable task) {
        return submit(() -> handOff.execute(counted(task)));
    }

    private boolean submit(Runnable enqueue) {
        if (waiting.incrementAndGet() > limit) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            enqueue.run();
            return true;
        } catch (RejectedExecutionException closed) {
            waiting.decrementAndGet();
            return false;
        }
    }

    private Runnable counted(Runnable task) {
        return () -> {
            waiting.decrementAndGet();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("a page update failed: {}", e.toString(), e);
            }
        };
    }

    /** Tasks waiting to run now (for tests and monitoring). */
    public int waiting() {
        return Math.max(0, waiting.get());
    }

    /** Whether the calling thread is one of these workers. */
    public static boolean onWorker() {
        String name = Thread.currentThread().getName();
        return name.startsWith(PICTURE_THREAD) || name.startsWith(HAND_OFF_THREAD);
    }

    @Override
    public void close() {
        handOff.shutdownNow();
        pictures.shutdownNow();
    }
}
