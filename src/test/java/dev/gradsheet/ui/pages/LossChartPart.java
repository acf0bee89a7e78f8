package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.WebDriver;

/** The training panel's loss curve (Chart.js): series 0 per step, series 1 per epoch. */
public final class LossChartPart extends PagePart {
    /** The series of one point per epoch. */
    public static final int EPOCHS = 1;
    /** JS: the y of the first ({@code arguments[2]}) or last point of chart {@code arguments[0]}'s series {@code arguments[1]}, or null. */
    static final String POINT_JS = """
            const el = document.getElementById(arguments[0]);
            if (!el || !el._chart) return null;
            const d = el._chart.data.datasets[arguments[1]];
            return d && d.data.length ? d.data[arguments[2] ? 0 : d.data.length - 1].y : null;
            """;

    LossChartPart(WebDriver driver) {
        super(driver);
    }

    /** The loss of the last epoch drawn, or null before one is. */
    public Double lastEpochLoss() {
        Object y = js(POINT_JS, "loss-chart", EPOCHS, false);
        return y instanceof Number n ? n.doubleValue() : null;
    }

    /** The loss of the first epoch drawn, or null before one is. */
    public Double firstEpochLoss() {
        Object y = js(POINT_JS, "loss-chart", EPOCHS, true);
        return y instanceof Number n ? n.doubleValue() : null;
    }

    /** Waits until the last epoch drawn is below {@code loss}; answers it. */
    public double waitForLastEpochBelow(double loss, int seconds) {
        return waitUpTo(seconds).withMessage(() -> "the curve should end below " + loss + ", ends at " + lastEpochLoss())
                .until(d -> {
                    Double y = lastEpochLoss();
                    return y != null && y < loss ? y : null;
                });
    }

    /** How many epochs the curve has drawn. */
    public long epochPoints() {
        return ((Number) js("const e = document.getElementById('loss-chart');"
                + " return e && e._chart ? e._chart.data.datasets[1].data.length : 0;")).longValue();
    }

    /** The labels of the log axis's ticks. */
    @SuppressWarnings("unchecked")
    public List<String> tickLabels() {
        return (List<String>) js("return document.getElementById('loss-chart').tickLabels()");
    }
}
