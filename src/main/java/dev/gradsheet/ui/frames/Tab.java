package dev.gradsheet.ui.frames;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One browser tab as the frame workers see it: its {@link Pace} (shared by every picture on it) and
 * whether it is shown. Each part of the page that follows the server's streams opens its own
 * {@link PageUpdates} here when it is attached and closes them when it is detached; a tab that is
 * hidden (the browser's Page Visibility) computes no frame until it is shown again.
 */
public final class Tab {
    private final FrameWorkers workers;
    private final LongSupplier clock;
    private final Pace pace = new Pace();
    private final Set<PageUpdates> open = ConcurrentHashMap.newKeySet();
    /** What the parts show before any task of the tab runs (the sheet's changes so far, in order). */
    private final Set<Runnable> catchUps = ConcurrentHashMap.newKeySet();
    private volatile boolean shown = true;

    public Tab(FrameWorkers workers) {
        this(workers, System::nanoTime);
    }

    /** A tab timing its frames with {@code clock} (nanoseconds). */
    public Tab(FrameWorkers workers, LongSupplier clock) {
        this.workers = workers;
        this.clock = clock;
    }

    /** A part of the page starts following the server: its queue to {@code page} and the frames it makes. */
    public PageUpdates open(PageQueue.Page page) {
        PageUpdates updates = new PageUpdates(this, new PageQueue(workers, page, this::catchUp));
        open.add(updates);
        return updates;
    }

    void closed(PageUpdates updates) {
        open.remove(updates);
    }

    /**
     * {@code catchUp} runs on the page before every batch of tasks of any part of the tab, until
     * {@link #stopCatchingUp}: a change of the sheet made before a task was posted (a run's last
     * numbers before its end) is on the page before the task runs, even when its own frame waits.
     */
    void catchUpWith(Runnable catchUp) {
        catchUps.add(catchUp);
    }

    void stopCatchingUp(Runnable catchUp) {
        catchUps.remove(catchUp);
    }

    private void catchUp() {
        catchUps.forEach(Runnable::run);
    }

    FrameWorkers workers() {
        return workers;
    }

    LongSupplier clock() {
        return clock;
    }

    /** The browser shows the tab (true) or hides it (another tab in front, a minimised window). */
    public void shown(boolean on) {
        shown = on;
        open.forEach(u -> u.shown(on));
    }

    public boolean isShown() {
        return shown;
    }

    public Pace pace() {
        return pace;
    }

    /** Whether every open part is up to date: nothing waits for the page, no frame is stale or being drawn. */
    public boolean idle() {
        return open.stream().allMatch(PageUpdates::idle);
    }

    /** Frames put on the page so far by the parts open now. */
    public long puts() {
        return open.stream().mapToLong(PageUpdates::puts).sum();
    }

    /**
     * Where the tab's updates stand now, for {@link #handed} and {@link #drawn}: a test waits for what
     * it caused (a page under test runs its tasks only when told). Parts opened later are counted
     * from when a check first sees them.
     */
    public static final class Mark {
        private final Map<PageQueue, Long> posted = new ConcurrentHashMap<>();
        private final Map<PageQueue, Long> direct = new ConcurrentHashMap<>();
        private final Map<Frame<?, ?>, Long> asked = new ConcurrentHashMap<>();
    }

    /** The tab's updates as they stand now. */
    public Mark mark() {
        Mark mark = new Mark();
        see(mark);
        return mark;
    }

    private void see(Mark mark) {
        for (PageUpdates part : open) {
            mark.posted.putIfAbsent(part.queue(), part.queue().posted());
            mark.direct.putIfAbsent(part.queue(), part.queue().direct());
            for (Frame<?, ?> f : part.frames()) {
                mark.asked.putIfAbsent(f, f.asked());
            }
        }
    }

    /** Whether every task posted by the {@code mark} has been handed to the page. */
    public boolean handed(Mark mark) {
        see(mark);
        return open.stream().allMatch(part -> part.queue().handed(mark.posted.getOrDefault(part.queue(), part.queue().posted())));
    }

    /** Whether no task but a frame's picture was posted since the {@code mark}. */
    public boolean quietSince(Mark mark) {
        see(mark);
        return open.stream().allMatch(part -> part.queue().direct()
                <= mark.direct.getOrDefault(part.queue(), part.queue().direct()));
    }

    /** Whether every picture shows every change made up to the {@code mark} (or is hidden or closed). */
    public boolean drawn(Mark mark) {
        see(mark);
        return open.stream().flatMap(part -> part.frames().stream()).allMatch(f -> f.drawn(mark.asked.getOrDefault(f, f.asked())));
    }

    /** The parts open now (for tests: the tab's bounded state). */
    public int parts() {
        return open.size();
    }
}
