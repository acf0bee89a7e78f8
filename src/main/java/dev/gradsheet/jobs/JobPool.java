package dev.gradsheet.jobs;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * The server's one pool for long work (training runs, long SGD requests): a fixed number of worker
 * threads and a bounded queue in front of them, so however many tabs start jobs, at most
 * {@code workers} cores are busy. A queued job knows how many jobs are ahead of it; a job beyond
 * the queue's length is refused with a message saying so. Free of Vaadin and Spring.
 */
public final class JobPool implements AutoCloseable {
    /** Work the pool runs; {@link #queueMoved} tells a waiting job that its place changed. */
    public interface Task extends Runnable {
        /** Called (on some thread) when the number of jobs ahead of this one changed while it waits. */
        default void queueMoved(int ahead) {
        }
    }

    /** A submitted task: its place in the queue, and a way to take it out of the queue. */
    public final class Ticket {
        private final Task task;

        private Ticket(Task task) {
            this.task = task;
        }

        /** Jobs ahead of this one in the queue; -1 once it has started (or was cancelled). */
        public int ahead() {
            synchronized (queue) {
                return queue.indexOf(this);
            }
        }

        /** Takes the task out of the queue if it has not started; true if it was removed. */
        public boolean cancel() {
            boolean removed;
            synchronized (queue) {
                removed = queue.remove(this);
            }
            if (removed) {
                announcePlaces();
            }
            return removed;
        }
    }

    private final int workers;
    private final int queueLimit;
    private final LinkedList<Ticket> queue = new LinkedList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /** A pool of {@code workers} threads with room for {@code queueLimit} waiting jobs. */
    public JobPool(int workers, int queueLimit) {
        if (workers < 1 || queueLimit < 0) {
            throw new IllegalArgumentException("a job pool needs at least one worker and a queue length >= 0");
        }
        this.workers = workers;
        this.queueLimit = queueLimit;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "gradsheet-job-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    public int workers() {
        return workers;
    }

    public int queueLimit() {
        return queueLimit;
    }

    /** Jobs waiting for a worker now. */
    public int waiting() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /**
     * Queues {@code task}. Refused with {@link JobRefusedException} when {@code queueLimit} jobs are
     * already waiting. A worker that is free takes it at once.
     */
    public Ticket submit(Task task) {
        Ticket ticket = new Ticket(task);
        synchronized (queue) {
            if (closed) {
                throw new JobRefusedException("the server is shutting down; try again in a minute");
            }
            if (queue.size() - idle >= queueLimit) {
                throw new JobRefusedException("the server is busy: all " + workers + " workers are running jobs and "
                        + queueLimit + " more are waiting (the most it queues); try again in a minute");
            }
            queue.addLast(ticket);
            queue.notifyAll();
        }
        return ticket;
    }

    private int idle;

    private void work() {
        while (true) {
            Ticket next;
            synchronized (queue) {
                idle++;
                try {
                    while (queue.isEmpty() && !closed) {
                        queue.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                } finally {
                    idle--;
                }
                if (closed) {
                    return;
                }
                next = queue.removeFirst();
            }
            announcePlaces();
            try {
                next.task.run();
            } catch (RuntimeException | Error e) {
                // the task reports its own failure; the worker goes on
            }
        }
    }

    /** Tells every waiting job its new place. */
    private void announcePlaces() {
        List<Ticket> waiting;
        synchronized (queue) {
            waiting = new ArrayList<>(queue);
        }
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).task.queueMoved(i);
        }
    }

    /** Stops the workers; waiting jobs are dropped, running ones finish their current call. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.clear();
            queue.notifyAll();
        }
    }
}
