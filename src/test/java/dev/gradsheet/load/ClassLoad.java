package dev.gradsheet.load;

import dev.gradsheet.load.agent.StudentReport;
import dev.gradsheet.ui.pages.LoadBrowser;
import dev.gradsheet.ui.pages.LoadSheetPage;
import dev.gradsheet.ui.pages.LoadStudent;
import dev.gradsheet.ui.pages.MeasuringTab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load test: a class of students at once on one server (issue "A class at once"). Starts the jar
 * with the load agent, lets the students arrive (real Chromium pages and mocked pages in the
 * server's JVM, see {@link LoadPlan}), measures with two more Chromium pages while they work, then
 * stops them, checks every page against {@code eval} of its downloaded sheet, lets them leave and
 * waits for the server to return to where it started. Run with {@code mvn -Pload} (see
 * docs/performance.md, "A class at once"); {@code ClassLoadIT} runs a small one in {@code mvn verify}.
 */
public final class ClassLoad {
    private final LoadPlan plan;
    private final Path work;
    private final LoadOutcome outcome;
    private final List<LoadStudent> chromium = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<LoadBrowser> measuringBrowsers = new ArrayList<>();
    private final List<MeasuringTab> measuring = new ArrayList<>();
    private LoadServer server;

    public ClassLoad(LoadPlan plan, Path work) {
        this.plan = plan;
        this.work = work;
        this.outcome = new LoadOutcome(plan);
    }

    public static void main(String[] args) throws Exception {
        LoadPlan plan = LoadPlan.fromSystemProperties();
        Path work = Path.of(System.getProperty("load.dir", plan.jar().toAbsolutePath().getParent().resolve("load").toString()))
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        LoadOutcome outcome = new ClassLoad(plan, work).run();
        outcome.print(System.out);
        System.out.println("server log and downloaded sheets: " + work);
        System.exit(outcome.problems().isEmpty() ? 0 : 1);
    }

    /** Runs the class and returns what it found. */
    public LoadOutcome run() throws Exception {
        if (!LoadBrowser.available()) {
            throw new IllegalStateException("the load test needs Chromium: apt-get install -y chromium chromium-driver");
        }
        Files.createDirectories(work);
        server = LoadServer.start(plan.jar(), work.resolve("data"), work.resolve("server.log"), plan.heapMb(), plan.settings());
        outcome.serverVersion = plan.jar().toString();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            warmUp();
            outcome.atStart = settledGauges(Map.of(), 90);
            log("at start: " + outcome.atStart);
            arrive();
            sampler.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
            startMeasuring();
            sleepSeconds(plan.seconds() / 2);
            Map<String, Object> peak = server.agent().gauges(true);
            outcome.atPeak.put("heapUsedMb", peak.get("heapUsedMb"));
            sleepSeconds(plan.seconds() - plan.seconds() / 2);
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.MINUTES);
            stopAndCheck();
            leave();
            outcome.afterLeaving = settledGauges(outcome.atStart, 150);
            log("after leaving: " + outcome.afterLeaving);
            scanServerLog();
        } finally {
            sampler.shutdownNow();
            measuringBrowsers.forEach(LoadBrowser::close);
            chromium.forEach(LoadStudent::leave);
            server.close();
        }
        return outcome;
    }

    /**
     * One Chromium visit and one mocked student before the baseline, so the baseline is a server that
     * has served a page (classes loaded, caches filled), not a cold one.
     */
    private void warmUp() throws IOException {
        try (LoadBrowser b = new LoadBrowser()) {
            new LoadSheetPage(b).open(server.url(""), "z");
        }
        server.agent().students("EDITOR", 1, null, 0);
        sleepSeconds(3);
        server.agent().stop();
        server.agent().leave();
    }

    /** Chromium students (the first sharer makes the shared sheet), then the mocked ones. */
    private void arrive() throws InterruptedException {
        List<LoadPlan.Kind> kinds = plan.chromiumKinds();
        String shared = null;
        for (int i = 0; i < kinds.size(); i++) {
            LoadStudent s = new LoadStudent("chromium-" + (i + 1), LoadStudent.Kind.valueOf(kinds.get(i).name()),
                    server.url(""), shared, 1000 + i);
            chromium.add(s);
            Thread t = new Thread(s, "chromium-student-" + (i + 1));
            threads.add(t);
            t.start();
            if (shared == null && kinds.get(i) == LoadPlan.Kind.SHARER) {
                s.arrived.await(3, TimeUnit.MINUTES);
                shared = s.report.sheet;
                if (shared == null) {
                    throw new IllegalStateException("the first sharer could not make the shared sheet: " + s.report.errors);
                }
            }
        }
        if (shared == null && plan.mocked(LoadPlan.Kind.SHARER) > 0) {
            throw new IllegalStateException("sharing students need a Chromium sharer to make the shared sheet");
        }
        long seed = 1;
        for (LoadPlan.Kind k : LoadPlan.Kind.values()) {
            int n = plan.mocked(k);
            if (n > 0) {
                server.agent().students(k.name(), n, shared, seed);
                seed += n;
            }
        }
        for (LoadStudent s : chromium) {
            s.arrived.await(5, TimeUnit.MINUTES);
        }
        log("every student has arrived");
    }

    private void startMeasuring() throws IOException {
        if (!plan.measure()) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            LoadBrowser b = new LoadBrowser();
            measuringBrowsers.add(b);
            MeasuringTab tab = new MeasuringTab(new LoadSheetPage(b));
            measuring.add(tab);
            boolean edits = i == 0;
            Thread t = new Thread(() -> {
                try {
                    if (edits) {
                        tab.measureEdits(server.url(""));
                    } else {
                        tab.measurePauses(server.url(""));
                    }
                } catch (RuntimeException e) {
                    log("measuring tab failed: " + e.toString().lines().findFirst().orElse(""));
                }
            }, "measuring-tab-" + (i + 1));
            threads.add(t);
            t.start();
        }
    }

    /** Every 5 s: the machine's load, and the gauges' highest values. */
    private void sample() {
        try {
            String loadavg = Files.readString(Path.of("/proc/loadavg"));
            outcome.load.add(Double.parseDouble(loadavg.split(" ")[0]));
            Map<String, Object> g = server.agent().gauges(false);
            for (String key : List.of("serverThreads", "browserUis", "mockedUis", "pushConnected", "jobsRunning",
                    "jobsWaiting", "liveSheets", "uidlP50Ms", "uidlP95Ms")) {
                Object now = g.get(key);
                Object max = outcome.atPeak.get(key);
                if (now instanceof Number n && (!(max instanceof Number m) || n.doubleValue() > m.doubleValue())) {
                    outcome.atPeak.put(key, now);
                }
            }
        } catch (IOException | RuntimeException e) {
            log("sampling failed: " + e);
        }
    }

    /** Stops every student (runs paused), lets the last changes arrive, then checks every page. */
    private void stopAndCheck() throws Exception {
        measuring.forEach(MeasuringTab::stop);
        chromium.forEach(LoadStudent::stopActing);
        int quiet = server.agent().stop();
        log(quiet + " mocked students quiet");
        for (LoadStudent s : chromium) {
            s.quiet.await(2, TimeUnit.MINUTES);
        }
        for (Thread t : threads) {
            if (t.getName().startsWith("measuring-tab")) {
                t.join(TimeUnit.MINUTES.toMillis(2));
            }
        }
        sleepSeconds(3);
        List<CompletableFuture<StudentReport>> reading = chromium.stream().map(LoadStudent::readPage).toList();
        List<StudentReport> reports = new ArrayList<>();
        for (int i = 0; i < reading.size(); i++) {
            try {
                reports.add(reading.get(i).get(2, TimeUnit.MINUTES));
            } catch (Exception e) {
                chromium.get(i).report.errors.add("reading the page: " + e);
                reports.add(chromium.get(i).report);
            }
        }
        reports.addAll(server.agent().read());
        for (int i = 0; i < measuring.size(); i++) {
            MeasuringTab tab = measuring.get(i);
            tab.enter().values().forEach(outcome.enter::add);
            tab.sgd().values().forEach(outcome.sgd::add);
            tab.pause().values().forEach(outcome.pause::add);
            outcome.measurementsGivenUp += tab.gaveUp();
        }
        outcome.students.addAll(reports);
        reports.forEach(r -> r.pauseMillis.forEach(outcome.studentPause::add));
        outcome.mismatches.addAll(checkAgainstEval(reports));
        outcome.pagesChecked += reports.size();
    }

    /**
     * Every page's numbers against {@code eval} of its downloaded sheet, three at a time: each eval
     * is a JVM of its own, seconds on a busy machine.
     */
    private List<String> checkAgainstEval(List<StudentReport> reports) throws Exception {
        SheetCheck check = new SheetCheck(plan.jar(), work.resolve("sheets"));
        ExecutorService evals = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> found = new ArrayList<>();
            for (StudentReport r : reports) {
                found.add(evals.submit(() -> check.differences(r.student, r.rows, r.downloaded)));
            }
            List<String> out = new ArrayList<>();
            for (Future<List<String>> f : found) {
                out.addAll(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            evals.shutdownNow();
        }
    }

    private void leave() throws InterruptedException {
        chromium.forEach(LoadStudent::leave);
        measuringBrowsers.forEach(b -> {
            b.console().stream().filter(ClassLoad::isResync).forEach(outcome.resyncLines::add);
            b.close();
        });
        measuringBrowsers.clear();
        for (LoadStudent s : chromium) {
            s.gone.await(2, TimeUnit.MINUTES);
            s.console().stream().filter(ClassLoad::isResync).forEach(l -> outcome.resyncLines.add(s.report.student + ": " + l));
        }
        log(server.agent().leave() + " mocked students left");
    }

    private static boolean isResync(String line) {
        return line.toLowerCase(Locale.ROOT).contains("resynchroniz");
    }

    /**
     * The gauges after a full collection, once UIs, push channels, runs and sheets are back to
     * {@code baseline} (or to none), or after {@code seconds} at the latest.
     */
    private Map<String, Object> settledGauges(Map<String, Object> baseline, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, Object> g;
        do {
            sleepSeconds(5);
            g = server.agent().gauges(true);
        } while (System.nanoTime() < deadline && !settled(g, baseline));
        return new LinkedHashMap<>(g);
    }

    private static boolean settled(Map<String, Object> g, Map<String, Object> baseline) {
        for (String key : List.of("browserUis", "mockedUis", "pushConnected", "jobsRunning", "jobsWaiting", "liveSheets")) {
            double now = g.get(key) instanceof Number n ? n.doubleValue() : 0;
            double base = baseline.get(key) instanceof Number n ? n.doubleValue() : 0;
            if (now > base) {
                return false;
            }
        }
        // Tomcat lets request threads above its spare ones go after a minute idle: wait for them too
        double threads = g.get("serverThreads") instanceof Number n ? n.doubleValue() : 0;
        double baseThreads = baseline.get("serverThreads") instanceof Number n ? n.doubleValue() : Double.MAX_VALUE;
        return threads <= baseThreads + LoadOutcome.THREADS_ABOVE_BASELINE;
    }

    /** Resynchronisations and error lines in the server's log. */
    private void scanServerLog() throws IOException {
        for (String line : Files.readAllLines(server.log(), StandardCharsets.UTF_8)) {
            if (isResync(line)) {
                outcome.resyncLines.add("server: " + line);
            } else if (line.contains(" ERROR ") || line.contains("Unexpected error")) {
                outcome.serverErrors.add(line);
            }
        }
    }

    private static void sleepSeconds(long s) {
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(s));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void log(String line) {
        System.out.println("[load " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + line);
    }
}
