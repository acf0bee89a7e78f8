package dev.gradsheet.ui.pages;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The "Data & training" tab: the training table (upload, summary, errors), the run's settings,
 * Play / Pause / Step / Reset, the status line and what the run ended with. Its loss curve, decision
 * picture, network view and templates dialog are parts of their own.
 */
public final class TrainingPart extends PagePart {
    private static final Pattern STEP = Pattern.compile("^step (\\d+) ");
    private static final Pattern LOSS = Pattern.compile("· loss (\\S+)");

    TrainingPart(WebDriver driver) {
        super(driver);
    }

    /** Waits until the panel is shown (Play in view). */
    public TrainingPart waitUntilShown() {
        awaitShown("train-start", 20);
        return this;
    }

    /** Opens the templates dialog and waits for it. */
    public TemplatesDialog openTemplates() {
        awaitShown("templates", 20);
        click("templates");
        return new TemplatesDialog(driver).waitUntilOpen();
    }

    public LossChartPart chart() {
        return new LossChartPart(driver);
    }

    public DecisionPicturePart decisionPicture() {
        return new DecisionPicturePart(driver);
    }

    public NetworkPart network() {
        return new NetworkPart(driver);
    }

    // the table

    public String dataSummary() {
        return text("data-summary");
    }

    public String dataErrors() {
        return text("data-errors");
    }

    /** Waits until the summary says the table has {@code samples} samples ("M = 4 samples"). */
    public void waitForSamples(int samples, int seconds) {
        waitUpTo(seconds).withMessage(() -> "summary: " + dataSummary() + "; errors: " + dataErrors())
                .until(d -> dataSummary().contains("M = " + samples + " samples"));
    }

    /** Chooses {@code file} as the training table. */
    public void uploadTable(Path file) {
        fileInput("data-upload").sendKeys(file.toString());
    }

    /** Lets the table upload take any size, so that only the server's limits decide. */
    public void liftTableLimit() {
        liftUploadLimit("data-upload");
    }

    /** Waits until the errors under the table contain {@code part}. */
    public void waitForDataError(String part, int seconds) {
        waitUpTo(seconds).withMessage(() -> "errors: " + dataErrors()).until(d -> dataErrors().contains(part));
    }

    public void scrollToDataErrors() {
        scrollIntoView(byId("data-errors"), "center");
    }

    // the settings

    public void setEpochs(String epochs) {
        fill("train-epochs", epochs);
    }

    public void setLearningRate(String lr) {
        fill("train-lr", lr);
    }

    public void setBatch(String batch) {
        fill("train-batch", batch);
    }

    /** Types the test share (percent of the table held back) and leaves the field. */
    public void setTestShare(String percent) {
        replaceIn("train-test", percent);
        press(Keys.TAB);
    }

    // the run

    public void play() {
        click("train-start");
    }

    /** Presses Pause once it stands still (the panel can shift while a run pushes numbers). */
    public void pause() {
        clickWhenStill("train-stop");
    }

    public void step() {
        click("train-step");
    }

    public void reset() {
        click("train-reset");
    }

    public boolean playDisabled() {
        return isDisabled("train-start");
    }

    public boolean pauseDisabled() {
        return isDisabled("train-stop");
    }

    /** Whether Pause is enabled as a form control (what a person can press). */
    public boolean pauseEnabled() {
        return byId("train-stop").isEnabled();
    }

    public void waitUntilPlayEnabled() {
        waitUpTo(30).withMessage("Play should be offered again").until(d -> !playDisabled());
    }

    /** The status line ("step 12 / 2000 · epoch 12 · loss 0.0413 · 51234 steps/s"). */
    public String status() {
        return text("train-status");
    }

    public void waitForStatus(String expected) {
        waitForText("train-status", expected, 20);
    }

    /** The step count the status line shows, 0 before a run. */
    public long steps() {
        Matcher m = STEP.matcher(status());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The loss the status line shows, or +∞ before a run. */
    public double loss() {
        Matcher m = LOSS.matcher(status());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.POSITIVE_INFINITY;
    }

    /** What the run ended with ("Final loss …", "Paused at step …", "Stopped by itself: …"). */
    public String finalLoss() {
        return text("final-loss");
    }

    public void waitForFinalLoss(String start, int seconds) {
        waitUpTo(seconds).withMessage(() -> "final loss should start with '" + start + "': " + finalLoss() + " | "
                        + status() + " | " + error())
                .until(d -> finalLoss().startsWith(start));
    }

    public void waitForFinalLossContaining(String part, int seconds) {
        waitUpTo(seconds).withMessage(() -> "final loss should contain '" + part + "': " + finalLoss() + " | "
                        + status() + " | " + error())
                .until(d -> finalLoss().contains(part));
    }

    /** The run's error line ("training stopped: …"). */
    public String error() {
        return text("train-error");
    }

    public void waitForError(String start, int seconds) {
        waitUpTo(seconds).withMessage(() -> "error: " + error()).until(d -> error().startsWith(start));
    }

    public void scrollToError() {
        scrollIntoView(byId("train-error"), "start");
    }

    /** The note on which numbers the grid shows after a run. */
    public String numbersNote() {
        return text("numbers-note");
    }

    /** The panel as a whole. */
    public WebElement element() {
        return byId("training");
    }

    public WebElement playButton() {
        return byId("train-start");
    }

    // the tab laid out like TensorFlow Playground

    /** The parts a person watches a run with, by what they are. */
    public java.util.Map<String, WebElement> watchedParts() {
        java.util.Map<String, WebElement> parts = new java.util.LinkedHashMap<>();
        parts.put("Play", byId("train-start"));
        parts.put("Pause", byId("train-stop"));
        parts.put("Step", byId("train-step"));
        parts.put("Reset", byId("train-reset"));
        parts.put("readout", driver.findElement(org.openqa.selenium.By.cssSelector(".gs-train-readout")));
        parts.put("loss curve", byId("loss-chart"));
        parts.put("decision picture", byId("decision-picture"));
        parts.put("network view", driver.findElement(org.openqa.selenium.By.cssSelector("#network svg")));
        return parts;
    }

    /** The parts {@link #watchedBoxes} measures, by what they are, as selectors. */
    private static final java.util.Map<String, String> MEASURED = new java.util.LinkedHashMap<>();

    static {
        MEASURED.put("Play", "#train-start");
        MEASURED.put("Pause", "#train-stop");
        MEASURED.put("Step", "#train-step");
        MEASURED.put("Reset", "#train-reset");
        MEASURED.put("readout", ".gs-train-readout");
        MEASURED.put("loss curve", "#loss-chart");
        MEASURED.put("decision picture", "#decision-picture");
        MEASURED.put("network view", "#network svg");
        MEASURED.put("learning rate", "#train-lr");
        MEASURED.put("batch size", "#train-batch");
        MEASURED.put("data set", "#data-builtin");
    }

    /**
     * Where each part a person watches a run with is, and the settings, measured in one script (a
     * run redraws the network view ten times a second: an element found first and measured after
     * would be gone).
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Box> watchedBoxes() {
        java.util.List<java.util.List<Number>> rects = (java.util.List<java.util.List<Number>>) js("""
                return arguments[0].map(s => { const e = document.querySelector(s);
                  if (!e) return null; const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });""",
                new java.util.ArrayList<>(MEASURED.values()));
        java.util.Map<String, Box> out = new java.util.LinkedHashMap<>();
        int k = 0;
        for (String what : MEASURED.keySet()) {
            java.util.List<Number> r = rects.get(k++);
            if (r == null) {
                throw new AssertionError("no " + what + " (" + MEASURED.get(what) + ") on the page");
            }
            out.put(what, new Box(r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue(), r.get(3).doubleValue()));
        }
        return out;
    }

    /** The settings and the data, which a person sets before a run. */
    public java.util.Map<String, WebElement> settingParts() {
        java.util.Map<String, WebElement> parts = new java.util.LinkedHashMap<>();
        parts.put("learning rate", byId("train-lr"));
        parts.put("batch size", byId("train-batch"));
        parts.put("data set", byId("data-builtin"));
        return parts;
    }

    /** Waits until the network view is drawn. */
    public void waitForNetwork() {
        waitUntil(20, "the network view should be drawn",
                () -> !driver.findElements(org.openqa.selenium.By.cssSelector("#network svg")).isEmpty());
    }

    /** How far the tab's page is scrolled down. */
    public int tabScrollTop() {
        return ((Number) js("return document.getElementById('page-training').scrollTop")).intValue();
    }

    public void scrollTabToTop() {
        js("document.getElementById('page-training').scrollTop = 0");
    }

    /** The steps the status line counts, in any language (its first number), 0 before the first. */
    public long stepsInAnyLanguage() {
        Matcher m = Pattern.compile("(\\d[\\d,]*)").matcher(status());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /** "Grid", shown where training takes the grid's place. */
    public WebElement gridButton() {
        return byId("show-grid");
    }

    public boolean gridButtonShown() {
        return isShown("show-grid");
    }

    /** Brings the grid back with "Grid" and waits for it. */
    public void showGrid() {
        click("show-grid");
        awaitShown("cells", 10);
    }
}
