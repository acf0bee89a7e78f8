package dev.gradsheet.load;

import dev.gradsheet.load.agent.LatencyLog;
import dev.gradsheet.load.agent.StudentReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load run found, with the invariants as checks ({@link #problems()}) and its
 * figures as the report {@link #print} writes: latencies (p50/p95), every training run's steps/s
 * against the mean of its network size, the server's gauges at start, at peak and after the class
 * left, the machine's load, and what went wrong.
 */
public final class LoadOutcome {
    /** A run whose step count stood still this long while playing is stuck. */
    static final double STUCK_SECONDS = 10;
    /** Every run's steps/s must be within this factor of the mean of its network size. */
    static final double FAIRNESS = 2;
    /** Threads the server may keep above its baseline once the class has left (pools' spare threads). */
    static final int THREADS_ABOVE_BASELINE = 10;

    final LoadPlan plan;
    final LatencyLog enter = new LatencyLog();
    final LatencyLog sgd = new LatencyLog();
    final LatencyLog pause = new LatencyLog();
    /** Pause latencies of the students' own runs (Chromium: polled by the test; mocked: server side). */
    final LatencyLog studentPause = new LatencyLog();
    int measurementsGivenUp;
    final List<Double> load = new ArrayList<>();
    Map<String, Object> atStart = Map.of();
    Map<String, Object> atPeak = new LinkedHashMap<>();
    Map<String, Object> afterLeaving = Map.of();
    final List<StudentReport> students = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();
    final List<String> resyncLines = new ArrayList<>();
    final List<String> serverErrors = new ArrayList<>();
    int pagesChecked;
    String serverVersion = "";

    LoadOutcome(LoadPlan plan) {
        this.plan = plan;
    }

    /** The runs of one kind ("XOR", "CIRCLES") that played. */
    List<StudentReport> runs(String kind) {
        return students.stream().filter(s -> kind.equals(s.kind) && s.playSeconds > 0).toList();
    }

    double meanStepsPerSecond(String kind) {
        return runs(kind).stream().mapToDouble(StudentReport::stepsPerSecond).average().orElse(Double.NaN);
    }

    /** Heartbeats the server did not answer 200, by status. */
    Map<String, Long> refusedHeartbeats() {
        @SuppressWarnings("unchecked")
        Map<String, Number> requests = (Map<String, Number>) afterLeaving.getOrDefault("requests", Map.of());
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith("heartbeat ") && !e.getKey().endsWith(" 200"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue()));
    }

    /** What breaks the invariants (latencies aside: they are targets, reported by {@link #print}). */
    public List<String> problems() {
        List<String> out = new ArrayList<>(mismatches);
        if (pagesChecked < plan.students()) {
            out.add("only " + pagesChecked + " of " + plan.students() + " pages were checked against eval");
        }
        for (StudentReport s : students) {
            s.errors.forEach(e -> out.add(s.student + " (" + s.kind + "): " + e));
            boolean trainer = "XOR".equals(s.kind) || "CIRCLES".equals(s.kind);
            if (trainer && (s.plays == 0 || s.steps == 0)) {
                out.add(s.student + " (" + s.kind + ") trained no step in " + s.plays + " plays");
            }
            if (trainer && s.longestStallSeconds >= STUCK_SECONDS) {
                out.add(String.format(Locale.ROOT, "%s (%s) stuck: its step count stood still for %.1f s while playing",
                        s.student, s.kind, s.longestStallSeconds));
            }
        }
        for (String kind : List.of("XOR", "CIRCLES")) {
            double mean = meanStepsPerSecond(kind);
            for (StudentReport s : runs(kind)) {
                double ratio = s.stepsPerSecond() / mean;
                if (!(ratio >= 1 / FAIRNESS && ratio <= FAIRNESS)) {
                    out.add(String.format(Locale.ROOT, "%s (%s) trained at %.0f steps/s, %.2f× the mean of its size",
                            s.student, kind, s.stepsPerSecond(), ratio));
                }
            }
        }
        refusedHeartbeats().forEach((k, v) -> out.add(v + " heartbeats answered " + k.substring("heartbeat ".length())));
        resyncLines.forEach(l -> out.add("resynchronisation: " + l));
        serverErrors.forEach(l -> out.add("server log: " + l));
        out.addAll(baselineProblems());
        return out;
    }

    /** Gauges that did not return to where they started once the class left. */
    List<String> baselineProblems() {
        List<String> out = new ArrayList<>();
        for (String gauge : List.of("browserUis", "mockedUis", "pushConnected", "jobsRunning", "jobsWaiting")) {
            Object after = afterLeaving.get(gauge);
            if (after instanceof Number n && n.intValue() > number(atStart.get(gauge))) {
                out.add(gauge + " did not return to its baseline: " + atStart.get(gauge) + " at start, " + after + " after");
            }
        }
        if (number(afterLeaving.get("liveSheets")) > number(atStart.get("liveSheets"))) {
            out.add("sheets stayed in memory: " + atStart.get("liveSheets") + " at start, " + afterLeaving.get("liveSheets") + " after");
        }
        double heapStart = number(atStart.get("heapUsedMb"));
        double heapAfter = number(afterLeaving.get("heapUsedMb"));
        if (heapAfter > heapStart * 1.25 + 16) {
            out.add(String.format(Locale.ROOT, "the heap did not return to its baseline: %.0f MB at start, %.0f MB after",
                    heapStart, heapAfter));
        }
        double threadsStart = number(atStart.get("serverThreads"));
        double threadsAfter = number(afterLeaving.get("serverThreads"));
        if (threadsAfter > threadsStart + THREADS_ABOVE_BASELINE) {
            out.add("threads did not return to their baseline: " + (int) threadsStart + " at start, " + (int) threadsAfter + " after");
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    /** Writes the run's figures and problems. */
    public void print(PrintStream out) {
        out.println();
        out.println("=== A class at once: " + plan.students() + " students (" + plan.own() + " on their own sheets, "
                + plan.training() + " training, " + plan.shared() + " sharing one sheet), " + plan.chromiumKinds().size()
                + " in Chromium, " + plan.seconds() + " s; server " + serverVersion);
        out.println(String.format(Locale.ROOT, "machine load (1-min average) while the class worked: min %.1f, mean %.1f, max %.1f",
                load.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                load.stream().mapToDouble(d -> d).average().orElse(Double.NaN),
                load.stream().mapToDouble(d -> d).max().orElse(Double.NaN)));
        out.println(latency("Enter -> new gradient on screen (measuring tab)", enter, 500));
        out.println(latency("SGD click -> new value on screen (measuring tab)", sgd, 0));
        out.println(latency("Pause click -> paused on screen (measuring tab)", pause, 500));
        out.println(latency("Pause -> paused, the students' own runs", studentPause, 0));
        out.println("measurements without an answer within 30 s: " + measurementsGivenUp);
        for (String kind : List.of("XOR", "CIRCLES")) {
            double mean = meanStepsPerSecond(kind);
            out.println(String.format(Locale.ROOT, "%s runs: mean %.0f steps/s; each: %s", kind, mean,
                    runs(kind).stream().map(s -> String.format(Locale.ROOT, "%.0f (%.2f×, longest stall %.1f s)",
                            s.stepsPerSecond(), s.stepsPerSecond() / mean, s.longestStallSeconds)).collect(Collectors.joining(", "))));
        }
        out.println("pages checked against eval of their downloaded sheet: " + pagesChecked + ", differing: " + mismatches.size());
        out.println("heartbeats refused: " + refusedHeartbeats() + "; resynchronisations: " + resyncLines.size()
                + "; error lines in the server log: " + serverErrors.size());
        out.println("requests: " + afterLeaving.get("requests"));
        out.println();
        out.println("| gauge | at start | at peak | after the students left |");
        out.println("| --- | --- | --- | --- |");
        for (String g : List.of("heapUsedMb", "serverThreads", "browserUis", "mockedUis", "pushConnected", "jobsRunning",
                "jobsWaiting", "liveSheets", "uidlP50Ms", "uidlP95Ms")) {
            out.println("| " + g + " | " + cell(atStart.get(g)) + " | " + cell(atPeak.get(g)) + " | " + cell(afterLeaving.get(g)) + " |");
        }
        List<String> problems = problems();
        out.println();
        out.println(problems.isEmpty() ? "no problems" : problems.size() + " problems:");
        problems.stream().limit(60).forEach(p -> out.println("  - " + p));
    }

    private static String latency(String what, LatencyLog log, double target) {
        String line = String.format(Locale.ROOT, "%s: p50 %.0f ms, p95 %.0f ms (%d samples)", what,
                log.percentile(50), log.percentile(95), log.count());
        return target > 0 ? line + String.format(Locale.ROOT, " (target p95 <= %.0f ms: %s)", target,
                log.percentile(95) <= target ? "met" : "NOT met") : line;
    }

    private static String cell(Object o) {
        return o == null ? "n/a" : o instanceof Double d ? String.format(Locale.ROOT, "%.0f", d) : String.valueOf(o);
    }
}
