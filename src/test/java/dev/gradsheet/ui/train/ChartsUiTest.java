package dev.gradsheet.ui.train;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The training panel's charts: sizes and ticks the charts are drawn with. */
class ChartsUiTest extends TrainKaribuTestBase {
    @Test
    void theDecisionPictureIsBigEnoughAndTheBatchTableListsEveryWeight() throws Exception {
        TrainingPanel panel = open("x1 = input(0)\nx2 = input(0)\nw = weight(0.5)\nout = sigmoid(w * x1 + x2)\n"
                + "y = input(0)\nL = bce(out, y)\n@data = x1, x2, y\n@row = 0, 0, 0\n@row = 1, 1, 1\n");
        // a picture of at least 280 px square beside its labels, with the legend below
        assertThat(px(panel.heatmap.getWidth())).isGreaterThanOrEqualTo(280 + 44);
        assertThat(px(panel.heatmap.getHeight())).isGreaterThanOrEqualTo(280 + 22 + 34 + 46);
        assertThat(panel.heatmap.map()).isNotNull();
        // the batch-gradient table grows with its rows instead of being a three-row scroll box
        assertThat(panel.summary.batchGradient.isAllRowsVisible()).isTrue();
    }

    @Test
    void theLossCurvesLogAxisGetsOneTwoFiveTicks() {
        LineChart chart = new LineChart();
        chart.show("Loss", "step", "loss", true, List.of(new LineChart.Series("loss", "#000", false,
                List.of(new double[] {0, 0.7}, new double[] {1, 0.2}, new double[] {2, 0.06}))));
        assertThat(chart.yTicks().labels()).containsExactly("0.05", "0.1", "0.2", "0.5", "1");
        chart.show("Loss", "step", "loss", true, List.of()); // before Play: a few ticks, not the chart's pile
        assertThat(chart.yTicks().labels()).containsExactly("0.1", "0.2", "0.5", "1");
        chart.show("Loss", "step", "loss", false, List.of());
        assertThat(chart.yTicks()).isNull();
    }

    private static int px(String size) {
        return Integer.parseInt(size.replace("px", ""));
    }
}
