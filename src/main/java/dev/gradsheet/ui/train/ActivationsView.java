package dev.gradsheet.ui.train;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gradsheet.engine.Activation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /lesson/activations}: f and f′ of sigmoid, tanh, ReLU and step side by side (lesson items 4,
 * 7 and 10), with where sigmoid saturates (σ′ below {@link Activation#SATURATION}).
 */
@Route("lesson/activations")
@PageTitle("GradSheet: activations and their derivatives")
public class ActivationsView extends VerticalLayout {
    /** Sample points: x from {@link #FROM} to −FROM in steps of {@link #STEP}. */
    static final double FROM = -6;
    static final double STEP = 0.05;
    final Map<Activation, LineChart> charts = new EnumMap<>(Activation.class);

    public ActivationsView() {
        setPadding(true);
        add(new H2("Activations and their derivatives"), new Anchor("", "← back to the sheet"));
        add(new Paragraph("Without a non-linear activation, W(WX + b) + b is still linear, so stacking layers"
                + " adds nothing. Gradient descent multiplies every gradient by f′ on the way back:"
                + " the step's f′ is 0 everywhere, so it cannot learn; sigmoid's σ′ = σ(1 − σ) is at"
                + " most 0.25 and below " + Activation.SATURATION + " when |x| > " + String.format("%.2f",
                saturationEdge()) + ", where a unit is saturated and barely learns; ReLU's slope is"
                + " 1 wherever it is positive."));
        FlexLayout grid = new FlexLayout();
        grid.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        grid.setWidthFull();
        for (Activation a : Activation.values()) {
            LineChart chart = new LineChart();
            chart.setId("chart-" + a.fn());
            chart.setWidth("100%");
            chart.setHeight("240px");
            chart.show(a.fn() + "(x) and its derivative", "x", "", false, List.of(
                    new LineChart.Series(a.fn() + "(x)", "#1565c0", false, points(a, false)),
                    new LineChart.Series(a.fn() + "′(x)", "#e65100", true, points(a, true))));
            charts.put(a, chart);
            Div box = new Div(new H3(a.fn()), chart);
            box.getStyle().set("flex", "1 1 420px").set("padding", "0 var(--lumo-space-m)");
            grid.add(box);
        }
        add(grid);
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
