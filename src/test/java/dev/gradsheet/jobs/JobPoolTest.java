package dev.gradsheet.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobPoolTest {
    /** A task that holds its worker until released. */
    static final class Blocker implements JobPool.Task {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> places = new CopyOnWriteArrayList<>();

        @Override
        public void run() {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void queueMoved(int ahead) {
            places.add(ahead);
        }
    }

    @Test
    void atMostWorkersRunAtOnceTheRestWaitInOrderAndBeyondTheQueueAreRefused() throws Exception {
        try (JobPool pool = new JobPool(1, 3)) {
            Blocker running = new Blocker();
            pool.submit(running);
            assertThat(running.started.await(10, TimeUnit.SECONDS)).isTrue();
            Blocker a = new Blocker();
            Blocker b = new Blocker();
            Blocker c = new Blocker();
            JobPool.Ticket ta = pool.submit(a);
            JobPool.Ticket tb = pool.submit(b);
            JobPool.Ticket tc = pool.submit(c);
            assertThat(List.of(ta.ahead(), tb.ahead(), tc.ahead())).containsExactly(0, 1, 2);
            assertThat(pool.waiting()).isEqualTo(3);
            assertThatThrownBy(() -> pool.submit(new Blocker()))
                    .isInstanceOf(JobRefusedException.class)
                    .hasMessage("the server is busy: all 1 workers are running jobs and 3 more are waiting"
                            + " (the most it queues); try again in a minute");
            // taking b out of the queue moves c up
            assertThat(tb.cancel()).isTrue();
            assertThat(tc.ahead()).isEqualTo(1);
            assertThat(c.places).endsWith(1);
            running.release.countDown();
            assertThat(a.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ta.ahead()).isEqualTo(-1);
            assertThat(tc.ahead()).isEqualTo(0);
            assertThat(c.places).endsWith(0);
            assertThat(b.started.getCount()).isEqualTo(1); // cancelled: never runs
            a.release.countDown();
            assertThat(c.started.await(10, TimeUnit.SECONDS)).isTrue();
            c.release.countDown();
            assertThat(tb.cancel()).isFalse();
        }
    }

    @Test
    void twoWorkersRunTwoJobsAtOnceAndAFailingJobDoesNotKillAWorker() throws Exception {
        try (JobPool pool = new JobPool(2, 0)) {
            AtomicInteger ran = new AtomicInteger();
            await(pool, () -> {
                throw new IllegalStateException("boom");
            });
            Blocker one = new Blocker();
            Blocker two = new Blocker();
            await(pool, one);
            await(pool, two);
            assertThat(one.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(two.started.await(10, TimeUnit.SECONDS)).isTrue();
            // both workers busy and no queue: refused
            assertThatThrownBy(() -> pool.submit(ran::incrementAndGet)).isInstanceOf(JobRefusedException.class);
            one.release.countDown();
            two.release.countDown();
        }
    }

    /**
     * A training-like task: computes in units of {@code unitNanos} (a step of a small or a big
     * network), passing its turn between units, until stopped; counts the time it computed.
     */
    static final class Stepper implements JobPool.Task {
        final long unitNanos;
        final java.util.concurrent.atomic.AtomicLong computed = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        final CountDownLatch ended = new CountDownLatch(1);

        Stepper(long unitMillis) {
            this.unitNanos = unitMillis * 1_000_000;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    JobPool.pass(); // as a training run's stop check does between steps
                    if (stop.get()) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    while (System.nanoTime() - t0 < unitNanos) {
                        Thread.onSpinWait(); // a step of work
                    }
                    computed.addAndGet(System.nanoTime() - t0);
                }
            } finally {
                ended.countDown();
            }
        }

        @Override
        public boolean stopRequested() {
            return stop.get();
        }
    }

    @Test
    void runsOfEverySizeGetTheSameShareOfOneProcessor() throws Exception {
        try (JobPool pool = new JobPool(4, 0, 1, 10)) {
            List<Stepper> runs = List.of(new Stepper(1), new Stepper(1), new Stepper(7));
            runs.forEach(pool::submit);
            Thread.sleep(1500);
            runs.forEach(r -> r.stop.set(true));
            for (Stepper r : runs) {
                assertThat(r.ended.await(10, TimeUnit.SECONDS)).isTrue();
            }
            double mean = runs.stream().mapToLong(r -> r.computed.get()).average().orElseThrow();
            for (Stepper r : runs) {
                // turns go round: each run computed its third of the time, a big step no more than a small one
                assertThat(r.computed.get() / mean).as("share of run with %d ms steps", r.unitNanos / 1_000_000)
                        .isBetween(0.5, 2.0);
            }
        }
    }

    @Test
    void aRunAskedToStopDoesNotWaitForItsTurn() throws Exception {
        try (JobPool pool = new JobPool(2, 0, 1, 10)) {
            Stepper hog = new Stepper(2_000); // holds the one turn for two seconds at a time
            pool.submit(hog);
            Thread.sleep(100);
            Stepper waiting = new Stepper(1);
            pool.submit(waiting);
            Thread.sleep(100);
            assertThat(waiting.computed.get()).isZero(); // it waits for the turn the hog holds
            long t0 = System.nanoTime();
            waiting.stop.set(true);
            assertThat(waiting.ended.await(1, TimeUnit.SECONDS)).isTrue();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("ms from stop to end").isLessThan(1000);
            assertThat(waiting.computed.get()).isZero();
            hog.stop.set(true);
        }
    }

    @Test
    void oneVisitorHoldsAtMostItsShareOfRunsAndGetsItBackWhenOneEnds() throws Exception {
        try (JobPool pool = new JobPool(4, 4, 1, 2)) {
            Blocker first = new Blocker();
            Blocker second = new Blocker();
            pool.submit(first, "ann");
            JobPool.Ticket queued = pool.submit(second, "ann");
            assertThat(pool.heldBy("ann")).isEqualTo(2);
            assertThatThrownBy(() -> pool.submit(new Blocker(), "ann"))
                    .isInstanceOfSatisfying(JobRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(JobRefusedException.Reason.VISITOR_LIMIT));
            pool.submit(new Blocker(), "bob").cancel(); // somebody else is not limited by ann's runs
            assertThat(first.started.await(10, TimeUnit.SECONDS)).isTrue();
            first.release.countDown();
            for (int i = 0; i < 200 && pool.heldBy("ann") > 1; i++) {
                Thread.sleep(10);
            }
            assertThat(pool.heldBy("ann")).isEqualTo(1);
            Blocker third = new Blocker();
            pool.submit(third, "ann");
            queued.cancel();
            second.release.countDown();
            third.release.countDown();
        }
    }

    /** Submits, retrying while a worker is still finishing its previous job (the queue has no room). */
    private static void await(JobPool pool, JobPool.Task task) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                pool.submit(task);
                return;
            } catch (JobRefusedException busy) {
                Thread.sleep(10);
            }
        }
        throw new AssertionError("never accepted");
    }
}
