package dev.gradsheet.server;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads every database call of the {@link SheetStore} runs on. Nobody else holds them, so
 * nothing ever interrupts them: an interrupt that reaches a thread inside the embedded database's
 * file I/O closes the file channel and with it the whole database (H2 then refuses every later save).
 * Callers wait for the result; an interrupt of the caller is kept for it, not passed on.
 */
final class StorageThreads {
    private static final ThreadLocal<Boolean> ON_STORAGE_THREAD = ThreadLocal.withInitial(() -> false);
    private final ExecutorService pool;

    StorageThreads(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(() -> {
                ON_STORAGE_THREAD.set(true);
                r.run();
            }, "gradsheet-store-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} on a storage thread and returns its result (at once when already on one). */
    <T> T call(Supplier<T> work) {
        if (ON_STORAGE_THREAD.get()) {
            return work.get();
        }
        Future<T> result = pool.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the database call goes on undisturbed; the caller learns of it after
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code work} on a storage thread and waits for it. */
    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
