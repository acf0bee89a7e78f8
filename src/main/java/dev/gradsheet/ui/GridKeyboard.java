package dev.gradsheet.ui;

import com.vaadin.flow.component.grid.AbstractGridSingleSelectionModel;
import com.vaadin.flow.component.grid.Grid;
import dev.gradsheet.engine.Cell;
import java.util.List;

/**
 * The cell grid's spreadsheet habits: a click or the arrow keys select a cell; typing replaces its
 * content; Enter, F2 or a double click edit it (the {@link CellEditor}); Tab moves right; after an
 * edit the keyboard focus stays in the grid, on the cell in the column last focused.
 */
final class GridKeyboard {
    /**
     * JS for the grid's keydown (capture phase, before the grid's own keyboard handling): Enter, F2
     * and printable keys on a cell become "gs-key" events for the server; Tab moves right like the
     * right arrow while there is a cell to the right. Keys typed into an editor field are left alone.
     */
    static final String KEYS_JS = """
            const grid = $0;
            if (grid.__gsKeys) return;
            grid.__gsKeys = true;
            grid.addEventListener('keydown', e => {
              const t = e.composedPath()[0];
              if (!(t instanceof HTMLTableCellElement) || e.ctrlKey || e.metaKey || e.altKey) return;
              if (t.parentElement.parentElement.id !== 'items') return;
              if (e.key === 'Tab' && !e.shiftKey) {
                let next = t.nextElementSibling;
                while (next && next.hidden) next = next.nextElementSibling;
                if (!next) return;
                e.preventDefault();
                e.stopImmediatePropagation();
                t.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, composed: true}));
                return;
              }
              const printable = e.key.length === 1 && e.key !== ' ';
              if (!printable && e.key !== 'Enter' && e.key !== 'F2') return;
              e.preventDefault();
              e.stopImmediatePropagation();
              grid.dispatchEvent(new CustomEvent('gs-key', {detail: {key: e.key, row: t.parentElement.index}}));
            }, true);
            """;

    /**
     * JS: focuses the body cell at row {@code $1}, column {@code $2} (among the shown columns) once it
     * is rendered, so the keyboard stays in the grid after an edit closes.
     */
    static final String FOCUS_CELL_JS = """
            const grid = $0, row = $1, col = $2;
            let tries = 0;
            const go = () => {
              const tr = [...grid.shadowRoot.querySelectorAll('tbody#items tr')].find(r => r.index === row && !r.hidden);
              const tds = tr ? [...tr.querySelectorAll('td')].filter(td => !td.hidden) : [];
              if (tds[col]) {
                tds[col].focus();
              } else if (tries++ < 40) {
                setTimeout(go, 25);
              }
            };
            grid.scrollToIndex(row);
            setTimeout(go, 0);
            """;

    private final Grid<Cell> grid;
    /** The column of the cell with the keyboard focus (what typing or Enter edits). */
    private String focusedKey = "value";

    GridKeyboard(Grid<Cell> grid) {
        this.grid = grid;
        // clicking the selected row keeps it selected, as in a spreadsheet
        ((AbstractGridSingleSelectionModel<Cell>) grid.getSelectionModel()).setDeselectAllowed(false);
    }

    /** Listens to clicks and keys on the grid, opening {@code editor} as a spreadsheet would. */
    void listen(CellEditor editor) {
        grid.addItemClickListener(e -> {
            if (e.getItem() != null && !editor.isEditing(e.getItem().name())) {
                grid.select(e.getItem());
            }
        });
        grid.addItemDoubleClickListener(e -> {
            if (e.getItem() != null) {
                grid.select(e.getItem());
                editor.edit(e.getItem(), e.getColumn() == null ? focusedKey : e.getColumn().getKey());
            }
        });
        grid.addCellFocusListener(e -> {
            editor.resendStaleRow();
            if (!e.isBodyCell()) {
                return;
            }
            e.getColumn().ifPresent(c -> focusedKey = c.getKey());
            e.getItem().ifPresent(c -> {
                if (editor.editing() == null && !c.equals(grid.asSingleSelect().getValue())) {
                    grid.select(c); // arrow keys move the selection, not only the focus
                }
            });
        });
        // Keys on a selected cell (not inside an editor field) arrive as one "gs-key" event each, in order.
        grid.getElement().addEventListener("gs-key", e -> {
            int index = e.getEventData().get("event.detail.row").getType() == elemental.json.JsonType.NUMBER
                    ? (int) e.getEventData().getNumber("event.detail.row") : -1;
            editor.key(e.getEventData().getString("event.detail.key"), index);
        }).addEventData("event.detail.key").addEventData("event.detail.row");
        grid.addAttachListener(e -> e.getUI().getPage().executeJs(KEYS_JS, grid.getElement()));
    }

    /** The key of the column last focused. */
    String focusedKey() {
        return focusedKey;
    }

    /** Puts the keyboard focus on the cell of row {@code index} in the focused column. */
    void focusCell(int index) {
        if (index < 0) {
            return;
        }
        grid.getUI().ifPresent(ui -> ui.beforeClientResponse(grid, ctx -> ui.getPage().executeJs(FOCUS_CELL_JS,
                grid.getElement(), index, shownColumnIndex(focusedKey == null ? "value" : focusedKey))));
    }

    /** The shown column index of {@code key} (hidden columns do not count). */
    private int shownColumnIndex(String key) {
        List<Grid.Column<Cell>> shown = grid.getColumns().stream().filter(Grid.Column::isVisible).toList();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).getKey().equals(key)) {
                return i;
            }
        }
        return 0;
    }
}
