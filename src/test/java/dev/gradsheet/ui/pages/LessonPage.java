package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;

/** The lesson pages: {@code /lesson/activations} (a chart per activation) and {@code /lesson/losses} (a model to fit, its curve). */
public final class LessonPage extends PagePart {
    private LessonPage(WebDriver driver) {
        super(driver);
    }

    /** Opens {@code url} (a lesson's address) in {@code driver}. */
    public static LessonPage open(WebDriver driver, String url) {
        driver.get(url);
        return new LessonPage(driver);
    }

    /** Waits until the activations lesson has drawn the chart of {@code activation} ("relu"). */
    public void waitForActivationChart(String activation, int seconds) {
        waitUpTo(seconds).withMessage("the chart of " + activation + " should be drawn").until(d -> Boolean.TRUE.equals(
                js("const e = document.getElementById('chart-' + arguments[0]); return !!(e && e._chart);", activation)));
    }

    /** Waits until the chart of {@code activation} is in the page (drawn or not). */
    public void waitForActivationChartElement(String activation, int seconds) {
        waitUpTo(seconds).withMessage("the chart of " + activation + " should be in the page")
                .until(d -> isPresent("chart-" + activation));
    }

    /** Waits until the losses lesson's cross-entropy gradient reads something containing {@code part}. */
    public void waitForCrossEntropyGradient(String part, int seconds) {
        waitUpTo(seconds).withMessage(() -> "the cross-entropy gradient should say " + part + ": " + text("ce-gradient"))
                .until(d -> text("ce-gradient").contains(part));
    }

    /** Waits until the losses lesson's fit has drawn a point of its epoch curve. */
    public void waitForLossCurve(int seconds) {
        waitUpTo(seconds).withMessage("the losses lesson should draw its curve")
                .until(d -> js(LossChartPart.POINT_JS, "losses-chart", LossChartPart.EPOCHS, false) != null);
    }

    /** Waits until the losses lesson's Run button is in the page. */
    public void waitForRunButton(int seconds) {
        waitUpTo(seconds).withMessage("the losses lesson's Run should be in the page").until(d -> isPresent("losses-run"));
    }
}
