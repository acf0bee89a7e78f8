package dev.gradsheet.ui;

import com.vaadin.flow.component.html.Div;
import java.lang.ref.WeakReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A polite ARIA live region: screen readers read its text when it changes, after what
 * they are reading. Announcements are throttled: at most one every {@link #GAP_MILLIS} ms; what
 * arrives in between replaces the waiting one, which is read when the gap is over. So a training
 * run (many changes a second) is heard as one line every few seconds, and its last state once
 * it stops. The region is visually hidden (class {@code gs-sr-only}).
 */
public class LiveAnnouncer extends Div {
    /** The shortest time between two announcements. */
    public static final long GAP_MILLIS = 5000;

    /** Runs a task after a delay; the view runs it inside {@code UI.access}. */
    public interface Scheduler {
        void schedule(Runnable task, long delayMillis);
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(daemon());

    private final LongSupplier clock;
    private final Scheduler scheduler;
    /** The flush the scheduler runs: one object for the announcer's life (a timer holds it weakly). */
    private final Runnable flusher = this::flush;
    private long last = Long.MIN_VALUE;
    private String waiting;
    private boolean scheduled;

    /** An announcer on the wall clock, flushing through {@code scheduler}. */
    public LiveAnnouncer(Scheduler scheduler) {
        this(System::currentTimeMillis, scheduler);
    }

    /** An announcer reading time (ms) from {@code clock}: tests pass their own. */
    public LiveAnnouncer(LongSupplier clock, Scheduler scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
        setId("live-region");
        addClassName("gs-sr-only");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-atomic", "true");
        getElement().setAttribute("role", "status");
    }

    /**
     * A scheduler on a shared daemon timer thread; {@code access} brings the task into the UI. The
     * timer holds the task and {@code access} only weakly, so a waiting announcement never keeps a
     * closed tab's UI in memory (the announcer holds both strongly while it lives).
     */
    public static Scheduler timer(java.util.function.Consumer<Runnable> access) {
        return new Scheduler() {
            @Override
            public void schedule(Runnable task, long delayMillis) {
                WeakReference<java.util.function.Consumer<Runnable>> into = new WeakReference<>(access);
                WeakReference<Runnable> what = new WeakReference<>(task);
                TIMER.schedule(() -> {
                    java.util.function.Consumer<Runnable> a = into.get();
                    Runnable t = what.get();
                    if (a != null && t != null) {
                        a.accept(t);
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
            }
        };
    }

    /** Announces {@code text} now, or when the gap since the last announcement is over. */
    public void announce(String text) {
        long now = clock.getAsLong();
        if (!scheduled && (last == Long.MIN_VALUE || now - last >= GAP_MILLIS)) {
            say(text, now);
            return;
        }
        waiting = text;
        if (!scheduled) {
            scheduled = true;
            scheduler.schedule(flusher, Math.max(0, last + GAP_MILLIS - now));
        }
    }

    /** Reads the waiting announcement, if any (the scheduler calls it when the gap is over). */
    void flush() {
        scheduled = false;
        if (waiting != null) {
            String text = waiting;
            waiting = null;
            say(text, clock.getAsLong());
        }
    }

    /** The text screen readers were last given. */
    public String text() {
        return getText();
    }

    private void say(String text, long now) {
        last = now;
        setText(text);
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "gradsheet-live-region");
            t.setDaemon(true);
            return t;
        };
    }
}
