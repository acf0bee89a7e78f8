package dev.gradsheet.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread-safe, thinned-out record of a loss curve for drawing: keeps at most {@link #MAX_POINTS}
 * (x, y) points. When full it drops every other point and from then on keeps only every second
 * new one, so a run of a million steps costs the browser as much as one of a thousand.
 */
public final class LossHistory {
    /** Most points kept. */
    public static final int MAX_POINTS = 1500;

    private final List<double[]> points = new ArrayList<>();
    private long seen;
    private long stride = 1;
    private double[] last;

    /** Records point (x, y). */
    public synchronized void add(double x, double y) {
        last = new double[] {x, y};
        if (seen++ % stride != 0) {
            return;
        }
        points.add(last);
        if (points.size() > MAX_POINTS) {
            List<double[]> kept = new ArrayList<>(points.size() / 2 + 1);
            for (int i = 0; i < points.size(); i += 2) {
                kept.add(points.get(i));
            }
            points.clear();
            points.addAll(kept);
            stride *= 2;
        }
    }

    /** The kept points, ending with the latest one added. */
    public synchronized List<double[]> points() {
        List<double[]> out = new ArrayList<>(points);
        if (last != null && (out.isEmpty() || out.get(out.size() - 1) != last)) {
            out.add(last);
        }
        return out;
    }

    /** Forgets every point (a Reset). */
    public synchronized void clear() {
        points.clear();
        seen = 0;
        stride = 1;
        last = null;
    }

    /** How many points were added in all. */
    public synchronized long count() {
        return seen;
    }
}
