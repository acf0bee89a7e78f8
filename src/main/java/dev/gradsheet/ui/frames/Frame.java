package dev.gradsheet.ui.frames;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One picture of one tab kept up to date off the page's thread. Whoever changes what it shows calls
 * {@link #stale()} — a flag and at most one task, so a training thread holding a sheet's lock goes
 * on at once. A picture thread then takes a {@code snapshot} (short: the numbers the picture needs,
 * under the sheet's read lock), {@code compute}s the picture from it outside every lock, and hands the
 * result to the page, where {@code put} only puts it on screen.
 *
 * <p>Coalesced: at most one frame of the picture is waiting or being computed; changes meanwhile
 * only mark it stale again, and the next frame is taken from the state as it is when it starts, so
 * no frame of an older state is drawn after a newer one was asked for. Paced by the tab's
 * {@link Pace}: a frame starts at least {@link Pace#intervalMs()} after the last one was put on the page. No frame is
 * computed while the tab is hidden ({@link #shown}) or after {@link #close}; a picture that went
 * stale meanwhile is drawn once when the tab is shown again.
 *
 * @param <S> what the snapshot holds
 * @param <P> the computed picture
 */
public final class Frame<S, P> {
    private static final Logger LOG = LoggerFactory.getLogger(Frame.class);
    private final FrameWorkers workers;
    private final PageQueue page;
    private final Pace pace;
    private final LongSupplier clock;
    private final Supplier<S> snapshot;
    private final Function<S, P> compute;
    private final Consumer<P> put;
    private final AtomicBoolean stale = new AtomicBoolean();
    /** A frame is waiting, being computed or waiting for the page: none other starts meanwhile. */
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong puts = new AtomicLong();
    /** How many times the picture was made stale, and how many of those the picture on the page shows. */
    private final AtomicLong asked = new AtomicLong();
    private volatile long drawn;
    private volatile boolean shown = true;
    private volatile boolean closed;
    /** When the last frame was put on the page (clock nanoseconds), or MIN_VALUE before the first. */
    private volatile long lastPut = Long.MIN_VALUE;

    Frame(FrameWorkers workers, PageQueue page, Pace pace, LongSupplier clock, Supplier<S> snapshot,
          Function<S, P> compute, Consumer<P> put) {
        this.workers = workers;
        this.page = page;
        this.pace = pace;
        this.clock = clock;
        this.snapshot = snapshot;
        this.compute = compute;
        this.put = put;
    }

    /** What the picture shows changed: a new frame, soon. From any thread; returns at once. */
    public void stale() {
        asked.incrementAndGet();
        stale.set(true);
        kick();
    }

    private void kick() {
        if (closed || !shown || !stale.get() || !inFlight.compareAndSet(false, true)) {
            return;
        }
        long now = clock.getAsLong();
        long wait = lastPut == Long.MIN_VALUE ? 0
                : Math.max(0, (lastPut + pace.intervalMs() * 1_000_000 - now) / 1_000_000);
        long due = now + wait * 1_000_000; // from then on the frame waits only for the server
        if (!workers.compute(() -> draw(due), wait)) {
            inFlight.set(false); // refused: the next change asks again
        }
    }

    /** On a picture thread: the state now, its picture, handed to the page; {@code due}: when it was due. */
    private void draw(long due) {
        if (closed || !shown) {
            inFlight.set(false); // stays stale: drawn when shown again
            return;
        }
        stale.set(false); // before reading how far it was asked: a change from now on makes it stale again
        long upTo = asked.get();
        P picture;
        try {
            picture = compute.apply(snapshot.get());
        } catch (RuntimeException e) {
            LOG.warn("a picture could not be computed: {}", e.toString(), e);
            inFlight.set(false);
            return;
        }
        page.put(() -> {
            try {
                if (!closed) {
                    put.accept(picture);
                    puts.incrementAndGet();
                    drawn = upTo;
                    lastPut = clock.getAsLong();
                    pace.record(lastPut - due);
                }
            } finally {
                inFlight.set(false);
                kick(); // changed meanwhile: the next frame, at the tab's pace
            }
        });
    }

    /** The tab was shown (true) or hidden: a hidden tab computes no frame. */
    void shown(boolean on) {
        shown = on;
        if (on) {
            kick();
        }
    }

    /** How many times the picture was made stale so far. */
    long asked() {
        return asked.get();
    }

    /** Whether the page shows every change up to the {@code mark}-th (see {@link #asked()}), or never will (hidden, closed). */
    boolean drawn(long mark) {
        return drawn >= mark || closed || !shown && !inFlight.get();
    }

    /** Frames put on the page so far. */
    public long puts() {
        return puts.get();
    }

    /** Whether the picture on the page is up to date: nothing stale, nothing being drawn. */
    public boolean idle() {
        return !inFlight.get() && (!stale.get() || !shown || closed);
    }

    /** No more frames: the page is gone. */
    void close() {
        closed = true;
    }
}
