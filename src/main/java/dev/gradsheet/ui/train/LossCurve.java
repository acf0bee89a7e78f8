package dev.gradsheet.ui.train;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import dev.gradsheet.jobs.LossHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss curve of the training panel on a log scale: light blue per step, orange per epoch (thick),
 * green dashed for the test loss; before the first step an empty chart with a title that says so.
 */
class LossCurve extends Composite<Div> {
    private static final String STEP_LOSS_COLOUR = "#90caf9";
    private static final String EPOCH_LOSS_COLOUR = "#e65100";
    private static final String TEST_LOSS_COLOUR = "#2e7d32";
    final LineChart chart = new LineChart();

    LossCurve() {
        chart.setId("loss-chart");
        chart.setHeight("180px"); // under the network, so both are in view at 1366×768
        chart.setWidth("100%");
        Div box = getContent();
        box.add(chart);
        box.getStyle().set("min-width", "260px");
    }

    /** Draws {@code curves} (null: nothing trained yet). */
    void draw(TrainingPresenter.Curves curves) {
        List<LineChart.Series> series = new ArrayList<>();
        if (curves != null) {
            series.add(line("train.chart.stepLoss", STEP_LOSS_COLOUR, false, curves.steps(), 1));
            series.add(line("train.chart.epochLoss", EPOCH_LOSS_COLOUR, false, curves.epochs(), 2.5));
            if (curves.tests() != null && curves.tests().count() > 0) {
                series.add(line("train.chart.testLoss", TEST_LOSS_COLOUR, true, curves.tests(), 2));
            }
        }
        chart.show(TrainTexts.t(curves == null ? "train.chart.titleEmpty" : "train.chart.title"), TrainTexts.t("train.chart.step"),
                TrainTexts.t("train.chart.lossLog"), true, series);
    }

    private static LineChart.Series line(String key, String colour, boolean dashed, LossHistory history, double width) {
        return new LineChart.Series(TrainTexts.t(key), colour, dashed, history.points(), width);
    }
}
