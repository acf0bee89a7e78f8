package dev.gradsheet.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The cell grid's rows as the browser holds them, loaded lazily (a page at a time, so 100,000-cell
 * sheets open and scroll) and kept fresh from each edit's change set: a change set's own numbers
 * update the rows the browser holds, never a second read of the sheet, and each row is re-sent at
 * most once per round trip.
 */
final class ShownRows {
    /** Past this many remembered rows (a long scroll through a big sheet), the grid starts afresh. */
    static final int SHOWN_LIMIT = 5_000;

    private final Grid<Cell> grid;
    private final SheetPresenter presenter;
    private final CallbackDataProvider<Cell, Void> provider;
    /** The row an open editor holds (refreshing it would close the editor), or null. */
    private final Supplier<Cell> editing;
    /**
     * The rows the grid has fetched for the browser, by name, each with the sheet version its numbers
     * are from: a change set updates these from its own numbers, never by reading the sheet again.
     */
    private final Map<String, Row> shown = new HashMap<>();
    /** Rows to resend before the next response, with their numbers in {@link #shown} (see {@link #refreshPending()}). */
    private final Set<String> pendingRefresh = new LinkedHashSet<>();
    private boolean refreshScheduled;

    /** A row as the browser was sent it, and the sheet version its numbers belong to. */
    private record Row(Cell cell, long version) {
    }

    ShownRows(Grid<Cell> grid, SheetPresenter presenter, Supplier<Cell> editing) {
        this.grid = grid;
        this.presenter = presenter;
        this.editing = editing;
        provider = new CallbackDataProvider<>(q -> fetch(q.getOffset(), q.getLimit()).stream(), q -> presenter.size(),
                Cell::name);
        grid.setItems(provider);
    }

    /** Re-sends the row of {@code name} with the sheet's numbers now, if the cell still exists. */
    void refresh(String name) {
        presenter.cell(name).ifPresent(provider::refreshItem);
    }

    /** Re-sends the row of {@code name}, or else of {@code orName} (a cell just renamed). */
    void refresh(String name, String orName) {
        presenter.cell(name).or(() -> presenter.cell(orName)).ifPresent(provider::refreshItem);
    }

    /** Every row is read again from the sheet. */
    void refreshAll() {
        provider.refreshAll();
    }

    /** Forgets every row the browser held and has it fetch them afresh. */
    void reload() {
        pendingRefresh.clear();
        shown.clear();
        provider.refreshAll();
    }

    /** The names of the rows the browser holds. */
    Set<String> names() {
        return shown.keySet();
    }

    /** Whether so many rows are remembered that reloading is cheaper than updating them. */
    boolean tooMany() {
        return shown.size() > SHOWN_LIMIT;
    }

    /**
     * Updates the rows the browser holds that {@code change} lists with its numbers, and re-sends
     * them (and those {@code wasMarked} as just changed, whose mark goes) before the next response.
     */
    void update(ChangeSet change, Predicate<String> wasMarked) {
        for (Map.Entry<String, Row> e : shown.entrySet()) {
            Row row = e.getValue();
            int k = change.indexOf(e.getKey());
            if (k >= 0 && change.version() > row.version()) {
                // the newest numbers win, whatever order the change sets of one round trip come in
                Row now = new Row(row.cell().withNumbers(change.value(k), change.grad(k)), change.version());
                e.setValue(now);
                pendingRefresh.add(e.getKey());
            } else if (k >= 0 || wasMarked.test(e.getKey())) {
                pendingRefresh.add(e.getKey()); // its "just changed" mark comes or goes
            }
        }
        if (!refreshScheduled) {
            refreshScheduled = true;
            grid.getUI().ifPresentOrElse(ui -> ui.beforeClientResponse(grid, ctx -> refreshPending()),
                    this::refreshPending);
        }
    }

    /**
     * A page of rows for the browser, read in one state of the sheet, remembered with that state's
     * version so that an older change set arriving later does not overwrite them.
     */
    private List<Cell> fetch(int offset, int limit) {
        SheetPresenter.Rows page = presenter.rows(offset, limit);
        for (Cell c : page.cells()) {
            Row known = shown.get(c.name());
            if (known == null || known.version() <= page.version()) {
                shown.put(c.name(), new Row(c, page.version()));
            }
        }
        return page.cells();
    }

    /**
     * Sends the rows changed since the last response, each once, with the newest numbers the change
     * sets brought. Several change sets can arrive in one round trip (pushes from other tabs are
     * queued while this tab's request runs); refreshing a row once per change set was wrong: Vaadin
     * keeps the rows to resend in a HashSet of items, our items are value snapshots, so two snapshots
     * of one cell were both sent in hash order and the older one could land last on the page (a stale
     * gradient until the next edit of that cell). Now each row is queued once by name and sent with
     * the newest numbers {@link #shown} holds (a change set only replaces a row's numbers with a newer
     * version's, and so does a fetch). Only rows the browser holds are re-sent; the others are fetched
     * fresh when scrolled to.
     */
    private void refreshPending() {
        refreshScheduled = false;
        if (pendingRefresh.isEmpty()) {
            return;
        }
        var communicator = grid.getDataCommunicator();
        boolean editorOpen = grid.getEditor().isOpen();
        Cell edited = editing.get();
        for (String name : pendingRefresh) {
            Row row = shown.get(name);
            Cell cell = row == null ? null : row.cell(); // the newest numbers: a change set's or a fetch's
            if (cell == null || !communicator.isItemActive(cell)) {
                continue;
            }
            if (editorOpen && edited != null && edited.name().equals(cell.name())) {
                continue; // refreshing the edited row would close its editor; closing it refreshes the row
            }
            if (editorOpen) {
                communicator.refresh(cell); // any data provider event closes Vaadin's grid editor
            } else {
                provider.refreshItem(cell);
            }
        }
        pendingRefresh.clear();
    }
}
