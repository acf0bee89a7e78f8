package dev.gradsheet.ui.frames;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one part of a page (a view, a panel) receives from the server while it is attached: tasks
 * handed to its page in order ({@link #post}) and its {@link Frame}s. Made by {@link Tab#open}; the
 * part calls {@link #close} when it is detached, after which nothing more reaches its page.
 */
public final class PageUpdates {
    private final Tab tab;
    private final PageQueue queue;
    private final List<Frame<?, ?>> frames = new CopyOnWriteArrayList<>();
    private final List<Runnable> catchUps = new CopyOnWriteArrayList<>();

    PageUpdates(Tab tab, PageQueue queue) {
        this.tab = tab;
        this.queue = queue;
    }

    /** Hands {@code task} to the page, never on the caller's thread; the future completes once it is handed. */
    public CompletableFuture<Void> post(Runnable task) {
        return queue.post(task);
    }

    /**
     * A picture of this part: {@code snapshot} read on a picture thread (briefly, under whatever lock
     * it needs), the picture {@code compute}d from it outside every lock, and {@code put} on the page.
     */
    public <S, P> Frame<S, P> frame(Supplier<S> snapshot, Function<S, P> compute, Consumer<P> put) {
        Frame<S, P> frame = new Frame<>(tab.workers(), queue, tab.pace(), tab.clock(), snapshot, compute, put);
        if (!tab.isShown()) {
            frame.shown(false);
        }
        frames.add(frame);
        return frame;
    }

    /** A frame with nothing to compute: {@code show} runs on the page, coalesced and paced as pictures are. */
    public Frame<Void, Void> frame(Runnable show) {
        return frame(() -> null, nothing -> null, nothing -> show.run());
    }

    /**
     * {@code catchUp} runs on the page before any task of the tab (this part's or another's): what
     * this part must show first, such as the sheet's changes that came before the task.
     */
    public void catchUpFirst(Runnable catchUp) {
        catchUps.add(catchUp);
        tab.catchUpWith(catchUp);
    }

    /** The tab the part is on. */
    public Tab tab() {
        return tab;
    }

    void shown(boolean on) {
        frames.forEach(f -> f.shown(on));
    }

    PageQueue queue() {
        return queue;
    }

    List<Frame<?, ?>> frames() {
        return frames;
    }

    boolean idle() {
        return queue.idle() && frames.stream().allMatch(Frame::idle);
    }

    long puts() {
        return frames.stream().mapToLong(Frame::puts).sum();
    }

    /** The part left its page: no frame is computed any more and nothing waiting reaches the page. */
    public void close() {
        frames.forEach(Frame::close);
        catchUps.forEach(tab::stopCatchingUp);
        queue.close();
        tab.closed(this);
    }
}
