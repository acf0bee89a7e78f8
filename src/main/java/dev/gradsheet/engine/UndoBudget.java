package dev.gradsheet.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Undo memory shared by many sheets (a server's): the sum of their histories' approximate sizes.
 * A sheet recording an edit while the sum is over the limit drops its own oldest edits until the sum
 * fits or only its latest edit is left; a sheet leaving memory gives its share back.
 */
public final class UndoBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** A budget of about {@code limitBytes} bytes. */
    public UndoBudget(long limitBytes) {
        this.limit = limitBytes;
    }

    public long limit() {
        return limit;
    }

    /** Bytes the histories sharing this budget hold now. */
    public long used() {
        return used.get();
    }

    void add(long bytes) {
        used.addAndGet(bytes);
    }

    boolean over() {
        return used.get() > limit;
    }
}
