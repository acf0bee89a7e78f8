package dev.gradsheet.load.agent;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServlet;
import dev.gradsheet.train.BuiltInData;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated student in the server's JVM: a mocked Vaadin session and UI (Karibu-Testing) on its
 * own thread, working the real sheet page through the same element ids a browser uses. Between two
 * actions it lets pushed changes in every {@link #TICK_MS}, as a browser's push channel would.
 * An editor edits the weight z and presses SGD every few seconds on a sheet of its own (or on the
 * class's shared sheet); a trainer builds an MLP from the Templates dialog and plays and pauses it.
 */
final class MockStudent implements Runnable {
    /** What the student does. */
    enum Kind { EDITOR, SHARER, XOR, CIRCLES }

    static final long TICK_MS = 200;
    /** The values an editor types into z (the worked example's f = 3z then reads -9, -15, ...). */
    private static final List<String> Z_VALUES = List.of("-3", "-5", "-2", "-6", "-4", "-1");
    private static final Pattern STEP = Pattern.compile("^(?:SGD )?step (\\d+)");
    /** Karibu sets up one session at a time on the shared servlet (its first setup initialises it). */
    private static final Object SETUP = new Object();

    private final Kind kind;
    private final String sharedSheet;
    private final VaadinServlet servlet;
    private final Random random;
    final StudentReport report = new StudentReport();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private volatile boolean acting = true;
    private volatile boolean leaving;
    /** Counted down once the student has stopped acting and its run (if any) is paused. */
    final CountDownLatch quiet = new CountDownLatch(1);
    final CountDownLatch gone = new CountDownLatch(1);
    /** While playing: when the step count last moved, and what it was. */
    private long playingSince;
    private long lastMove;
    private long lastSteps;

    MockStudent(String name, Kind kind, String sharedSheet, VaadinServlet servlet, long seed) {
        this.kind = kind;
        this.sharedSheet = sharedSheet;
        this.servlet = servlet;
        this.random = new Random(seed);
        report.student = name;
        report.kind = kind.name();
    }

    @Override
    public void run() {
        try {
            synchronized (SETUP) {
                MockVaadin.setup(UI::new, servlet);
            }
            UI.getCurrent().setLocale(Locale.ENGLISH);
            arrive();
            idle(random.nextInt(3000)); // students do not all act in the same second
            while (!leaving) {
                if (acting) {
                    act();
                } else {
                    quiet.countDown();
                    Runnable command = commands.poll();
                    if (command != null) {
                        command.run();
                    } else {
                        tick();
                    }
                }
            }
        } catch (Throwable e) {
            report.errors.add(e.toString());
        } finally {
            quiet.countDown();
            try {
                MockVaadin.tearDown();
            } catch (Throwable e) {
                report.errors.add("leaving: " + e);
            }
            gone.countDown();
        }
    }

    private void arrive() {
        switch (kind) {
            case EDITOR -> KaribuPage.open("");
            case SHARER -> KaribuPage.open("sheet/" + sharedSheet);
            case XOR -> {
                KaribuPage.open("");
                KaribuPage.openTemplate("4", BuiltInData.XOR);
            }
            case CIRCLES -> {
                KaribuPage.open("");
                KaribuPage.openTemplate("8, 8", BuiltInData.CIRCLES);
            }
        }
        report.sheet = KaribuPage.sheetId();
    }

    private void act() {
        if (kind == Kind.XOR || kind == Kind.CIRCLES) {
            playAndPause();
            idle(1000 + random.nextInt(2000));
        } else {
            if (random.nextDouble() < 0.6) {
                KaribuPage.editValue("z", Z_VALUES.get(random.nextInt(Z_VALUES.size())));
                report.edits++;
            } else {
                KaribuPage.click("sgd-apply");
                report.sgdClicks++;
            }
            idle(2000 + random.nextInt(3000));
        }
    }

    /** Play for 6 to 10 seconds (or until told to stop), then Pause and wait for the page to say paused. */
    private void playAndPause() {
        long before = steps();
        KaribuPage.click("train-start");
        long playing = System.nanoTime();
        report.plays++;
        String refused = KaribuPage.text("train-error");
        if (!refused.isEmpty()) {
            report.errors.add("Play: " + refused);
        }
        playingSince = playing;
        lastMove = playing;
        lastSteps = before;
        idle(6000 + random.nextInt(4000));
        long pause = System.nanoTime();
        KaribuPage.click("train-stop");
        long deadline = pause + TimeUnit.SECONDS.toNanos(60);
        while (!paused() && System.nanoTime() < deadline) {
            tick();
        }
        if (paused()) {
            report.pauseMillis.add((System.nanoTime() - pause) / 1e6);
        } else {
            report.errors.add("Pause not shown within 60 s: " + KaribuPage.text("train-status"));
        }
        playingSince = 0;
        report.playSeconds += (pause - playing) / 1e9;
        report.steps += Math.max(0, steps() - before);
    }

    private static boolean paused() {
        return KaribuPage.text("final-loss").startsWith("Paused")
                || KaribuPage.enabled("train-start") && !KaribuPage.enabled("train-stop");
    }

    /** The step count the training readout shows ("step 123 · epoch ..."), 0 before any. */
    private static long steps() {
        Matcher m = STEP.matcher(KaribuPage.text("train-status"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Lets pushed changes in for {@code ms} (less if told to stop). */
    private void idle(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (acting && !leaving && System.nanoTime() < end) {
            tick();
        }
    }

    /** One browser-like round trip: pushed changes are applied; a playing run's progress is watched. */
    private void tick() {
        MockVaadin.clientRoundtrip();
        if (playingSince != 0) {
            long now = System.nanoTime();
            long steps = steps();
            if (steps != lastSteps) {
                lastSteps = steps;
                lastMove = now;
            }
            report.longestStallSeconds = Math.max(report.longestStallSeconds, (now - lastMove) / 1e9);
        }
        try {
            Thread.sleep(TICK_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leaving = true;
        }
    }

    /** Asks the student to stop acting; {@link #quiet} tells when it has (its run paused). */
    void stopActing() {
        acting = false;
    }

    /** Runs {@code task} on the student's thread (which holds its session) once it has stopped acting. */
    <T> CompletableFuture<T> ask(Callable<T> task) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        commands.add(() -> {
            try {
                answer.complete(task.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** Reads the page's numbers and downloads the sheet, on the student's thread. */
    CompletableFuture<StudentReport> readPage() {
        return ask(() -> {
            for (int i = 0; i < 3; i++) { // let the last pushed changes in
                tick();
            }
            report.sheet = KaribuPage.sheetId();
            report.rows = KaribuPage.rows();
            report.downloaded = KaribuPage.download();
            return report;
        });
    }

    /** Closes the student's UI and session (its tab closed). */
    void leave() {
        leaving = true;
    }
}
