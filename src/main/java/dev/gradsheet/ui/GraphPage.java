package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Graph tab of the sheet view: the graph picture around the selected cell, the graph in words,
 * the options (formula steps and weights as nodes of their own), "Step through" and "Check
 * numerically". The grid and the graph select each other's cells; a step of "Step through" is marked
 * in both.
 */
final class GraphPage extends Composite<Div> {
    /** Sheets with more cells than this start with formula steps collapsed in the graph. */
    static final int STEPS_SHOWN_UP_TO = 20;
    final GraphView graph = new GraphView();
    /** Whether the graph draws the intermediate steps of compound formulas as their own nodes. */
    final Checkbox showSteps = new Checkbox();
    /** Whether the graph draws weights and constants as their own nodes. */
    final Checkbox showWeights = new Checkbox();
    final GraphTextEquivalent text;
    final StepPanel stepPanel;
    final NumericCheck numericCheck;
    private final SheetPresenter presenter;
    private final GraphModel model;
    private final CellGrid grid;

    GraphPage(SheetPresenter presenter, CellGrid grid) {
        this.presenter = presenter;
        this.grid = grid;
        model = presenter.graphModel();
        graph.setId("graph");
        graph.addClassName("gs-graph");
        graph.getElement().setAttribute("aria-describedby", "graph-text");
        graph.addNodeClickListener(e -> grid.select(e.name()));
        text = new GraphTextEquivalent(presenter, model, grid::select);
        stepPanel = new StepPanel(presenter, this::showStep);
        numericCheck = new NumericCheck(presenter, grid);
        setUpOptions();
        Div options = new Div(showSteps, showWeights);
        options.addClassName("gs-graph-options");
        // Step through and Check numerically sit under the graph, where a step is also drawn; they cost
        // the grid no height on a laptop screen.
        Div stepRow = new Div(stepPanel, numericCheck);
        stepRow.addClassName("gs-graph-options");
        getContent().add(graph, text, options, stepRow);
        getContent().addClassName("gs-graph-page");
        updateStepsLabel();
    }

    /** The options: formula steps and weights as nodes of their own, on for small sheets. */
    private void setUpOptions() {
        showSteps.setId("show-steps");
        showWeights.setLabel(getTranslation("sheet.showWeights"));
        showSteps.setValue(presenter.size() <= STEPS_SHOWN_UP_TO);
        showSteps.addValueChangeListener(e -> draw());
        showWeights.setId("show-weights");
        showWeights.setValue(model.picture(null, !showSteps.getValue(), true).nodes().size()
                <= GraphModel.WEIGHTS_SHOWN_UP_TO);
        showWeights.addValueChangeListener(e -> draw());
    }

    /** A cell was selected in the grid: said in words, and marked in the graph (drawn around it when the graph shows a neighbourhood). */
    void selected(String name) {
        text.show(name);
        GraphModel.Picture shown = graph.picture();
        if (shown != null && shown.neighbourhood()) {
            draw();
        } else {
            graph.select(shownInGraph(name));
        }
    }

    /** An edit is about to be shown: a step-through's and the check's numbers belong to the sheet before it. */
    void stale() {
        if (stepPanel.active()) {
            stepPanel.stop();
        }
        numericCheck.clear();
    }

    /**
     * Shows one edit: the picture drawn afresh when cells came or went, else the changed nodes'
     * numbers updated. The nodes walked are the picture's (at most a few hundred), not the change's
     * (up to every cell); a RELOAD (training progress) lists no cells but changed every number.
     */
    void changed(ChangeSet change) {
        if (change.structural()) {
            model.invalidate();
            draw();
            text.show(grid.selectedName());
            updateStepsLabel();
            return;
        }
        List<GraphModel.Node> nodes = new ArrayList<>();
        String objective = presenter.objective();
        var picture = graph.picture();
        boolean all = change.rereadAll();
        if (picture != null) {
            for (GraphModel.Node n : picture.nodes()) {
                if (all || change.contains(n.id())) {
                    presenter.cell(n.id()).ifPresent(c -> nodes.add(
                            model.node(c, objective, true, n.classes().contains("outside"))));
                }
            }
        }
        graph.update(nodes);
    }

    /**
     * Practice mode switched or changed: the numbers asked for are hidden in the graph too, and
     * stepping through and the finite-difference estimates, which would give them away, are off.
     */
    void practice(boolean on, Predicate<Cell> value, Predicate<Cell> grad) {
        model.hide(value, grad);
        if (on) {
            stepPanel.stop();
            numericCheck.clear();
        }
        stepPanel.start.setEnabled(!on);
        numericCheck.run.setEnabled(!on);
        draw();
    }

    /** One step of "Step through": its cell selected, the cell and its arguments marked in grid and graph. */
    private void showStep(StepThrough.Step step) {
        grid.select(step.cell());
        List<String> marked = new ArrayList<>(step.arguments());
        marked.add(step.cell());
        grid.highlight(marked);
        var picture = graph.picture();
        String objective = presenter.objective();
        List<GraphModel.Node> nodes = new ArrayList<>();
        for (String name : step.arguments()) {
            if (picture != null && picture.node(name) != null) {
                presenter.cell(name).ifPresent(c -> nodes.add(
                        model.node(c, objective, true, picture.node(name).classes().contains("outside"))));
            }
        }
        graph.update(nodes);
        graph.select(shownInGraph(step.cell()));
    }

    /** Names the formula steps after the sheet's own first one, e.g. "(f.1, f.2, …)". */
    private void updateStepsLabel() {
        // The first 1,000 rows are enough to find an example; big sheets are not read whole for a label.
        String first = presenter.cells(0, 1000).stream()
                .filter(Cell::generated).map(Cell::owner).findFirst().orElse(null);
        showSteps.setLabel(first == null ? getTranslation("sheet.showSteps")
                : getTranslation("sheet.showStepsNamed", first));
    }

    /** Draws the graph afresh around the selected cell, with or without formula steps. */
    void draw() {
        graph.show(model.picture(grid.selectedName(), !showSteps.getValue(), showWeights.getValue()));
    }

    /** The graph node standing for cell {@code name}: itself, or its owner when steps are collapsed. */
    private String shownInGraph(String name) {
        GraphModel.Picture picture = graph.picture();
        if (name == null || picture == null || picture.node(name) != null) {
            return name;
        }
        return model.shownAs(name, !showSteps.getValue(), showWeights.getValue());
    }
}
