package dev.gradsheet.load.agent;

import java.util.ArrayList;
import java.util.List;

/** Durations in milliseconds, kept to read their percentiles (nearest rank). Thread-safe. */
public final class LatencyLog {
    private final List<Double> millis = new ArrayList<>();

    public synchronized void add(double ms) {
        millis.add(ms);
    }

    public synchronized int count() {
        return millis.size();
    }

    /** The {@code p}-th percentile (0 &lt; p &lt;= 100) by nearest rank, or NaN when empty. */
    public synchronized double percentile(double p) {
        return percentile(millis, p);
    }

    /** A copy of the durations so far. */
    public synchronized List<Double> values() {
        return List.copyOf(millis);
    }

    /** The {@code p}-th percentile of {@code values} by nearest rank, or NaN when empty. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
