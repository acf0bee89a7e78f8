package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.LossHistory;

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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.LossComparison;
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.ui.common.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /lesson/losses}: lesson item 11 side by side. The same sigmoid neuron from the same
 * (adjustable) start is trained once with squared error and once with cross-entropy; the page shows
 * the error at the pre-activation — 2(a − y)·σ′(z) against a − y, with the
 * numbers, for the sample predicted worst at the start — and both training curves. Its texts are in
 * the page's language (bundle {@code i18n/lesson}); cell names and formulas stay as they are.
 */
@Route(LossesView.ROUTE)
public class LossesView extends VerticalLayout implements HasDynamicTitle {
    /** The page's address, relative to the app. */
    public static final String ROUTE = "lesson/losses";
    /** Most epochs a comparison runs. */
    static final int MAX_EPOCHS = 100_000;
    final NumberField w1 = new NumberField("w1");
    final NumberField w2 = new NumberField("w2");
    final NumberField b = new NumberField("b");
    final ComboBox<BuiltInData> data = new ComboBox<>(TrainTexts.t("lesson.losses.data"));
    final IntegerField epochs = new IntegerField(TrainTexts.t("lesson.losses.epochs"));
    final NumberField learningRate = new NumberField(TrainTexts.t("lesson.losses.learningRate"));
    final Button run = new Button(TrainTexts.t("lesson.losses.compare"));
    final Span error = new Span();
    final Paragraph mseGradient = new Paragraph();
    final Paragraph ceGradient = new Paragraph();
    final Paragraph mseResult = new Paragraph();
    final Paragraph ceResult = new Paragraph();
    final LineChart curves = new LineChart();
    private LossComparison comparison;

    public LossesView() {
        setPadding(true);
        add(new H2(TrainTexts.t("lesson.losses.heading")), new Anchor("", TrainTexts.t("lesson.back")));
        Paragraph setup = new Paragraph(TrainTexts.t("lesson.losses.setup"));
        setup.setId("losses-setup");
        Paragraph why = new Paragraph(TrainTexts.t("lesson.losses.why"));
        why.setId("losses-why");
        Paragraph which = new Paragraph(TrainTexts.t("lesson.losses.which"));
        which.setId("losses-which");
        add(setup, why, which);
        HorizontalLayout inputs = inputs();
        error.setId("losses-error");
        error.addClassName("gs-error");
        mseGradient.setId("mse-gradient");
        ceGradient.setId("ce-gradient");
        mseResult.setId("mse-result");
        ceResult.setId("ce-result");
        for (Paragraph p : List.of(mseGradient, ceGradient)) {
            p.addClassName("gs-mono");
        }
        FlexLayout sides = new FlexLayout(side(TrainTexts.t("lesson.losses.mse"), mseGradient, mseResult),
                side(TrainTexts.t("lesson.losses.crossEntropy"), ceGradient, ceResult));
        sides.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sides.setWidthFull();
        curves.setId("losses-chart");
        curves.setWidthFull();
        curves.setHeight("300px");
        add(inputs, error, sides, curves);
        compare();
    }

    /** The neuron's starting weights, the data set, epochs, learning rate and Run. */
    private HorizontalLayout inputs() {
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
        data.setItemLabelGenerator(DataSection::title);
        data.setValue(BuiltInData.OR);
        epochs.setId("losses-epochs");
        epochs.setValue(300);
        epochs.setMin(1);
        epochs.setMax(MAX_EPOCHS);
        learningRate.setId("losses-lr");
        learningRate.setValue(0.5);
        run.setId("losses-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> compare());
        HorizontalLayout inputs = new HorizontalLayout(w1, w2, b, data, epochs, learningRate, run);
        inputs.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        inputs.setWrap(true);
        return inputs;
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
                || epochs.getValue() == null || epochs.getValue() < 1 || epochs.getValue() > MAX_EPOCHS) {
            error.setText(TrainTexts.t("lesson.losses.missing", MAX_EPOCHS));
            return;
        }
        if (learningRate.getValue() == null || !(learningRate.getValue() > 0) || learningRate.getValue().isInfinite()) {
            error.setText(TrainTexts.t("lesson.losses.lr.invalid"));
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
        // the words come from the bundle; the formulas and numbers are the same in every language
        String sample = TrainTexts.t("lesson.losses.worst", worst + 1) + ": x1 = " + Format.readable(x1) + ", x2 = "
                + Format.readable(x2) + ", y = " + Format.readable(y) + "\nz = " + Format.readable(z)
                + ", a = σ(z) = " + Format.readable(a) + ", σ′(z) = " + Format.readable(ds)
                + (ds < Activation.SATURATION ? " " + TrainTexts.t("lesson.losses.saturated") : "") + "\n";
        mseGradient.setText(sample + "∂L/∂z = 2(a − y)·σ′(z) = 2·(" + Format.readable(a - y) + ")·"
                + Format.readable(ds) + " = " + Format.readable(2 * (a - y) * ds));
        ceGradient.setText(sample + "∂L/∂z = a − y = " + Format.readable(a - y));
        mseResult.setText(summary(comparison.mse().epochLosses()));
        ceResult.setText(summary(comparison.crossEntropy().epochLosses()));
        curves.show(TrainTexts.t("lesson.losses.chartTitle"), TrainTexts.t("lesson.losses.epoch"), TrainTexts.t("lesson.losses.lossLog"), true, List.of(
                new LineChart.Series(TrainTexts.t("lesson.losses.series.mse"), "#6a1b9a", false, curve(comparison.mse().epochLosses())),
                // dashed: the two curves differ by more than their colours, for readers who cannot tell them apart
                new LineChart.Series(TrainTexts.t("lesson.losses.series.crossEntropy"), "#2e7d32", true,
                        curve(comparison.crossEntropy().epochLosses()))));
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
        return TrainTexts.t("lesson.losses.summary", Format.readable(losses.get(0)),
                Format.readable(losses.get(losses.size() - 1)), losses.size());
    }

    private static List<double[]> curve(List<Double> losses) {
        LossHistory h = new LossHistory();
        for (int i = 0; i < losses.size(); i++) {
            h.add(i + 1, losses.get(i));
        }
        return h.points();
    }

    @Override
    public String getPageTitle() {
        return TrainTexts.t("lesson.losses.title");
    }

    /** The last comparison run, or null. */
    public LossComparison comparison() {
        return comparison;
    }
}
