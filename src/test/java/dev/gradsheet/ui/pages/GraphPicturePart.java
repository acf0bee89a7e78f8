package dev.gradsheet.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * The graph picture's geometry as drawn, in screen pixels relative to the picture, from its own
 * report: each node's box and label, each edge's polyline, whether a node is wholly inside and
 * whether an edge is drawn through another node; a real wheel over it.
 */
public final class GraphPicturePart extends PagePart {
    /** The smallest label size a drawn label has, in CSS pixels. */
    public static final double MIN_LABEL_PX = 11;

    GraphPicturePart(WebDriver driver) {
        super(driver);
    }

    /** One node as drawn: its box in the picture, whether its label is drawn, and how big. */
    public record Node(String id, double x1, double y1, double x2, double y2, double font, boolean labelShown) {
    }

    /** One edge as drawn: the polyline from its source to its target. */
    public record Edge(String source, String target, List<double[]> points) {
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> report() {
        return (Map<String, Object>) js("return document.getElementById('graph').report()");
    }

    /** Waits until the picture is drawn and still (two reports half a second apart agree). */
    public void settle() {
        String[] last = {null};
        waitUpTo(10).withMessage("the picture should stand still").until(d -> {
            Map<String, Object> r = report();
            String now = String.valueOf(r.get("nodes")) + r.get("zoom");
            boolean still = now.equals(last[0]);
            last[0] = now;
            return still;
        });
    }

    @SuppressWarnings("unchecked")
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (Map<String, Object> n : (List<Map<String, Object>>) report().get("nodes")) {
            out.add(new Node((String) n.get("id"), num(n.get("x1")), num(n.get("y1")), num(n.get("x2")), num(n.get("y2")),
                    num(n.get("font")), Boolean.TRUE.equals(n.get("labelShown"))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<Edge> edges() {
        List<Edge> out = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) report().get("edges")) {
            List<double[]> points = new ArrayList<>();
            for (List<Number> p : (List<List<Number>>) e.get("points")) {
                points.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()});
            }
            out.add(new Edge((String) e.get("source"), (String) e.get("target"), points));
        }
        return out;
    }

    public Node node(String id) {
        return nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no node " + id));
    }

    /** Whether {@code n} is wholly inside the picture. */
    public boolean inside(Node n) {
        Map<String, Object> r = report();
        return n.x1() >= -0.5 && n.y1() >= -0.5 && n.x2() <= num(r.get("width")) + 0.5 && n.y2() <= num(r.get("height")) + 0.5;
    }

    public double zoom() {
        return num(report().get("zoom"));
    }

    /** Whether the person has zoomed or panned (the picture then no longer fits itself). */
    public boolean userZoom() {
        return Boolean.TRUE.equals(report().get("userZoom"));
    }

    /**
     * The edges drawn through a node that is neither their source nor their target, as
     * "source→target through node": the line crosses the node's box (shrunk by 2 px for the border).
     */
    public List<String> edgesThroughOtherNodes() {
        List<Node> nodes = nodes();
        List<String> out = new ArrayList<>();
        for (Edge e : edges()) {
            for (Node n : nodes) {
                if (!n.id().equals(e.source()) && !n.id().equals(e.target()) && crosses(e, n)) {
                    out.add(e.source() + "→" + e.target() + " through " + n.id());
                }
            }
        }
        return out;
    }

    private static boolean crosses(Edge e, Node n) {
        for (int i = 1; i < e.points().size(); i++) {
            if (crosses(e.points().get(i - 1), e.points().get(i), n.x1() + 2, n.y1() + 2, n.x2() - 2, n.y2() - 2)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the segment a-b meets the rectangle (sampled finely: enough for boxes tens of pixels wide). */
    static boolean crosses(double[] a, double[] b, double x1, double y1, double x2, double y2) {
        for (int k = 0; k <= 200; k++) {
            double t = k / 200.0;
            double x = a[0] + t * (b[0] - a[0]);
            double y = a[1] + t * (b[1] - a[1]);
            if (x > x1 && x < x2 && y > y1 && y < y2) {
                return true;
            }
        }
        return false;
    }

    /** Turns the mouse wheel over the picture's middle (a real wheel event, as a person's). */
    public void wheel(int deltaY) {
        new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(byId("graph")), 0, deltaY).perform();
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
