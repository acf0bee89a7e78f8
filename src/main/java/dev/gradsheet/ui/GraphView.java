package dev.gradsheet.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * The graph picture: a {@code <gradsheet-graph>} element (frontend/gradsheet-graph.js) drawing the
 * cells left to right with Cytoscape, in the columns {@link GraphLayers} chose, with pan and zoom
 * (wheel, pinch, buttons, fit). The server sends the picture as JSON; clicking a node fires a
 * {@link NodeClickEvent}.
 */
@Tag("gradsheet-graph")
@NpmPackage(value = "cytoscape", version = "3.34.4")
@JsModule("./gradsheet-graph.js")
public class GraphView extends Component implements HasSize {
    private static final ObjectMapper JSON = new ObjectMapper();
    private GraphModel.Picture picture;

    public GraphView() {
        getElement().getStyle().set("min-height", "200px");
        // the picture's words (its label and zoom buttons) come from the bundles, so they follow the page's language
        String label = getTranslation("graph.label");
        Map<String, String> texts = Map.of("zoomIn", getTranslation("graph.zoomIn"), "zoomOut",
                getTranslation("graph.zoomOut"), "fit", getTranslation("graph.fit"), "fitTitle",
                getTranslation("graph.fitTitle"), "label", label);
        getElement().setAttribute("aria-label", label);
        getElement().callJsFunction("setTexts", json(texts));
    }

    /** Draws a new picture (laid out afresh). */
    public void show(GraphModel.Picture picture) {
        this.picture = picture;
        getElement().callJsFunction("setGraph", json(Map.of(
                "nodes", picture.nodes(), "edges", picture.edges(), "places", picture.places(),
                "selected", picture.selected() == null ? "" : picture.selected(), "path", picture.path())));
    }

    /** Updates the labels of nodes already drawn (values and gradients changed). */
    public void update(List<GraphModel.Node> nodes) {
        if (picture == null || nodes.isEmpty()) {
            return;
        }
        Map<String, GraphModel.Node> fresh = new java.util.HashMap<>();
        nodes.forEach(n -> fresh.put(n.id(), n));
        List<GraphModel.Node> merged = picture.nodes().stream().map(n -> fresh.getOrDefault(n.id(), n)).toList();
        picture = new GraphModel.Picture(merged, picture.edges(), picture.selected(), picture.neighbourhood(),
                picture.total(), picture.places(), picture.path());
        getElement().callJsFunction("updateNodes", json(nodes));
    }

    /** Marks the selected cell's node and highlights its paths to the objective. */
    public void select(String name) {
        if (picture != null) {
            picture = picture.select(name);
        }
        getElement().callJsFunction("select", name == null ? "" : name,
                json(picture == null ? List.of() : picture.path()));
    }

    /** The picture last sent to the browser. */
    public GraphModel.Picture picture() {
        return picture;
    }

    public Registration addNodeClickListener(ComponentEventListener<NodeClickEvent> listener) {
        return addListener(NodeClickEvent.class, listener);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A click on the node of cell {@link #name()}. */
    @DomEvent("node-click")
    public static class NodeClickEvent extends ComponentEvent<GraphView> {
        private final String name;

        public NodeClickEvent(GraphView source, boolean fromClient,
                              @EventData("event.detail.name") String name) {
            super(source, fromClient);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
