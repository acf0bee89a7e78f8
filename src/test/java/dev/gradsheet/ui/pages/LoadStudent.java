package dev.gradsheet.ui.pages;

import dev.gradsheet.load.agent.StudentReport;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One load-test student in a real Chromium page, on a thread of its own: an editor edits the weight
 * z and presses SGD every few seconds on its own worked example (or, as a sharer, on the class's
 * shared sheet); a trainer builds an MLP from the Templates dialog (XOR 2-4-1, or 2-8-8-1 on
 * Circles) and plays and pauses it. Its report has the same shape as a mocked student's.
 */
public final class LoadStudent implements Runnable {
    /** What the student does (as the mocked students' kinds). */
    public enum Kind { EDITOR, SHARER, XOR, CIRCLES }

    private static final List<String> Z_VALUES = List.of("-3", "-5", "-2", "-6", "-4", "-1");
    private final Kind kind;
    private final String base;
    private final String sharedSheet;
    private final Random random;
    public final StudentReport report = new StudentReport();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private volatile boolean acting = true;
    private volatile boolean leaving;
    /** Counted down once the page is open (its sheet's id is in the report). */
    public final CountDownLatch arrived = new CountDownLatch(1);
    public final CountDownLatch quiet = new CountDownLatch(1);
    public final CountDownLatch gone = new CountDownLatch(1);
    private LoadBrowser browser;
    private LoadSheetPage page;
    private volatile List<String> console = List.of();

    /** {@code base}: the server's address ending in "/"; {@code sharedSheet}: the class's sheet, for a sharer. */
    public LoadStudent(String name, Kind kind, String base, String sharedSheet, long seed) {
        this.kind = kind;
        this.base = base;
        this.sharedSheet = sharedSheet;
        this.random = new Random(seed);
        report.student = name;
        report.kind = kind.name();
    }

    @Override
    public void run() {
        try {
            browser = new LoadBrowser();
            page = new LoadSheetPage(browser);
            arrive();
            arrived.countDown();
            pauseFor(random.nextInt(3000));
            while (!leaving) {
                if (acting) {
                    actOrNote();
                } else {
                    quiet.countDown();
                    Runnable command = commands.poll();
                    if (command != null) {
                        command.run();
                    } else {
                        sleep(100);
                    }
                }
            }
        } catch (Throwable e) {
            report.errors.add(e.toString().lines().findFirst().orElse(""));
        } finally {
            arrived.countDown();
            quiet.countDown();
            if (browser != null) {
                browser.close();
                console = browser.console();
            }
            gone.countDown();
        }
    }

    private void arrive() {
        switch (kind) {
            case EDITOR -> page.open(base, "z");
            case SHARER -> {
                page.open(sharedSheet == null ? base : base + "sheet/" + sharedSheet, "z");
                if (sharedSheet == null) { // this student makes the class's sheet
                    page.letOthersEdit();
                }
            }
            case XOR -> {
                page.open(base, "z");
                page.openTemplate("4", null);
            }
            case CIRCLES -> {
                page.open(base, "z");
                page.openTemplate("8, 8", "Circles");
            }
        }
        report.sheet = page.sheetId();
    }

    /**
     * One action; what goes wrong is noted in the report (a problem of the run) and the student goes
     * on, so its page is still read and checked at the end. Five failures end its work.
     */
    private void actOrNote() {
        try {
            act();
        } catch (RuntimeException e) {
            report.errors.add(e.toString().lines().findFirst().orElse(""));
            if (report.errors.size() >= 5) {
                acting = false;
            }
        }
    }

    private void act() {
        if (kind == Kind.XOR || kind == Kind.CIRCLES) {
            playAndPause();
            pauseFor(1000 + random.nextInt(2000));
        } else {
            if (random.nextDouble() < 0.6) {
                String z = Z_VALUES.get(random.nextInt(Z_VALUES.size()));
                if (kind == Kind.SHARER) {
                    page.editSharedValue("z", z);
                } else {
                    page.editValue("z", z);
                }
                report.edits++;
            } else {
                page.click("sgd-apply");
                report.sgdClicks++;
            }
            pauseFor(2000 + random.nextInt(3000));
        }
    }

    private void playAndPause() {
        long before = page.steps();
        page.click("train-start");
        long playing = System.nanoTime();
        report.plays++;
        long lastSteps = before;
        long lastMove = playing;
        long end = playing + TimeUnit.MILLISECONDS.toNanos(6000 + random.nextInt(4000));
        while (acting && System.nanoTime() < end) {
            sleep(500);
            long now = System.nanoTime();
            long steps = page.steps();
            if (steps != lastSteps) {
                lastSteps = steps;
                lastMove = now;
            }
            report.longestStallSeconds = Math.max(report.longestStallSeconds, (now - lastMove) / 1e9);
        }
        String refused = page.text("train-error");
        if (!refused.isEmpty()) {
            report.errors.add("Play: " + refused);
        }
        long pause = System.nanoTime();
        page.click("train-stop");
        long deadline = pause + TimeUnit.SECONDS.toNanos(60);
        while (!page.paused() && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (page.paused()) {
            report.pauseMillis.add((System.nanoTime() - pause) / 1e6);
        } else {
            report.errors.add("Pause not shown within 60 s: " + page.text("train-status"));
        }
        report.playSeconds += (pause - playing) / 1e9;
        report.steps += Math.max(0, page.steps() - before);
    }

    private void pauseFor(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (acting && !leaving && System.nanoTime() < end) {
            sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the student to stop acting (a playing run is paused first); {@link #quiet} tells when it has. */
    public void stopActing() {
        acting = false;
    }

    private <T> CompletableFuture<T> ask(Callable<T> task) {
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

    /** Reads the numbers on screen and downloads the sheet, once the student is quiet. */
    public CompletableFuture<StudentReport> readPage() {
        return ask(() -> {
            report.sheet = page.sheetId();
            report.rows = page.rows();
            report.downloaded = page.download();
            return report;
        });
    }

    /** Closes the browser (every tab of this student). */
    public void leave() {
        leaving = true;
    }

    /** The browser console's lines, once the student has left. */
    public List<String> console() {
        return console;
    }
}
