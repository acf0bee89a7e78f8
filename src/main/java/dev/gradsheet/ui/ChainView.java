package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.gradsheet.engine.GradientPaths;
import dev.gradsheet.engine.Numbers;
import java.util.function.Consumer;

/**
 * The whole chain under "Why this gradient?": the gradient summed over its paths from the objective,
 * each path's factors with numbers; each factor links to its cell's own explanation.
 */
final class ChainView extends Composite<VerticalLayout> {
    /** Paths shown; the rest are counted. */
    static final int SHOWN = 5;
    /** Sheets bigger than this get no path listing (paths are followed cell by cell). */
    static final int MAX_CELLS = 2_000;

    final Span summary = new Span();
    final Div paths = new Div();
    private final Consumer<String> onFactor;

    ChainView(Consumer<String> onFactor) {
        this.onFactor = onFactor;
        summary.setId("why-paths-summary");
        paths.setId("why-paths");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(summary, paths);
    }

    /** Shows the chain of a cell's gradient, its paths read by the presenter; null shows none. */
    void show(GradientPaths g) {
        paths.removeAll();
        if (g == null) {
            summary.setText("");
            return;
        }
        summary.setText(getTranslation("why.chain", Explanations.summary(g)));
        for (GradientPaths.Path p : g.paths()) {
            Div row = new Div();
            row.addClassName("gs-mono");
            String objective = p.cells().get(0);
            row.add(link("d" + objective + "/d" + objective, objective));
            for (int i = 0; i < p.factors().size(); i++) {
                row.add(new Span(" · "));
                row.add(link("∂" + p.cells().get(i) + "/∂" + p.cells().get(i + 1), p.cells().get(i)));
            }
            StringBuilder numbers = new StringBuilder(" = 1");
            for (double f : p.factors()) {
                numbers.append(" · ").append(f < 0 ? "(" + Numbers.readable(f, 6) + ")" : Numbers.readable(f, 6));
            }
            row.add(new Span(numbers + " = " + Numbers.readable(p.product(), 6)));
            paths.add(row);
        }
    }

    private Span link(String text, String cell) {
        Span s = new Span(text);
        s.getElement().setAttribute("role", "link");
        s.getElement().setAttribute("tabindex", "0");
        s.getElement().setAttribute("title", getTranslation("why.factorTitle", cell));
        s.getStyle().set("color", "var(--lumo-primary-text-color)").set("cursor", "pointer")
                .set("text-decoration", "underline");
        s.addClickListener(e -> onFactor.accept(cell));
        // a link by keyboard too (Enter, as links answer it), for those who cannot use a mouse
        s.getElement().addEventListener("keydown", e -> onFactor.accept(cell)).setFilter("event.key === 'Enter'");
        return s;
    }
}
