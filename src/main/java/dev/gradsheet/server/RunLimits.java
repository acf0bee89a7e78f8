package dev.gradsheet.server;

import java.time.Duration;

/**
 * How the server shares its processors among training runs ({@code gradsheet.jobs.*},
 * {@code gradsheet.train.*}): many students train at once on a machine of few cores, so runs take
 * turns, one visitor cannot take every turn, and a run nobody watches stops using any.
 *
 * @param cpus           runs computing at the same moment (the turns the runs in progress share); by
 *                       default one core fewer than the machine has, so the web pages keep a core
 * @param perVisitor     runs one visitor may have going or waiting at once
 * @param unwatchedPause a run whose sheet no tab shows pauses after this long
 */
public record RunLimits(int cpus, int perVisitor, Duration unwatchedPause) {
    /** One core fewer than the machine has (at least one), two runs a visitor, a minute unwatched. */
    public static RunLimits defaults() {
        return new RunLimits(defaultCpus(), 2, Duration.ofSeconds(60));
    }

    /** One core fewer than the machine has, at least one. */
    public static int defaultCpus() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public RunLimits {
        if (cpus < 1 || perVisitor < 1 || unwatchedPause.isNegative() || unwatchedPause.isZero()) {
            throw new IllegalArgumentException("gradsheet.jobs.cpus and per-visitor must be at least 1 and"
                    + " gradsheet.train.unwatched-pause positive: " + this);
        }
    }
}
