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
