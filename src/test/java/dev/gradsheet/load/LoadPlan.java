package dev.gradsheet.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class for the load test: how many students of each kind, how many of them in real Chromium
 * pages (the rest are mocked pages in the server's JVM), how long they work, and the server they
 * work on. Every figure can be set with a {@code -Dload.*} system property (see {@link #fromSystemProperties}).
 *
 * @param own        students editing weights and pressing SGD on sheets of their own
 * @param training   students training (half XOR 2-4-1, half 2-8-8-1 on Circles) with Play and Pause
 * @param shared     students editing one shared sheet
 * @param chromium   how many of the students are real Chromium pages (at least one if any share)
 * @param seconds    how long the class works, after every student has arrived
 * @param measure    whether two more Chromium pages measure latencies (Enter, SGD, Pause)
 * @param jar        the server's jar
 * @param heapMb     the server's heap
 * @param settings   the server's settings ({@code --name=value})
 */
public record LoadPlan(int own, int training, int shared, int chromium, int seconds, boolean measure, Path jar,
                       int heapMb, List<String> settings) {

    /** The students' kinds, the same names for Chromium and mocked students. */
    enum Kind { SHARER, EDITOR, XOR, CIRCLES }

    /** The short eviction and heartbeat that let the server return to its baseline within a minute of the class leaving. */
    static final List<String> QUICK_CLEANUP = List.of("--gradsheet.evict-after=10s", "--vaadin.heartbeatInterval=10");

    /** The class of issue 21: 60 students (40 own sheets, 12 training, 8 sharing), 8 of them in Chromium, 3 minutes. */
    public static LoadPlan fromSystemProperties() {
        List<String> settings = new ArrayList<>(QUICK_CLEANUP);
        String extra = System.getProperty("load.settings", "").strip();
        if (!extra.isEmpty()) {
            settings.addAll(List.of(extra.split("\\s+")));
        }
        return new LoadPlan(Integer.getInteger("load.own", 40), Integer.getInteger("load.training", 12),
                Integer.getInteger("load.shared", 8), Integer.getInteger("load.chromium", 8),
                Integer.getInteger("load.seconds", 180), Boolean.parseBoolean(System.getProperty("load.measure", "true")),
                Path.of(System.getProperty("load.jar", "target/gradsheet.jar")), Integer.getInteger("load.heapMb", 1024),
                List.copyOf(settings));
    }

    public int students() {
        return own + training + shared;
    }

    /** How many students of {@code kind} the class has. */
    int count(Kind kind) {
        return switch (kind) {
            case SHARER -> shared;
            case EDITOR -> own;
            case XOR -> training - training / 2;
            case CIRCLES -> training / 2;
        };
    }

    /**
     * The kinds of the Chromium pages, taken in turn (a sharer first: it makes the shared sheet),
     * each while its kind has students left: 8 pages are 2 sharers, 2 editors, 2 XOR and 2 Circles.
     */
    List<Kind> chromiumKinds() {
        List<Kind> kinds = new ArrayList<>();
        int[] left = new int[Kind.values().length];
        for (Kind k : Kind.values()) {
            left[k.ordinal()] = count(k);
        }
        int pages = Math.min(chromium, students());
        for (int i = 0; kinds.size() < pages; i++) {
            Kind k = Kind.values()[i % left.length];
            if (left[k.ordinal()] > 0) {
                left[k.ordinal()]--;
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** How many mocked students of {@code kind}: the class's minus those in Chromium. */
    int mocked(Kind kind) {
        return count(kind) - (int) chromiumKinds().stream().filter(k -> k == kind).count();
    }
}
