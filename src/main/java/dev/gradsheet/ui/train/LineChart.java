package dev.gradsheet.ui.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart: a {@code <gradsheet-chart>} element (frontend/gradsheet-chart.js) drawn with Chart.js.
 * The server sends the whole picture as JSON; the last picture sent is kept for tests.
 */
@Tag("gradsheet-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./gradsheet-chart.js")
public class LineChart extends Component implements HasSize {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: its legend label, colour, whether dashed, its (x, y) points and line width. */
    public record Series(String label, String color, boolean dashed, List<double[]> points, double width) {
        public Series(String label, String color, boolean dashed, List<double[]> points) {
            this(label, color, dashed, points, 2);
        }
    }

    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private List<Series> series = List.of();
    private AxisTicks yTicks;

    public LineChart() {
        setHeight("240px");
    }

    /** Draws {@code series} under {@code title} with axis labels; a logarithmic y axis when asked. */
    public void show(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("title", title);
        spec.put("xLabel", xLabel);
        spec.put("yLabel", yLabel);
        spec.put("logY", logY);
        yTicks = null;
        if (logY) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (double[] p : s.points()) {
                    if (Double.isFinite(p[1]) && p[1] > 0) {
                        lo = Math.min(lo, p[1]);
                        hi = Math.max(hi, p[1]);
                    }
                }
            }
            // no points yet: the axis still gets a few readable ticks (0.1 to 1); the chart's own log
            // ticks, every one labelled, piled up as "1 1.2 1.4 … 10" beside an empty curve
            yTicks = lo <= hi ? AxisTicks.log(lo, hi) : AxisTicks.log(0.1, 1);
            spec.put("yMin", yTicks.min());
            spec.put("yMax", yTicks.max());
            spec.put("yTicks", yTicks.values());
            spec.put("yLabels", yTicks.labels());
        }
        spec.put("series", series.stream().map(s -> Map.of("label", s.label(), "color", s.color(),
                "dashed", s.dashed(), "width", s.width(), "points", s.points().stream()
                        .filter(p -> Double.isFinite(p[1]) && (!logY || p[1] > 0)).toList())).toList());
        try {
            getElement().callJsFunction("setChart", JSON.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The log axis's ticks last drawn (0.1 to 1 before any data), or null for a linear axis. */
    public AxisTicks yTicks() {
        return yTicks;
    }

    /** The title last drawn. */
    public String title() {
        return title;
    }

    /** The x axis's title last drawn. */
    public String xLabel() {
        return xLabel;
    }

    /** The y axis's title last drawn. */
    public String yLabel() {
        return yLabel;
    }

    /** The series last drawn. */
    public List<Series> series() {
        return series;
    }

    /** The series last drawn with this label, or null. */
    public Series series(String label) {
        return series.stream().filter(s -> s.label().equals(label)).findFirst().orElse(null);
    }
}
