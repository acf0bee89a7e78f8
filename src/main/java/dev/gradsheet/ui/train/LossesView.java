package dev.gradsheet.ui.train;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.LossComparison;
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.ui.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /lesson/losses}: lesson item 11 side by side. The same sigmoid neuron from the same
 * (adjustable) start is trained once with squared error and once with cross-entropy; the page shows
 * the error at the pre-activation — 2(a − y)·σ′(z) against a − y, with the
 * numbers, for the sample predicted worst at the start — and both training curves.
 */
@Route("lesson/losses")
@PageTitle("GradSheet: squared error vs cross-entropy")
public class LossesView extends VerticalLayout {
    final NumberField w1 = new NumberField("w1");
    final NumberField w2 = new NumberField("w2");
    final NumberField b = new NumberField("b");
    final ComboBox<BuiltInData> data = new ComboBox<>("Data");
    final IntegerField epochs = new IntegerField("Epochs");
    final NumberField learningRate = new NumberField("Learning rate");
    final Button run = new Button("Compare");
    final Span error = new Span();
    final Paragraph mseGradient = new Paragraph();
    final Paragraph ceGradient = new Paragraph();
    final Paragraph mseResult = new Paragraph();
    final Paragraph ceResult = new Paragraph();
    final LineChart curves = new LineChart();
    private LossComparison comparison;

    public LossesView() {
        setPadding(true);
        add(new H2("Which loss? Squared error vs cross-entropy with a sigmoid output"),
                new Anchor("", "← back to the sheet"));
        add(new Paragraph("The same neuron p = σ(w1·x1 + w2·x2 + b) from the same start, trained on the same data with"
                + " full-batch gradient descent. At the pre-activation z the squared error's error term is"
                + " 2(a − y)·σ′(z), which vanishes when the unit is saturated (σ′ ≈ 0) even if the answer is"
                + " badly wrong; with cross-entropy σ′ cancels and the term is just a − y, so it learns fast from a"
                + " bad start. (Gaussian targets → MSE; Bernoulli 0/1 targets → cross-entropy.)"));
        w1.setId("losses-w1");
        w1.setValue(-4.0);
        w2.setId("losses-w2");
        w2.setValue(-4.0);
        b.setId("losses-b");
        b.setValue(-2.0);
        data.setId("losses-data");
        List<BuiltInData> sets = new ArrayList<>(List.of(BuiltInData.values()));
        sets.remove(BuiltInData.NOISY_LINE);
        data.setItems(sets);
        data.setItemLabelGenerator(BuiltInData::title);
        data.setValue(BuiltInData.OR);
        epochs.setId("losses-epochs");
        epochs.setValue(300);
        epochs.setMin(1);
        epochs.setMax(100_000);
        learningRate.setId("losses-lr");
        learningRate.setValue(0.5);
        run.setId("losses-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> compare());
        error.setId("losses-error");
        error.addClassName("gs-error");
        HorizontalLayout inputs = new HorizontalLayout(w1, w2, b, data, epochs, learningRate, run);
        inputs.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        inputs.setWrap(true);
        mseGradient.setId("mse-gradient");
        ceGradient.setId("ce-gradient");
        mseResult.setId("mse-result");
        ceResult.setId("ce-result");
        for (Paragraph p : List.of(mseGradient, ceGradient)) {
            p.addClassName("gs-mono");
        }
        FlexLayout sides = new FlexLayout(side("Squared error (MSE)", mseGradient, mseResult),
                side("Cross-entropy", ceGradient, ceResult));
        sides.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sides.setWidthFull();
        curves.setId("losses-chart");
        curves.setWidthFull();
        curves.setHeight("300px");
        add(inputs, error, sides, curves);
        compare();
    }

    private static Div side(String title, Paragraph gradient, Paragraph result) {
        Div box = new Div(new H3(title), gradient, result);
        box.getStyle().set("flex", "1 1 380px").set("padding", "0 var(--lumo-space-m)");
        return box;
    }

    /** Runs both neurons from the fields' start and shows the numbers and curves. */
    public void compare() {
        error.setText("");
        if (w1.getValue() == null || w2.getValue() == null || b.getValue() == null || data.getValue() == null
                || epochs.getValue() == null || epochs.getValue() < 1 || epochs.getValue() > 100_000) {
            error.setText("Enter w1, w2, b, a data set and 1 to 100000 epochs.");
            return;
        }
        DataTable table = data.getValue().table();
        TrainingConfig config;
        try {
            config = TrainingConfig.fullBatch(table.size(), epochs.getValue(),
                    learningRate.getValue() == null ? Double.NaN : learningRate.getValue());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        try {
            comparison = LossComparison.run(table, w1.getValue(), w2.getValue(), b.getValue(), config);
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
            return;
        }
        int worst = worstSample(table);
        double x1 = table.get(worst, 0);
        double x2 = table.get(worst, 1);
        double y = table.get(worst, 2);
        double z = w1.getValue() * x1 + w2.getValue() * x2 + b.getValue();
        double a = Activation.SIGMOID.f(z);
        double ds = Activation.SIGMOID.df(z);
        String sample = "Worst-predicted sample (row " + (worst + 1) + "): x1 = " + Format.readable(x1) + ", x2 = "
                + Format.readable(x2) + ", y = " + Format.readable(y) + "\nz = " + Format.readable(z)
                + ", a = σ(z) = " + Format.readable(a) + ", σ′(z) = " + Format.readable(ds)
                + (ds < Activation.SATURATION ? " (saturated)" : "") + "\n";
        mseGradient.setText(sample + "∂L/∂z = 2(a − y)·σ′(z) = 2·(" + Format.readable(a - y) + ")·"
                + Format.readable(ds) + " = " + Format.readable(2 * (a - y) * ds));
        ceGradient.setText(sample + "∂L/∂z = a − y = " + Format.readable(a - y));
        mseResult.setText(summary(comparison.mse().epochLosses()));
        ceResult.setText(summary(comparison.crossEntropy().epochLosses()));
        curves.show("Loss per epoch from the same start", "epoch", "loss (log scale)", true, List.of(
                new LineChart.Series("squared error (MSE)", "#6a1b9a", false, curve(comparison.mse().epochLosses())),
                // dashed: the two curves differ by more than their colours (issue 15)
                new LineChart.Series("cross-entropy", "#2e7d32", true, curve(comparison.crossEntropy().epochLosses()))));
    }

    /** The row whose start prediction is furthest from its target (first on ties). */
    private int worstSample(DataTable table) {
        int worst = 0;
        double most = -1;
        for (int r = 0; r < table.size(); r++) {
            double z = w1.getValue() * table.get(r, 0) + w2.getValue() * table.get(r, 1) + b.getValue();
            double miss = Math.abs(Activation.SIGMOID.f(z) - table.get(r, 2));
            if (miss > most) {
                most = miss;
                worst = r;
            }
        }
        return worst;
    }

    private static String summary(List<Double> losses) {
        return "Loss " + Format.readable(losses.get(0)) + " after epoch 1 → " + Format.readable(losses.get(losses.size() - 1))
                + " after epoch " + losses.size();
    }

    private static List<double[]> curve(List<Double> losses) {
        LossHistory h = new LossHistory();
        for (int i = 0; i < losses.size(); i++) {
            h.add(i + 1, losses.get(i));
        }
        return h.points();
    }

    /** The last comparison run, or null. */
    public LossComparison comparison() {
        return comparison;
    }
}
