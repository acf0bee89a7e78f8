package dev.gradsheet.ui.frames;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * How often one tab gets a new frame, adapted to how far behind the server is. Each frame's time from
 * being due (a picture thread asked to compute it) to being put on the page is recorded; the next
 * frame of a picture starts, after the last one was put, no sooner than twice the recent time (never
 * less than {@link #BASE_MS}, never more than {@link #MAX_MS}). A busy server — pictures queued behind other tabs', a page lock held
 * by requests, a slow push — thus gets fewer frames from every tab, and a calm one ten a second.
 * The tab is {@link #busy()} while frames take over {@link #BUSY_MS}, until they are back under
 * {@link #CALM_MS}; listeners hear the change on the page's thread (frames are recorded there).
 */
public final class Pace {
    /** The shortest time between two frames of a picture: ten a second, as a run publishes its progress. */
    public static final long BASE_MS = 100;
    /** The longest: a picture of a tab on a server far behind still moves every two seconds. */
    public static final long MAX_MS = 2_000;
    /** Frames slower than this (recently, on average) make the tab busy. */
    public static final long BUSY_MS = 200;
    /** Frames faster than this make a busy tab calm again. */
    public static final long CALM_MS = 100;

    /** The recent time of a frame in milliseconds (-1 before the first) and whether the tab is busy. */
    private record State(double recentMs, boolean busy) {
        State next(double ms) {
            double recent = recentMs < 0 ? ms : 0.5 * recentMs + 0.5 * ms;
            return new State(recent, busy ? recent >= CALM_MS : recent > BUSY_MS);
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(-1, false));
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

    /** Records a frame that took {@code nanos} from being due to being on the page. */
    public void record(long nanos) {
        double ms = nanos / 1e6;
        State before = state.getAndUpdate(s -> s.next(ms));
        boolean now = before.next(ms).busy();
        if (now != before.busy()) {
            listeners.forEach(l -> l.accept(now));
        }
    }

    /** The least time from one frame of a picture being put on the page to the next one starting, in milliseconds. */
    public long intervalMs() {
        return Math.min(MAX_MS, Math.max(BASE_MS, Math.round(2 * Math.max(0, state.get().recentMs()))));
    }

    /** Whether the tab gets fewer frames because the server is behind. */
    public boolean busy() {
        return state.get().busy();
    }

    /** The recent time of a frame, in milliseconds (-1 before the first). */
    public double recentMs() {
        return state.get().recentMs();
    }

    /** Tells {@code listener} each time the tab becomes busy (true) or calm (false); returns how to stop. */
    public Runnable onBusy(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
