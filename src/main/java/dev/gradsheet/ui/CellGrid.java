package dev.gradsheet.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.shared.Registration;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The sheet as a grid: one row per cell (name, formula, kind, value, gradient, local derivative),
 * loaded lazily so 100,000-cell sheets open and scroll. Its parts: {@link CellColumns} (how a cell is
 * shown), {@link ShownRows} (the rows the browser holds, kept fresh from change sets),
 * {@link CellEditor} (editing in place, refusals under the field) and {@link GridKeyboard} (spreadsheet
 * habits: select, type, Enter, F2, Esc, Tab). An input's or weight's Kind cell has a button that
 * switches it to the other kind (one undoable edit). Everything is rendered as text, never HTML.
 */
public class CellGrid extends Composite<Grid<Cell>> {
    /** What practice mode shows instead of a hidden number. */
    static final String HIDDEN = "?";

    private final SheetPresenter presenter;
    private final Grid<Cell> grid = new Grid<>();
    private final ShownRows rows;
    private final CellColumns columns;
    final CellEditor editor;
    /** A cell to select after the next reload (the new name of a renamed selected cell). */
    private String follow;

    public CellGrid(SheetPresenter presenter) {
        this.presenter = presenter;
        grid.setPageSize(100);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setId("cells");
        grid.setSizeFull();
        rows = new ShownRows(grid, presenter, this::editing);
        columns = new CellColumns(grid, presenter, this::switchKind);
        GridKeyboard keyboard = new GridKeyboard(grid);
        editor = new CellEditor(grid, presenter, rows, keyboard,
                (cell, message) -> fireEvent(new EditRefusedEvent(this, cell, message)), this::follow);
        keyboard.listen(editor);
        grid.asSingleSelect().addValueChangeListener(e ->
                fireEvent(new CellSelectedEvent(this, e.getValue() == null ? null : e.getValue().name())));
    }

    @Override
    protected Grid<Cell> initContent() {
        return grid;
    }

    /** The Kind cell's switch: input becomes weight, weight becomes input. */
    void switchKind(Cell c) {
        SheetPresenter.Outcome o = presenter.switchKind(c.name());
        if (!o.ok()) {
            fireEvent(new EditRefusedEvent(this, c.name(), o.error()));
        }
    }

    /** Opens the editor on {@code cell}, focusing the field of column {@code key} (or the first one). */
    public void edit(Cell cell, String key) {
        editor.edit(cell, key);
    }

    /** The cell being edited, or null. */
    public Cell editing() {
        return editor.editing();
    }

    /** Esc: closes the editor, dropping what was typed; the keyboard stays on the cell. */
    public void cancel() {
        editor.cancel();
    }

    /**
     * Enter: applies what was typed; unless the sheet refused it, the editor closes and the selection
     * moves one row down, with the keyboard focus kept in the grid.
     */
    public void commitAndClose() {
        editor.commitAndClose();
    }

    public Registration addEditRefusedListener(ComponentEventListener<EditRefusedEvent> listener) {
        return addListener(EditRefusedEvent.class, listener);
    }

    /** An in-place edit was refused ({@link #message()}), or the refusal is over (null). */
    public static class EditRefusedEvent extends ComponentEvent<CellGrid> {
        private final String cell;
        private final String message;

        public EditRefusedEvent(CellGrid source, String cell, String message) {
            super(source, false);
            this.cell = cell;
            this.message = message;
        }

        public String cell() {
            return cell;
        }

        public String message() {
            return message;
        }
    }

    /** Selects the row of {@code name} and scrolls to it (null clears the selection). */
    public void select(String name) {
        if (name == null) {
            grid.deselectAll();
            return;
        }
        presenter.cell(name).ifPresent(c -> {
            Cell selected = grid.asSingleSelect().getValue();
            if (selected == null || !selected.name().equals(name)) {
                grid.select(c);
            }
            int index = presenter.indexOf(name);
            if (index >= 0) {
                grid.scrollToIndex(index);
            }
        });
    }

    /** After the next reload, select {@code name} (the new name of a cell being renamed). */
    public void follow(String name) {
        follow = name;
    }

    /** The selected cell's name, or null. */
    public String selectedName() {
        Cell c = grid.asSingleSelect().getValue();
        return c == null ? null : c.name();
    }

    /**
     * Shows the last training batch's mean gradient per weight in its own column, and labels the value
     * and gradient columns as the last sample's, until the next edit that is not part of training.
     */
    public void showBatchGradients(Map<String, Double> gradients) {
        columns.showBatchGradients(gradients);
        rows.refreshAll();
    }

    /** Marks {@code names} as the grid marks changed cells (Step through: a step's cell and its arguments). */
    public void highlight(Collection<String> names) {
        Set<String> marked = Set.copyOf(names);
        Predicate<String> previous = columns.mark(marked::contains, columns.nextFlashPart());
        Set<String> refresh = new HashSet<>(marked);
        for (String name : rows.names()) {
            if (previous.test(name)) {
                refresh.add(name);
            }
        }
        refresh.forEach(rows::refresh);
    }

    /** Practice mode: hides the values and the gradients (and local derivatives) of the cells the tests accept. */
    public void hide(Predicate<Cell> values, Predicate<Cell> grads) {
        columns.hide(values, grads);
        rows.refreshAll();
    }

    /** Practice mode on or off: its answer columns take the local derivative's room. */
    void practice(boolean on) {
        columns.practice(on);
    }

    /** The numeric check's column shown (true) or gone: it takes the local derivative's room. */
    void checking(boolean shown) {
        columns.checking(shown);
    }

    /** JS: scrolls the grid ($0's column header in view) once the browser has laid the column out. */
    private static final String SCROLL_TO_COLUMN = "const grid = this, column = $0;"
            + " requestAnimationFrame(() => requestAnimationFrame(() => {"
            + "   const cell = column._headerCell, table = grid.$ && grid.$.table;"
            + "   if (!cell || !table) return;"
            + "   const r = cell.getBoundingClientRect(), t = table.getBoundingClientRect();"
            + "   if (r.right > t.right) table.scrollLeft += r.right - t.right;"
            + "   else if (r.left < t.left) table.scrollLeft -= t.left - r.left;"
            + " }));";

    /**
     * Scrolls the grid sideways, after the browser has laid out the column {@code key}, so that the
     * column is in view: a column a button adds never appears beyond the grid's right edge.
     */
    void scrollIntoView(String key) {
        Grid.Column<Cell> column = grid.getColumnByKey(key);
        if (column != null) {
            grid.getElement().executeJs(SCROLL_TO_COLUMN, column.getElement());
        }
    }

    /**
     * Shows one edit's effect from the change set's own numbers: the rows the browser holds that the
     * change lists get its new value and gradient (read from the change, not from the sheet) and are
     * marked briefly; a change that lists no cells or changes the structure re-reads every row. Only
     * rows the browser holds are re-sent, however many cells changed: a value edit of a 100,000-cell
     * sheet re-sends the few dozen rows in view in the same response instead of making the browser
     * fetch its rows again (a second round trip).
     */
    public void apply(ChangeSet change) {
        if (columns.showsBatchGradients() && change.origin() != ChangeSet.Origin.TRAINING) {
            showBatchGradients(Map.of()); // the sheet moved on: those batch gradients no longer apply
        }
        Predicate<String> previous = columns.mark(name -> change.indexOf(name) >= 0, "flash-" + (change.version() & 1));
        boolean objectiveChanged = columns.objectiveChanged();
        if (change.rereadAll() || objectiveChanged || rows.tooMany()) {
            reloadAll();
            return;
        }
        rows.update(change, previous);
    }

    /** Every row is fetched afresh, the selection kept (or moved to the cell a rename follows). */
    private void reloadAll() {
        Cell selected = grid.asSingleSelect().getValue();
        rows.reload();
        String reselect = follow != null ? follow : selected == null ? null : selected.name();
        follow = null;
        if (reselect != null) {
            presenter.cell(reselect).ifPresentOrElse(grid::select, grid::deselectAll);
        }
    }

    /** The header's text of column {@code key} (its tooltip: {@link #headerTooltip}). */
    public String headerText(String key) {
        return columns.headerText(key);
    }

    /** The tooltip of column {@code key}'s header, or null. */
    public String headerTooltip(String key) {
        return columns.headerTooltip(key);
    }

    /** The grid itself, for tests and layout. */
    public Grid<Cell> grid() {
        return grid;
    }

    public Registration addCellSelectedListener(ComponentEventListener<CellSelectedEvent> listener) {
        return addListener(CellSelectedEvent.class, listener);
    }

    /** A row was selected (name) or the selection cleared (null). */
    public static class CellSelectedEvent extends ComponentEvent<CellGrid> {
        private final String name;

        public CellSelectedEvent(CellGrid source, String name) {
            super(source, false);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
