package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientCheck;
import java.util.HashMap;
import java.util.Map;

/**
 * "Check numerically": every gradient against central finite differences, as {@code gradsheet check}
 * does; the estimates appear in a grid column beside the gradients with the worst relative error.
 * The next edit clears them (they belong to the numbers they were computed from).
 */
final class NumericCheck extends Composite<HorizontalLayout> {
    /** Four propagations per cell: sheets above this size are checked from the command line. */
    static final int MAX_CELLS = 2_000;

    final Button run = new Button(getTranslation("check.run"));
    final Span result = new Span();
    private final SheetPresenter presenter;
    private final CellGrid cells;
    private final Grid<Cell> grid;
    private final Grid.Column<Cell> column;
    private Map<String, GradientCheck.Entry> entries = Map.of();

    NumericCheck(SheetPresenter presenter, CellGrid cells) {
        this.presenter = presenter;
        this.cells = cells;
        this.grid = cells.grid();
        run.setId("check-numerically");
        run.addThemeVariants(ButtonVariant.LUMO_SMALL);
        result.setId("check-result");
        column = grid.addColumn(c -> entries.containsKey(c.name()) ? Format.readable(entries.get(c.name()).numeric()) : "")
                .setKey("numeric").setHeader(getTranslation("check.header")).setTextAlign(ColumnTextAlign.END).setFlexGrow(1)
                .setTooltipGenerator(c -> entries.containsKey(c.name()) ? getTranslation("check.cellTip",
                        Format.exact(entries.get(c.name()).numeric()),
                        Format.readable(entries.get(c.name()).relativeError())) : null);
        column.setVisible(false);
        // beside the gradients it checks, not beyond the local derivatives at the grid's far right
        java.util.List<Grid.Column<Cell>> order = new java.util.ArrayList<>(grid.getColumns());
        order.remove(column);
        order.add(order.indexOf(grid.getColumnByKey("grad")) + 1, column);
        grid.setColumnOrder(order);
        run.addClickListener(e -> check());
        HorizontalLayout bar = getContent();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.add(run, result);
    }

    void check() {
        if (presenter.size() > MAX_CELLS) {
            result.setText(getTranslation("check.tooBig", String.valueOf(presenter.size())));
            return;
        }
        GradientCheck check = presenter.gradientCheck();
        Map<String, GradientCheck.Entry> byName = new HashMap<>();
        check.entries().forEach(e -> byName.put(e.name(), e));
        entries = byName;
        boolean ok = check.worstError() <= GradientCheck.DEFAULT_TOLERANCE;
        result.setText(!check.compared() ? getTranslation("check.nothing")
                : getTranslation(ok ? "check.agrees" : "check.beyond", Format.readable(check.worstError()),
                        check.worstCell(), String.valueOf(GradientCheck.DEFAULT_TOLERANCE)));
        column.setVisible(true);
        cells.checking(true);
        grid.getDataProvider().refreshAll();
        cells.scrollIntoView("numeric");
    }

    /** After an edit: the estimates are stale. */
    void clear() {
        if (!entries.isEmpty()) {
            entries = Map.of();
            column.setVisible(false);
            cells.checking(false);
            result.setText("");
        }
    }
}
