package dev.gradsheet.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A picture of a tab kept up to date off the page's thread: computed on a picture thread, never on
 * the thread that made it stale nor under that thread's lock; coalesced to one frame in flight;
 * nothing computed for a hidden or closed tab; put on the page by the page alone.
 */
class FrameTest {
    private final FrameWorkers workers = new FrameWorkers(2, 1000);
    /** The page: tasks handed to it, run when the test says so, on the test's thread. */
    private final Queue<Runnable> page = new ConcurrentLinkedQueue<>();
    private final Tab tab = new Tab(workers);

    @AfterEach
    void close() {
        workers.close();
    }

    private void runPage() {
        for (Runnable task = page.poll(); task != null; task = page.poll()) {
            task.run();
        }
    }

    @Test
    void aPictureIsComputedOnAPictureThreadWhileTheThreadThatMadeItStaleStillHoldsItsLock() throws Exception {
        ReentrantReadWriteLock sheetLock = new ReentrantReadWriteLock();
        List<String> computedOn = new CopyOnWriteArrayList<>();
        List<Boolean> computedHolding = new CopyOnWriteArrayList<>();
        List<String> putOn = new CopyOnWriteArrayList<>();
        CountDownLatch computed = new CountDownLatch(1);
        PageUpdates updates = tab.open(page::add);
        Frame<Integer, String> frame = updates.frame(() -> 7, n -> {
            computedOn.add(Thread.currentThread().getName());
            computedHolding.add(sheetLock.isWriteLockedByCurrentThread() || sheetLock.getReadHoldCount() > 0);
            computed.countDown();
            return "picture " + n;
        }, picture -> putOn.add(Thread.currentThread().getName() + ": " + picture));
        boolean[] computedWhileLocked = new boolean[1];
        Thread training = new Thread(() -> {
            sheetLock.writeLock().lock();
            try {
                for (int i = 0; i < 100; i++) {
                    frame.stale(); // a run announcing its progress, under the sheet's lock
                }
                // the picture is computed while this thread still holds the lock: it never needs it
                computedWhileLocked[0] = computed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sheetLock.writeLock().unlock();
            }
        }, "gradsheet-job-1");
        training.start();
        training.join(30_000);
        assertThat(computedWhileLocked[0]).isTrue();
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            runPage();
            return tab.idle();
        });
        // one frame, or two when changes came after the first had started: never one per change
        assertThat(computedOn).hasSizeBetween(1, 2).allMatch(name -> name.startsWith(FrameWorkers.PICTURE_THREAD));
        assertThat(computedHolding).containsOnly(false);
        assertThat(putOn).hasSize(computedOn.size())
                .allMatch(put -> put.equals(Thread.currentThread().getName() + ": picture 7"));
        assertThat(frame.puts()).isEqualTo(computedOn.size());
    }

    @Test
    void changesWhileAFrameIsInFlightMakeOneMoreFrameOfTheNewestState() throws Exception {
        AtomicInteger state = new AtomicInteger();
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> shown = new CopyOnWriteArrayList<>();
        Frame<Integer, Integer> frame = tab.open(page::add).frame(state::get, n -> {
            if (computations.incrementAndGet() == 1) {
                firstStarted.countDown();
                awaitLatch(release);
            }
            return n;
        }, shown::add);
        frame.stale();
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 50; i++) {
            state.set(i);
            frame.stale(); // the first frame is being computed: these wait as one
        }
        release.countDown();
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            runPage();
            return tab.idle();
        });
        assertThat(computations.get()).isEqualTo(2);
        assertThat(shown).containsExactly(0, 50); // the first state, then the newest; nothing in between
        Tab.Mark mark = tab.mark();
        assertThat(tab.drawn(mark)).isTrue();
    }

    @Test
    void aHiddenTabComputesNothingAndDrawsOnceWhenShownAgain() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        List<String> shown = new CopyOnWriteArrayList<>();
        Frame<String, String> frame = tab.open(page::add).frame(() -> "now", s -> {
            computations.incrementAndGet();
            return s;
        }, shown::add);
        tab.shown(false);
        for (int i = 0; i < 20; i++) {
            frame.stale();
        }
        Thread.sleep(300);
        assertThat(computations.get()).isZero();
        assertThat(page).isEmpty();
        assertThat(tab.idle()).isTrue(); // nothing is owed to a hidden tab
        tab.shown(true);
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            runPage();
            return !shown.isEmpty() && tab.idle();
        });
        assertThat(computations.get()).isEqualTo(1);
        assertThat(shown).containsExactly("now");
    }

    @Test
    void aClosedPartGetsNothingMore() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        List<String> shown = new CopyOnWriteArrayList<>();
        PageUpdates updates = tab.open(page::add);
        Frame<String, String> frame = updates.frame(() -> "x", s -> {
            computations.incrementAndGet();
            return s;
        }, shown::add);
        frame.stale();
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> !page.isEmpty());
        updates.close(); // the tab closed before the page ran the frame
        updates.post(() -> shown.add("late"));
        runPage();
        frame.stale();
        Thread.sleep(200);
        runPage();
        assertThat(shown).isEmpty();
        assertThat(computations.get()).isEqualTo(1);
        assertThat(tab.parts()).isZero();
    }

    @Test
    void tasksReachThePageInTheOrderPostedAndNeverOnThePostersThread() throws Exception {
        PageUpdates updates = tab.open(page::add);
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Thread> posters = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int poster = t;
            posters.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    String by = Thread.currentThread().getName();
                    updates.post(() -> ran.add(poster + ":" + n + (Thread.currentThread().getName().equals(by) ? " on poster" : "")));
                }
            }, "poster-" + t));
        }
        posters.forEach(Thread::start);
        for (Thread p : posters) {
            p.join(30_000);
        }
        Tab.Mark mark = tab.mark();
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> tab.handed(mark));
        runPage();
        assertThat(ran).hasSize(800).noneMatch(s -> s.endsWith("on poster"));
        for (int t = 0; t < 4; t++) {
            String prefix = t + ":";
            List<Integer> order = ran.stream().filter(s -> s.startsWith(prefix))
                    .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList();
            assertThat(order).isSorted().hasSize(200);
        }
    }

    @Test
    void aTabWhosePageIsSlowGetsFewerFramesAndIsToldItIsBusy() throws Exception {
        int fast = framesInOneSecond(0);
        Tab slowTab = new Tab(workers);
        List<Boolean> told = new CopyOnWriteArrayList<>();
        slowTab.pace().onBusy(told::add);
        int slow = framesInOneSecond(slowTab, 300);
        assertThat(fast).as("a calm tab: about ten frames a second").isBetween(5, 12);
        assertThat(slow).as("a tab whose page takes 300 ms a frame").isLessThanOrEqualTo(fast / 2);
        assertThat(slowTab.pace().busy()).isTrue();
        assertThat(told).containsExactly(true);
        assertThat(slowTab.pace().intervalMs()).isGreaterThanOrEqualTo(2 * Pace.BUSY_MS);
    }

    private int framesInOneSecond(long pageDelayMs) throws Exception {
        return framesInOneSecond(new Tab(workers), pageDelayMs);
    }

    /** Frames put in a second of changes every 10 ms, on a page that takes {@code pageDelayMs} to run a task. */
    private int framesInOneSecond(Tab on, long pageDelayMs) throws Exception {
        java.util.concurrent.ExecutorService pageThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        PageUpdates updates = on.open(task -> pageThread.execute(() -> {
            sleep(pageDelayMs);
            task.run();
        }));
        try {
            Frame<Void, Void> frame = updates.frame(() -> { });
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < end) {
                frame.stale();
                Thread.sleep(10);
            }
            return (int) frame.puts();
        } finally {
            updates.close();
            pageThread.shutdownNow();
        }
    }

    @Test
    void thePaceBacksOffWhileFramesAreSlowAndComesBackWhenTheyAreFast() {
        Pace pace = new Pace();
        List<Boolean> told = new CopyOnWriteArrayList<>();
        pace.onBusy(told::add);
        pace.record(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(pace.intervalMs()).isEqualTo(Pace.BASE_MS);
        assertThat(pace.busy()).isFalse();
        for (int i = 0; i < 4; i++) {
            pace.record(TimeUnit.MILLISECONDS.toNanos(600));
        }
        assertThat(pace.busy()).isTrue();
        assertThat(pace.intervalMs()).isBetween(1000L, Pace.MAX_MS);
        pace.record(TimeUnit.SECONDS.toNanos(30));
        assertThat(pace.intervalMs()).isEqualTo(Pace.MAX_MS);
        for (int i = 0; i < 12; i++) {
            pace.record(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(pace.busy()).isFalse();
        assertThat(pace.intervalMs()).isEqualTo(Pace.BASE_MS);
        assertThat(told).containsExactly(true, false);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
