package dev.gradsheet.ui.train;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.gradsheet.engine.Activation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /lesson/activations}: f and f′ of sigmoid, tanh, ReLU and step side by side (lesson items 4,
 * 7 and 10), with where sigmoid saturates (σ′ below {@link Activation#SATURATION}), in the page's
 * language (bundle {@code i18n/lesson}; each function's rule sentence is the op's {@code op.<name>.rule}).
 */
@Route(ActivationsView.ROUTE)
public class ActivationsView extends VerticalLayout implements HasDynamicTitle {
    /** The page's address, relative to the app. */
    public static final String ROUTE = "lesson/activations";
    /** Sample points: x from {@link #FROM} to −FROM in steps of {@link #STEP}. */
    static final double FROM = -6;
    static final double STEP = 0.05;
    final Map<Activation, LineChart> charts = new EnumMap<>(Activation.class);
    /** The class of each function's rule sentence (app bundle's {@code op.<name>.rule}). */
    static final String RULE_CLASS = "gs-op-rule";

    public ActivationsView() {
        setPadding(true);
        add(new H2(TrainTexts.t("lesson.activations.heading")), new Anchor("", TrainTexts.t("lesson.back")));
        Paragraph why = new Paragraph(TrainTexts.t("lesson.activations.why"));
        why.setId("activations-why");
        // the edge with two decimals, a dot in every language
        String edge = BigDecimal.valueOf(saturationEdge()).setScale(2, RoundingMode.HALF_UP).toPlainString();
        Paragraph backprop = new Paragraph(TrainTexts.t("lesson.activations.backprop", Activation.SATURATION, edge));
        backprop.setId("activations-backprop");
        add(why, backprop);
        FlexLayout grid = new FlexLayout();
        grid.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        grid.setWidthFull();
        for (Activation a : Activation.values()) {
            LineChart chart = new LineChart();
            chart.setId("chart-" + a.fn());
            chart.setWidth("100%");
            chart.setHeight("240px");
            chart.show(TrainTexts.t("lesson.activations.chartTitle", a.fn()), "x", "", false, List.of(
                    new LineChart.Series(a.fn() + "(x)", "#1565c0", false, points(a, false)),
                    new LineChart.Series(a.fn() + "′(x)", "#e65100", true, points(a, true))));
            charts.put(a, chart);
            // the op's own rule sentence, the one "Why this gradient?" uses (app bundle: op.<name>.rule,
            // checked for every op by MessageBundlesTest)
            String ruleKey = "op." + a.fn() + ".rule";
            Paragraph rule = new Paragraph(TrainTexts.t(ruleKey));
            rule.addClassName(RULE_CLASS);
            rule.addClassName("gs-description");
            Div box = new Div(new H3(a.fn()), rule, chart);
            box.getStyle().set("flex", "1 1 420px").set("padding", "0 var(--lumo-space-m)");
            grid.add(box);
        }
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return TrainTexts.t("lesson.activations.title");
    }

    /** f (or f′) at the sample points. */
    static List<double[]> points(Activation a, boolean derivative) {
        List<double[]> out = new ArrayList<>();
        int n = (int) Math.round(-2 * FROM / STEP);
        for (int i = 0; i <= n; i++) {
            double x = FROM + i * STEP;
            out.add(new double[] {x, derivative ? a.df(x) : a.f(x)});
        }
        return out;
    }

    /** The |x| beyond which σ′(x) is below the saturation threshold. */
    static double saturationEdge() {
        double x = 0;
        while (Activation.SIGMOID.df(x) >= Activation.SATURATION) {
            x += 0.01;
        }
        return x;
    }
}
