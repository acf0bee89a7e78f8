package dev.gradsheet.ui.train;

import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.Activation;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.LossComparison;
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.ui.common.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The lesson's activation and loss-comparison pages. */
class LessonViewsUiTest extends TrainKaribuTestBase {

    @Test
    void activationChartsDrawFAndItsDerivative() {
        UI.getCurrent().navigate("lesson/activations");
        roundtrip();
        ActivationsView view = _get(ActivationsView.class);
        assertThat(view.charts).containsOnlyKeys(Activation.values());
        for (Activation a : Activation.values()) {
            LineChart chart = view.charts.get(a);
            List<double[]> f = chart.series(a.fn() + "(x)").points();
            List<double[]> df = chart.series(a.fn() + "′(x)").points();
            assertThat(f).hasSize(241);
            for (double x : new double[] {-6, -2.5, -0.5, 0, 0.5, 1, 3, 6}) {
                int i = (int) Math.round((x + 6) / 0.05);
                assertThat(f.get(i)[0]).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(f.get(i)[1]).isEqualTo(a.f(f.get(i)[0]));
                assertThat(df.get(i)[1]).isEqualTo(a.df(df.get(i)[0]));
            }
        }
        assertThat(view.charts.get(Activation.SIGMOID).series("sigmoid′(x)").points().get(120)[1]).isEqualTo(0.25);
        assertThat(ActivationsView.saturationEdge()).isBetween(4.5, 4.7);
    }

    @Test
    void lossComparisonShowsBothPreActivationGradientsAndCurves() {
        UI.getCurrent().navigate("lesson/losses");
        roundtrip();
        LossesView view = _get(LossesView.class);
        view.w1.setValue(-4.0);
        view.w2.setValue(-4.0);
        view.b.setValue(3.0);
        view.data.setValue(BuiltInData.OR);
        view.epochs.setValue(200);
        view.learningRate.setValue(0.5);
        view.run.click();
        // OR's rows: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→1; from z = −4·x1 − 4·x2 + 3 the worst-predicted
        // is row 4: z = −5, a = σ(−5) ≈ 0.0067 while y = 1
        double a = Activation.SIGMOID.f(-5);
        double ds = Activation.SIGMOID.df(-5);
        assertThat(view.mseGradient.getText()).contains("row 4").contains("a = σ(z) = " + Format.readable(a))
                .contains("∂L/∂z = 2(a − y)·σ′(z) = 2·(" + Format.readable(a - 1) + ")·" + Format.readable(ds)
                        + " = " + Format.readable(2 * (a - 1) * ds));
        assertThat(view.ceGradient.getText()).contains("∂L/∂z = a − y = " + Format.readable(a - 1));
        // the engine's numbers for the first sample agree with the formulas
        LossComparison expected = LossComparison.run(BuiltInData.OR.table(), -4, -4, 3,
                TrainingConfig.fullBatch(4, 200, 0.5));
        double a0 = Activation.SIGMOID.f(3);
        assertThat(expected.mseStart()).isCloseTo(2 * a0 * Activation.SIGMOID.df(3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(expected.ceStart()).isCloseTo(a0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(view.comparison().mseStart()).isEqualTo(expected.mseStart());
        assertThat(view.comparison().ceStart()).isEqualTo(expected.ceStart());
        List<double[]> mse = view.curves.series("squared error (MSE)").points();
        List<double[]> ce = view.curves.series("cross-entropy").points();
        assertThat(mse).hasSize(200);
        assertThat(ce).hasSize(200);
        assertThat(mse.get(199)[1]).isEqualTo(expected.mse().epochLosses().get(199));
        assertThat(ce.get(199)[1]).isEqualTo(expected.crossEntropy().epochLosses().get(199));
        assertThat(view.ceResult.getText()).contains("after epoch 200");
    }

    @Test
    void aSaturatedStartIsLabelledAndCrossEntropyLearnsFaster() {
        UI.getCurrent().navigate("lesson/losses");
        roundtrip();
        LossesView view = _get(LossesView.class);
        // first sample (0, 0), y = 0 with b = 6: a = σ(6) ≈ 1, confidently wrong and saturated
        view.b.setValue(6.0);
        view.run.click();
        assertThat(view.mseGradient.getText()).contains("(saturated)");
        LossComparison c = view.comparison();
        assertThat(Math.abs(c.ceStart())).isGreaterThan(100 * Math.abs(c.mseStart()));
        assertThat(view.error.getText()).isEmpty();
        view.epochs.clear();
        view.run.click();
        assertThat(view.error.getText()).contains("epochs");
    }
}
