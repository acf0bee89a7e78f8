package dev.gradsheet.ui.train;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import dev.gradsheet.train.NetworkStructure;
import dev.gradsheet.ui.common.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network of a layered sheet drawn as TensorFlow Playground does: neurons as circles in columns
 * (inputs, each hidden layer, the output), edges coloured by the sign of their weight (orange
 * positive, blue negative) and as thick as its size. Hovering a neuron shows its own output over the
 * plane of the network's two inputs; clicking a neuron or an edge selects its cell (its gradient is in
 * the grid). Drawn as one SVG on the server from a {@link NetworkPicture} computed beforehand. Which
 * cells are neurons and edges is found from the formulas, whatever their names
 * ({@link NetworkStructure}); a sheet that is not layered gets the structure's reason instead of a picture.
 */
public class NetworkView extends Composite<Div> {
    /** A neuron: its cell, column and row. */
    public record Neuron(String cell, int layer, int row) {
    }

    /** An edge: its weight cell, from and to neurons, and the weight's value. */
    public record Edge(String weight, Neuron from, Neuron to, double value) {
    }

    static final int WIDTH = 450;
    /** Width of the network itself; the rest shows the hovered neuron's picture. */
    static final int NET_WIDTH = 350;
    static final int BIG = 92;
    static final int HEIGHT = 260;
    private List<Neuron> neurons = List.of();
    private List<Edge> edges = List.of();
    private String message = "";

    public NetworkView() {
        Div box = getContent();
        box.setId("network");
        box.setWidth(WIDTH + "px");
        box.getStyle().set("max-width", "100%").set("overflow-x", "auto");
        box.getStyle().set("min-height", "3em");
        box.getElement().addEventListener("click", e -> {
            String cell = e.getEventData().getString("event.target.dataset.cell");
            if (cell != null && !cell.isEmpty()) {
                clicked(cell);
            }
        }).addEventData("event.target.dataset.cell");
    }

    /** Draws {@code picture} (computed from the sheet by {@link NetworkPicture}), or says why there is none. */
    public void show(NetworkPicture picture) {
        if (picture.refusal() != null) {
            refuse(words(picture));
            return;
        }
        NetworkStructure structure = picture.structure();
        java.util.Map<String, Neuron> byName = new java.util.HashMap<>();
        List<Neuron> all = new ArrayList<>();
        for (NetworkStructure.Neuron n : structure.neurons()) {
            Neuron drawn = new Neuron(n.cell(), n.layer(), n.row());
            all.add(drawn);
            byName.put(n.cell(), drawn);
        }
        List<Edge> links = new ArrayList<>();
        for (NetworkStructure.Edge e : structure.edges()) {
            links.add(new Edge(e.weight(), byName.get(e.from().cell()), byName.get(e.to().cell()), e.value()));
        }
        neurons = List.copyOf(all);
        edges = List.copyOf(links);
        show(svg(picture));
    }

    /** Why the network is not drawn, in the page's language. */
    private String words(NetworkPicture picture) {
        return switch (picture.refusal()) {
            case TOO_BIG -> getTranslation("network.tooBig", String.format(Locale.ROOT, "%,d", picture.limit()),
                    String.format(Locale.ROOT, "%,d", picture.actual()));
            case NOT_LAYERED -> {
                NetworkStructure.Refusal why = picture.structure().refusal().orElseThrow();
                yield getTranslation("network.refused." + why.reason().name(), why.arguments().toArray());
            }
            case TOO_WIDE -> getTranslation("network.tooWide", Integer.toString(picture.limit()), Integer.toString(picture.actual()));
            case TOO_DEEP -> getTranslation("network.tooDeep", Integer.toString(picture.limit()), Integer.toString(picture.actual()));
        };
    }

    /** The neurons drawn, column by column. */
    public List<Neuron> neurons() {
        return neurons;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Why nothing is drawn ("" when the network is). */
    public String message() {
        return message;
    }

    /** A neuron or edge was clicked: tells the listeners which cell. */
    void clicked(String cell) {
        fireEvent(new CellClickEvent(this, cell));
    }

    public Registration addCellClickListener(ComponentEventListener<CellClickEvent> listener) {
        return addListener(CellClickEvent.class, listener);
    }

    /** A neuron (its cell) or an edge (its weight) was clicked. */
    public static final class CellClickEvent extends ComponentEvent<NetworkView> {
        private final String name;

        public CellClickEvent(NetworkView source, String name) {
            super(source, true);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private String svg(NetworkPicture picture) {
        NetworkStructure structure = picture.structure();
        boolean pictures = picture.withPictures();
        List<List<NetworkStructure.Neuron>> layers = structure.layers();
        int[] counts = layers.stream().mapToInt(List::size).toArray();
        double columnGap = (NET_WIDTH - 60.0) / Math.max(1, layers.size() - 1);
        int tallest = java.util.Arrays.stream(counts).max().orElse(1);
        double radius = Math.max(7, Math.min(16, (HEIGHT - 30.0) / tallest / 2 - 3));
        List<String> inputs = structure.inputs();
        String shape = String.join("-", layers.stream().map(l -> Integer.toString(l.size())).toList());
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(WIDTH).append("' height='").append(HEIGHT)
                .append("' viewBox='0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("' role='img' aria-label='")
                .append(xml(getTranslation("network.summary", shape, Integer.toString(edges.size())))).append("'>")
                .append("<style>.nv-big{display:none;pointer-events:none}.nv-n:hover .nv-big{display:inline}")
                .append(".nv-n,.nv-e{cursor:pointer}.nv-e:hover line{stroke-opacity:1}.nv-n:hover circle{stroke:#e65100}</style>");
        if (pictures) {
            out.append(String.format(Locale.ROOT, "<text x='%d' y='14' font-size='11' fill='#52606d'>%s</text>",
                    NET_WIDTH + 4, xml(getTranslation("network.hover"))));
        }
        for (NetworkStructure.Edge e : structure.edges()) {
            double[] a = at(e.from(), counts, columnGap);
            double[] b = at(e.to(), counts, columnGap);
            double width = Math.min(8, 0.5 + 2 * Math.abs(e.value()));
            // the line as its weight is, and over it an invisible band 10 px wide, so a thin edge is easy to click
            out.append(String.format(Locale.ROOT,
                    "<g class='nv-e'><line data-cell='%s' x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s'"
                            + " stroke-width='%.2f' stroke-opacity='0.75'/><path class='nv-hit' data-cell='%s'"
                            + " d='M%.1f %.1fL%.1f %.1f' stroke='#000' stroke-opacity='0' stroke-width='10'"
                            + " pointer-events='stroke'/><title>%s</title></g>",
                    e.weight(), a[0], a[1], b[0], b[1], e.value() >= 0 ? "#f59322" : "#0877bd", width, e.weight(),
                    a[0], a[1], b[0], b[1],
                    xml(getTranslation("network.cell", e.weight(), Format.readable(e.value()), Format.readable(e.grad())))));
        }
        for (NetworkStructure.Neuron n : structure.neurons()) {
            double[] p = at(n, counts, columnGap);
            String image = picture.neuronPictures().get(n.cell());
            out.append("<g class='nv-n'>");
            if (image != null) {
                // the neuron's own output over the plane, small inside its circle (as the Playground draws it)
                out.append(String.format(Locale.ROOT, "<clipPath id='nv-c-%s'><circle cx='%.1f' cy='%.1f' r='%.1f'/></clipPath>"
                                + "<image href='%s' x='%.1f' y='%.1f' width='%.1f' height='%.1f' clip-path='url(#nv-c-%s)'"
                                + " preserveAspectRatio='none' pointer-events='none'/>",
                        n.cell(), p[0], p[1], radius, image, p[0] - radius, p[1] - radius, 2 * radius, 2 * radius, n.cell()));
            }
            out.append(String.format(Locale.ROOT,
                    "<circle data-cell='%s' cx='%.1f' cy='%.1f' r='%.1f' fill='%s' stroke='#52606d' stroke-width='1.5'"
                            + " pointer-events='all'><title>%s</title></circle>",
                    n.cell(), p[0], p[1], radius, image != null ? "none" : "#fff",
                    xml(getTranslation("network.cell", n.cell(), Format.readable(n.value()), Format.readable(n.grad())))));
            out.append(String.format(Locale.ROOT,
                    "<text x='%.1f' y='%.1f' font-size='11' text-anchor='middle' pointer-events='none'>%s</text>",
                    p[0], p[1] - radius - 3, n.cell()));
            if (image != null) {
                // enlarged in the panel's own corner on hover, so it never hides other neurons
                out.append(String.format(Locale.ROOT, "<g class='nv-big'><image href='%s' x='%d' y='22' width='%d'"
                                + " height='%d' preserveAspectRatio='none' style='image-rendering:pixelated'/>"
                                + "<rect x='%d' y='22' width='%d' height='%d' fill='none' stroke='#52606d'/>"
                                + "<text x='%d' y='%d' font-size='11'>%s</text>"
                                + "<text x='%d' y='%d' font-size='11' fill='#52606d'>%s</text></g>",
                        image, NET_WIDTH + 4, BIG, BIG, NET_WIDTH + 4, BIG, BIG, NET_WIDTH + 4, 22 + BIG + 13, n.cell(),
                        NET_WIDTH + 4, 22 + BIG + 27, xml(getTranslation("network.axes", inputs.get(0), inputs.get(1)))));
            }
            out.append("</g>");
        }
        return out.append("</svg>").toString();
    }

    private static double[] at(NetworkStructure.Neuron n, int[] counts, double columnGap) {
        double rowGap = (HEIGHT - 30.0) / counts[n.layer()];
        return new double[] {30 + n.layer() * columnGap, 20 + rowGap * (n.row() + 0.5)};
    }

    /** Text for the SVG's markup: never breaks an attribute or an element. */
    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    /** Draws nothing and says why. */
    private void refuse(String why) {
        if (why.equals(message)) {
            return; // already said: nothing to send (this runs on every redraw of a run)
        }
        neurons = List.of();
        edges = List.of();
        message = why;
        getContent().getElement().setProperty("innerHTML", "<p class='gs-description'>" + xml(why) + "</p>");
    }

    private void show(String svg) {
        message = "";
        getContent().getElement().setProperty("innerHTML", svg);
    }
}
