package dev.gradsheet.ui.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.DecisionMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision picture: a {@code <gradsheet-heatmap>} canvas (frontend/gradsheet-heatmap.js) showing
 * a model's output over the plane of two inputs, the 0.5 boundary and the data points, with
 * horizontal axis labels and a colour legend for the output (0 … 1).
 */
@Tag("gradsheet-heatmap")
@JsModule("./gradsheet-heatmap.js")
public class Heatmap extends Component implements HasSize {
    /** The element's width: a picture of at least 280 px square beside its axis labels. */
    public static final String SIZE = "340px";
    /** The element's height: the picture, its axis labels and the colour legend under it. */
    public static final String HEIGHT = "400px";
    private static final ObjectMapper JSON = new ObjectMapper();
    private DecisionMap map;
    private String message = "";
    private int[] testRows = new int[0];

    public Heatmap() {
        setWidth(SIZE);
        setHeight(HEIGHT);
        // drawn before the first map arrives
        getElement().setProperty("emptyText", TrainTexts.t("train.picture.none"));
    }

    /** The texts drawn on the canvas (legend and marks), in the page's language. */
    static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("trainTest", TrainTexts.t("train.picture.trainTest"));
        labels.put("output0", TrainTexts.t("train.picture.output0"));
        labels.put("boundary", TrainTexts.t("train.picture.boundary"));
        labels.put("legend", TrainTexts.t("train.picture.legend"));
        return labels;
    }

    /** Draws {@code picture}, or says why there is none. */
    public void show(DecisionPicture.Picture picture) {
        if (picture.why() != null) {
            clear(words(picture.why()));
        } else {
            show(picture.map(), picture.data(), picture.testRows());
        }
    }

    /** Why there is no picture, in the page's language. */
    static String words(DecisionPicture.Why why) {
        return switch (why) {
            case NO_DATA -> TrainTexts.t("train.picture.noData");
            case TOO_BIG -> TrainTexts.t("train.picture.tooBig");
            case NO_INPUTS -> TrainTexts.t("train.picture.noInputs");
            case NO_OUTPUT -> TrainTexts.t("train.picture.noOutput");
        };
    }

    /** Draws {@code map} with the data's points ({@code y} column as the class, if present). */
    public void show(DecisionMap map, DataTable data) {
        show(map, data, new int[0]);
    }

    /** As {@link #show(DecisionMap, DataTable)}, drawing the rows {@code testRows} (sorted) hollow: test points. */
    public void show(DecisionMap map, DataTable data, int[] testRows) {
        this.map = map;
        this.message = "";
        this.testRows = testRows.clone();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("x0", map.x0());
        spec.put("x1", map.x1());
        spec.put("y0", map.y0());
        spec.put("y1", map.y1());
        spec.put("size", map.size());
        spec.put("xName", map.xName());
        spec.put("yName", map.yName());
        double[] outputs = map.outputs().clone();
        for (int i = 0; i < outputs.length; i++) {
            if (!Double.isFinite(outputs[i])) {
                outputs[i] = 0.5;
            }
        }
        spec.put("outputs", outputs);
        List<double[]> points = new ArrayList<>();
        if (data != null) {
            int xc = data.columnIndex(map.xName());
            int yc = data.columnIndex(map.yName());
            int cls = data.columnIndex("y");
            for (int r = 0; r < data.size() && r < 2000; r++) {
                boolean test = java.util.Arrays.binarySearch(testRows, r) >= 0;
                points.add(new double[] {data.get(r, xc), data.get(r, yc), cls < 0 ? 0 : data.get(r, cls), test ? 1 : 0});
            }
        }
        spec.put("points", points);
        spec.put("labels", labels());
        send(spec);
    }

    /** Shows a message instead of a picture (why there is none). */
    public void clear(String why) {
        if (map == null && why.equals(message)) {
            return; // already shown: nothing to send (this runs after every edit)
        }
        this.map = null;
        this.message = why;
        send(Map.of("message", why));
    }

    private void send(Map<String, Object> spec) {
        try {
            getElement().callJsFunction("setMap", JSON.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows last drawn hollow (test points). */
    public int[] testRows() {
        return testRows.clone();
    }

    /** The map last drawn, or null. */
    public DecisionMap map() {
        return map;
    }

    /** Why no map is drawn ("" when one is). */
    public String message() {
        return message;
    }
}
