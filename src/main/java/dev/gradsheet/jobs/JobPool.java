package dev.gradsheet.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The server's one pool for long work (training runs, long SGD requests). Up to {@code workers} jobs
 * are in progress at once; more wait in a bounded queue, in order, each knowing how many are ahead of
 * it; beyond the queue's length a job is refused with a message saying so. One visitor may hold at
 * most {@code perVisitor} jobs, waiting or running.
 *
 * <p>The jobs in progress share {@code cpus} turns on the machine's processors: a job that calls
 * {@link #pass()} between units of work (a training step) computes only while it holds a turn — its
 * first call takes one — and gives its turn to the next waiting job once it has held it for a time
 * slice. Turns go round in
 * order, so every run gets the same share of processor time whatever its size: a big network cannot
 * starve a small one, and a machine of two cores keeps one for the web pages (edits are never queued
 * behind a run). A job asked to stop does not wait for its turn. Free of Vaadin and Spring.
 */
public final class JobPool implements AutoCloseable {
    /** How long a job computes before it passes its turn to a waiting one. */
    public static final long SLICE_MILLIS = 20;
    /** How often a job waiting for its turn looks whether it was asked to stop. */
    private static final long STOP_POLL_MILLIS = 5;

    /** Work the pool runs; {@link #queueMoved} tells a waiting job that its place changed. */
    public interface Task extends Runnable {
        /** Called (on some thread) when the number of jobs ahead of this one changed while it waits. */
        default void queueMoved(int ahead) {
        }

        /** Whether the job was asked to stop: it then goes on at once, without waiting for its turn, to end. */
        default boolean stopRequested() {
            return false;
        }
    }

    /** A submitted task: its place in the queue, and a way to take it out of the queue. */
    public final class Ticket {
        private final Task task;
        private final String visitor;

        private Ticket(Task task, String visitor) {
            this.task = task;
            this.visitor = visitor;
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
                if (removed) {
                    release(this);
                }
            }
            if (removed) {
                announcePlaces();
            }
            return removed;
        }
    }

    /** A worker's hold on the processors while it runs one task. */
    private static final class Turn {
        final JobPool pool;
        final Task task;
        boolean holding;
        long since;

        Turn(JobPool pool, Task task) {
            this.pool = pool;
            this.task = task;
        }
    }

    private static final ThreadLocal<Turn> CURRENT = new ThreadLocal<>();

    private final int workers;
    private final int queueLimit;
    private final int cpus;
    private final int perVisitor;
    private final LinkedList<Ticket> queue = new LinkedList<>();
    /** Jobs each visitor holds, waiting or running; guarded by {@link #queue}. */
    private final Map<String, Integer> held = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object turns = new Object();
    /** Turns not held by a job; guarded by {@link #turns}. */
    private int freeTurns;
    /** Jobs waiting for a turn, first come first served; guarded by {@link #turns}. */
    private final ArrayDeque<Turn> waitingForTurn = new ArrayDeque<>();
    private int idle;
    /** Jobs a worker has taken; guarded by {@link #queue}. */
    private int inProgress;
    private volatile boolean closed;

    /** A pool of {@code workers} jobs at once, each with a processor of its own, and room for {@code queueLimit} waiting. */
    public JobPool(int workers, int queueLimit) {
        this(workers, queueLimit, workers, Integer.MAX_VALUE);
    }

    /**
     * A pool of {@code workers} jobs in progress at once sharing {@code cpus} turns, room for
     * {@code queueLimit} waiting jobs, and at most {@code perVisitor} jobs for one visitor.
     */
    public JobPool(int workers, int queueLimit, int cpus, int perVisitor) {
        if (workers < 1 || queueLimit < 0 || cpus < 1 || perVisitor < 1) {
            throw new IllegalArgumentException("a job pool needs at least one worker, one cpu and one job per visitor"
                    + " and a queue length >= 0");
        }
        this.workers = workers;
        this.queueLimit = queueLimit;
        this.cpus = Math.min(cpus, workers);
        this.perVisitor = perVisitor;
        this.freeTurns = this.cpus;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "gradsheet-job-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Jobs in progress at once. */
    public int workers() {
        return workers;
    }

    /** Jobs computing at the same moment: the turns the jobs in progress share. */
    public int cpus() {
        return cpus;
    }

    public int queueLimit() {
        return queueLimit;
    }

    /** The most jobs one visitor may hold, waiting or running. */
    public int perVisitor() {
        return perVisitor;
    }

    /** Jobs waiting for a worker now. */
    public int waiting() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Jobs in progress now. */
    public int running() {
        synchronized (queue) {
            return inProgress;
        }
    }

    /** Queues {@code task} for nobody in particular. */
    public Ticket submit(Task task) {
        return submit(task, null);
    }

    /**
     * Queues {@code task} for {@code visitor} (null: not counted against anyone). Refused with
     * {@link JobRefusedException} when {@code queueLimit} jobs are already waiting, when the visitor
     * holds {@code perVisitor} jobs already, or when the pool is closing. A free worker takes it at once.
     */
    public Ticket submit(Task task, String visitor) {
        Ticket ticket = new Ticket(task, visitor);
        synchronized (queue) {
            if (closed) {
                throw new JobRefusedException(JobRefusedException.Reason.SHUTTING_DOWN,
                        "the server is shutting down; try again in a minute");
            }
            if (visitor != null && held.getOrDefault(visitor, 0) >= perVisitor) {
                throw new JobRefusedException(JobRefusedException.Reason.VISITOR_LIMIT,
                        "you already have " + perVisitor + " runs going, the most one visitor may have; pause one first",
                        perVisitor);
            }
            if (queue.size() - idle >= queueLimit) {
                throw new JobRefusedException(JobRefusedException.Reason.QUEUE_FULL,
                        "the server is busy: all " + workers + " workers are running jobs and " + queueLimit
                                + " more are waiting (the most it queues); try again in a minute", workers, queueLimit);
            }
            if (visitor != null) {
                held.merge(visitor, 1, Integer::sum);
            }
            queue.addLast(ticket);
            queue.notifyAll();
        }
        return ticket;
    }

    /** Jobs {@code visitor} holds now, waiting or running. */
    public int heldBy(String visitor) {
        synchronized (queue) {
            return held.getOrDefault(visitor, 0);
        }
    }

    /** Forgets one job of the ticket's visitor; call holding {@link #queue}. */
    private void release(Ticket ticket) {
        if (ticket.visitor != null) {
            held.computeIfPresent(ticket.visitor, (v, n) -> n > 1 ? n - 1 : null);
        }
    }

    /**
     * Called by a running job between units of work: when it has computed for a time slice and
     * another job waits for a turn, it gives its turn away and waits for its next one (returning at
     * once if it is asked to stop meanwhile). Does nothing on a thread that is not the pool's.
     */
    public static void pass() {
        Turn turn = CURRENT.get();
        if (turn != null) {
            turn.pool.pass(turn);
        }
    }

    private void pass(Turn turn) {
        if (turn.holding) {
            if (System.nanoTime() - turn.since < SLICE_MILLIS * 1_000_000) {
                return;
            }
            synchronized (turns) {
                if (waitingForTurn.isEmpty()) {
                    turn.since = System.nanoTime();
                    return;
                }
                freeTurns++;
                turn.holding = false;
                turns.notifyAll();
            }
        }
        takeTurn(turn);
    }

    /** Waits for a turn, first come first served; gives up when the job is asked to stop or the pool closes. */
    private void takeTurn(Turn turn) {
        synchronized (turns) {
            waitingForTurn.addLast(turn);
            try {
                while (!(freeTurns > 0 && waitingForTurn.peekFirst() == turn)) {
                    if (closed || turn.task.stopRequested()) {
                        return;
                    }
                    turns.wait(STOP_POLL_MILLIS);
                }
                freeTurns--;
                turn.holding = true;
                turn.since = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waitingForTurn.remove(turn);
                turns.notifyAll(); // the next in line may be first now
            }
        }
    }

    private void giveBack(Turn turn) {
        if (turn.holding) {
            synchronized (turns) {
                freeTurns++;
                turn.holding = false;
                turns.notifyAll();
            }
        }
    }

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
                inProgress++;
            }
            announcePlaces();
            Turn turn = new Turn(this, next.task);
            CURRENT.set(turn);
            try {
                next.task.run(); // its first pass() takes its first turn
            } catch (RuntimeException | Error e) {
                // the task reports its own failure; the worker goes on
            } finally {
                giveBack(turn);
                CURRENT.remove();
                synchronized (queue) {
                    inProgress--;
                    release(next);
                }
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

    /**
     * Stops taking jobs: waiting jobs are dropped, and a running job waiting for its turn goes on
     * without one (it is expected to have been asked to stop); running ones finish their current call.
     */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            for (Ticket t : queue) {
                release(t);
            }
            queue.clear();
            queue.notifyAll();
        }
        synchronized (turns) {
            turns.notifyAll();
        }
    }
}
