package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.GradientExplanation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sheet as a grid: one row per cell (name, formula, kind, value, gradient, local derivative),
 * loaded lazily so 100,000-cell sheets open and scroll. Editing follows spreadsheet habits: a click
 * or the arrow keys select a cell; typing replaces its content; Enter, F2 or a double click edit it
 * with the caret at the end; Enter commits and moves one row down (the keyboard stays in the grid),
 * Esc cancels, Tab moves right. An input's or weight's Kind cell has a button that switches it to the
 * other kind (one undoable edit). A refused edit shows its message under the field and leaves the
 * sheet unchanged. Everything is rendered as text, never HTML.
 */
public class CellGrid extends Composite<Grid<Cell>> {

    private final SheetPresenter presenter;
    private final Grid<Cell> grid = new Grid<>();
    private final CallbackDataProvider<Cell, Void> provider;
    private final Grid.Column<Cell> nameColumn;
    private final Grid.Column<Cell> formulaColumn;
    private final Grid.Column<Cell> valueColumn;
    private final Grid.Column<Cell> gradColumn;
    final TextField nameField = editorField("name");
    final TextField formulaField = editorField("formula");
    final TextField valueField = editorField("value");
    private Cell editing;
    /** Whether a row is marked as just changed (by the last change set, or by Step through). */
    private java.util.function.Predicate<String> flashed = name -> false;
    private String flashPart = "flash-0";
    private String objective;
    /** A cell to select after the next reload (the new name of a renamed selected cell). */
    private String follow;
    /** The column of the cell with the keyboard focus (what typing or Enter edits). */
    private String focusedKey = "value";
    /** Re-sends the row an editor last closed on, at the next round trip (see refreshAfterFlush). */
    private Runnable staleRow;
    /** The field a typed key opened, while the editor is open on it. */
    private TextField typingInto;

    /** What practice mode shows instead of a hidden number. */
    static final String HIDDEN = "?";
    /** Practice mode: whose value and gradient the grid hides (see {@link #hide}). */
    private java.util.function.Predicate<Cell> hideValue = c -> false;
    private java.util.function.Predicate<Cell> hideGrad = c -> false;
    /**
     * The rows the grid has fetched for the browser, by name, each with the sheet version its numbers
     * are from: a change set updates these from its own numbers, never by reading the sheet again.
     */
    private final Map<String, Row> shown = new java.util.HashMap<>();
    /** Rows to resend before the next response, with their numbers in {@link #shown} (see {@link #refreshPending()}). */
    private final Set<String> pendingRefresh = new java.util.LinkedHashSet<>();
    private boolean refreshScheduled;

    /** A row as the browser was sent it, and the sheet version its numbers belong to. */
    private record Row(Cell cell, long version) {
    }

    /** Past this many remembered rows (a long scroll through a big sheet), the grid starts afresh. */
    static final int SHOWN_LIMIT = 5_000;

    private final Grid.Column<Cell> batchColumn;
    private Map<String, Double> batchGradients = Map.of();

    public CellGrid(SheetPresenter presenter) {
        this.presenter = presenter;
        this.objective = presenter.sheet().objective();
        provider = new CallbackDataProvider<>(
                q -> fetch(q.getOffset(), q.getLimit()).stream(),
                q -> presenter.sheet().size(),
                Cell::name);
        grid.setItems(provider);
        grid.setPageSize(100);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setId("cells");
        grid.setSizeFull();

        // Widths: name, value and gradient always fit an 800 px (tablet) screen beside the rest;
        // text wraps instead of being cut (gradsheet.css), and every header has a tooltip.
        nameColumn = grid.addColumn(Cell::name).setKey("name").setHeader(header(getTranslation("grid.name"), getTranslation("grid.nameTip")))
                .setWidth("100px").setFlexGrow(0).setResizable(true);
        formulaColumn = grid.addColumn(CellGrid::shownFormula).setKey("formula")
                .setHeader(header(getTranslation("grid.formula"), getTranslation("grid.formulaTip")))
                .setWidth("104px").setFlexGrow(2).setResizable(true);
        formulaColumn.setTooltipGenerator(Cell::formula);
        // A saturated sigmoid (σ′ < 0.01, lesson item 10) is flagged: it barely passes a gradient back.
        // Inputs and weights carry a small switch: only weights learn, so the difference must be visible
        // and one click away (one undoable edit).
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<Cell>of(
                        "<span>${item.kind}</span><button class=\"gs-kind-switch\" ?hidden=\"${item.fixed}\""
                        + " title=\"${item.switchTitle}\" style=\"margin-left:4px;font-size:0.8em;cursor:pointer\""
                        + " @click=\"${switchKind}\">${item.switchLabel}</button>")
                        .withProperty("kind", c -> c.isSaturated() ? "⚠ " + c.kind() : c.kind()) // a kind is an op's name: never translated
                        .withProperty("fixed", c -> !c.isEditableValue())
                        .withProperty("switchLabel", c -> c.isEditableValue() ? "⇄" : "")
                        .withProperty("switchTitle", c -> !c.isEditableValue() ? ""
                                : "input".equals(c.kind()) ? getTranslation("grid.makeWeight", c.name())
                                : getTranslation("grid.makeInput", c.name()))
                        .withFunction("switchKind", this::switchKind))
                .setKey("kind")
                .setHeader(header(getTranslation("grid.kind"), getTranslation("grid.kindTip")))
                .setWidth("104px").setFlexGrow(0)
                .setPartNameGenerator(c -> c.isSaturated() ? "saturated" : null)
                .setTooltipGenerator(c -> c.isSaturated()
                        ? getTranslation("grid.saturated", Format.readable(c.sigmoidSlope())) : null);
        valueColumn = grid.addColumn(c -> hideValue.test(c) ? HIDDEN
                        : (Double.isFinite(c.value()) ? "" : "⚠ ") + Format.readable(c.value()))
                .setKey("value").setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1);
        // NaN and ±∞ are marked, and the tooltip says where they came from: the cell showing it is rarely the cause.
        valueColumn.setTooltipGenerator(c -> hideValue.test(c) ? null
                : Double.isFinite(c.value()) ? c.name() + " = " + Format.exact(c.value())
                : presenter.cell(c.name()).isPresent() ? NotFiniteTexts.of(presenter.sheet(), c.name()) : c.name() + " = " + c.value());
        valueColumn.setPartNameGenerator(c -> hideValue.test(c) || Double.isFinite(c.value()) ? null : "nonfinite");
        gradColumn = grid.addColumn(c -> hideGrad.test(c) ? HIDDEN : Format.readable(c.grad())).setKey("grad")
                .setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1);
        gradColumn.setTooltipGenerator(c -> hideGrad.test(c) ? null
                : "d" + objective + "/d" + c.name() + " = " + Format.exact(c.grad()));
        gradColumn.setPartNameGenerator(c -> hideGrad.test(c) ? null : Format.gradBucket(c.grad()));
        // "Local ∂": the factor the next cell (the one using this cell) contributes to the chain rule.
        com.vaadin.flow.component.html.Span localHeader = new com.vaadin.flow.component.html.Span(getTranslation("grid.local"));
        localHeader.getElement().setAttribute("title", getTranslation("grid.localTip"));
        grid.addColumn(c -> hideGrad.test(c) ? HIDDEN : localDerivative(c)).setKey("local").setHeader(localHeader)
                .setWidth("100px").setFlexGrow(1).setTooltipGenerator(c -> hideGrad.test(c) ? null : localDerivative(c));
        // After a training run: each weight's mean gradient over the last batch, beside the gradient of
        // the one sample the grid's values belong to (lesson item 6).
        batchColumn = grid.addColumn(c -> batchGradients.containsKey(c.name())
                        ? Format.readable(batchGradients.get(c.name())) : "")
                .setKey("batch").setHeader(header(getTranslation("grid.batch"), getTranslation("grid.batchTip")))
                .setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1)
                .setTooltipGenerator(c -> batchGradients.containsKey(c.name()) ? getTranslation("grid.batchCellTip",
                        "d" + objective + "/d" + c.name(), Format.exact(batchGradients.get(c.name()))) : null);
        batchColumn.setVisible(false);
        updateGradHeader();
        grid.setPartNameGenerator(this::rowParts);

        setUpEditor();
        // Spreadsheet habits: a click (or the arrow keys) selects a cell; typing replaces its content;
        // Enter, F2 or a double click edit it with the caret at the end.
        grid.addItemClickListener(e -> {
            if (e.getItem() != null && (editing == null || !editing.name().equals(e.getItem().name()))) {
                grid.select(e.getItem());
            }
        });
        grid.addItemDoubleClickListener(e -> {
            if (e.getItem() != null) {
                grid.select(e.getItem());
                edit(e.getItem(), e.getColumn() == null ? focusedKey : e.getColumn().getKey());
            }
        });
        grid.addCellFocusListener(e -> {
            if (staleRow != null) {
                staleRow.run();
                staleRow = null;
            }
            if (!e.isBodyCell()) {
                return;
            }
            e.getColumn().ifPresent(c -> focusedKey = c.getKey());
            e.getItem().ifPresent(c -> {
                if (editing == null && !c.equals(grid.asSingleSelect().getValue())) {
                    grid.select(c); // arrow keys move the selection, not only the focus
                }
            });
        });
        ((com.vaadin.flow.component.grid.AbstractGridSingleSelectionModel<Cell>) grid.getSelectionModel())
                .setDeselectAllowed(false); // clicking the selected row keeps it selected, as in a spreadsheet
        grid.asSingleSelect().addValueChangeListener(e ->
                fireEvent(new CellSelectedEvent(this, e.getValue() == null ? null : e.getValue().name())));
        // Keys on a selected cell (not inside an editor field) arrive as one "gs-key" event each, in order.
        grid.getElement().addEventListener("gs-key", e -> {
            int index = e.getEventData().get("event.detail.row").getType() == elemental.json.JsonType.NUMBER
                    ? (int) e.getEventData().getNumber("event.detail.row") : -1;
            key(e.getEventData().getString("event.detail.key"), index);
        }).addEventData("event.detail.key").addEventData("event.detail.row");
        grid.addAttachListener(e -> e.getUI().getPage().executeJs(KEYS_JS, grid.getElement()));
    }

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

    /**
     * A key pressed on a selected cell: Enter or F2 edits it (caret at the end); a printable key
     * starts editing with that key replacing the content. Keys typed before the editor field had the
     * focus arrive here too and are added to what was typed.
     */
    void key(String key, int row) {
        Cell cell = row >= 0 ? presenter.sheet().cells(row, 1).stream().findFirst().orElse(null)
                : grid.asSingleSelect().getValue();
        if (cell == null) {
            return;
        }
        boolean printable = key.length() == 1;
        if ("Enter".equals(key) && editing != null && editing.name().equals(cell.name())) {
            commitAndClose(); // Enter typed before the editor field had the focus
            return;
        }
        if (printable && editing != null && editing.name().equals(cell.name()) && typingInto != null) {
            typingInto.setValue(typingInto.getValue() + key); // typed before the field had the focus
            return;
        }
        grid.select(cell);
        edit(cell, focusedKey, printable ? key : null);
    }

    /** The Kind cell's switch: input becomes weight, weight becomes input. */
    void switchKind(Cell c) {
        SheetPresenter.Outcome o = presenter.switchKind(c.name());
        if (!o.ok()) {
            fireEvent(new EditRefusedEvent(this, c.name(), o.error()));
        }
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

    /** Puts the keyboard focus on the cell of row {@code index} in the focused column. */
    private void focusCell(int index) {
        if (index < 0) {
            return;
        }
        grid.getUI().ifPresent(ui -> ui.beforeClientResponse(grid, ctx -> ui.getPage().executeJs(FOCUS_CELL_JS,
                grid.getElement(), index, shownColumnIndex(focusedKey == null ? "value" : focusedKey))));
    }

    @Override
    protected Grid<Cell> initContent() {
        return grid;
    }

    private static TextField editorField(String id) {
        TextField f = new TextField();
        f.setId("edit-" + id);
        f.setWidthFull();
        f.setValueChangeMode(ValueChangeMode.EAGER);
        f.setAriaLabel(id); // the input's own name: one on the host leaves the input unnamed for screen readers
        return f;
    }

    private void setUpEditor() {
        Editor<Cell> editor = grid.getEditor();
        editor.setBinder(new Binder<>());
        editor.setBuffered(false);
        nameColumn.setEditorComponent(nameField);
        formulaColumn.setEditorComponent(formulaField);
        valueColumn.setEditorComponent(valueField);
        // edit() fills the fields at once (keys typed right after may arrive before this event);
        // this covers an editor opened any other way.
        editor.addOpenListener(e -> {
            if (editor.isOpen() && (editing == null || !editing.name().equals(e.getItem().name()))) {
                fill(e.getItem());
            }
        });
        editor.addCloseListener(e -> {
            editing = null;
            typingInto = null;
            clearErrors();
        });
        for (TextField f : List.of(nameField, formulaField, valueField)) {
            Shortcuts.addShortcutListener(f, this::commitAndClose, Key.ENTER).listenOn(f);
            Shortcuts.addShortcutListener(f, this::cancel, Key.ESCAPE).listenOn(f);
            Shortcuts.addShortcutListener(f, () -> tab(f), Key.TAB).listenOn(f);
        }
    }

    /** Puts {@code c} in the editor's fields: the cell being edited from now on. */
    private void fill(Cell c) {
        editing = c;
        nameField.setValue(c.name());
        formulaField.setValue(c.formula());
        valueField.setValue(Format.exact(c.value()));
        nameField.setReadOnly(c.generated());
        formulaField.setReadOnly(c.generated());
        valueField.setReadOnly(!c.isEditableValue());
        clearErrors();
    }

    /** Opens the editor on {@code cell}, focusing the field of column {@code key} (or the first one). */
    public void edit(Cell cell, String key) {
        edit(cell, key, null);
    }

    /**
     * Opens the editor on {@code cell} at the field of column {@code key}: with the caret at the end
     * of the content, or with the content replaced by {@code typed} (a key typed on the cell).
     */
    void edit(Cell cell, String key, String typed) {
        Editor<Cell> editor = grid.getEditor();
        if (editor.isOpen()) {
            if (!commit()) {
                return;
            }
            closeEditor();
        }
        Cell fresh = presenter.cell(cell.name()).orElse(null);
        if (fresh == null) {
            return;
        }
        TextField target = fieldFor(fresh, key);
        editor.editItem(fresh);
        fill(fresh);
        typingInto = typed == null ? null : target;
        if (target != null && typed != null) {
            target.setValue(typed); // typing on a cell replaces its content
        }
        if (target != null) {
            target.focus();
            // the caret goes to the end, as in a spreadsheet (a plain focus may select or start at 0)
            target.getElement().executeJs("setTimeout(() => { const i = this.inputElement; if (i) {"
                    + " i.focus(); i.setSelectionRange(i.value.length, i.value.length); } }, 0)");
        }
    }

    /** The editor field for column {@code key}: the value for inputs and weights, else the formula. */
    private TextField fieldFor(Cell c, String key) {
        if (key == null) {
            return firstEditable(c);
        }
        return switch (key) {
            case "name" -> c.generated() ? (c.isEditableValue() ? valueField : null) : nameField;
            case "formula" -> c.generated() ? (c.isEditableValue() ? valueField : null) : formulaField;
            default -> c.isEditableValue() ? valueField : c.generated() ? null : formulaField;
        };
    }

    private TextField firstEditable(Cell c) {
        List<TextField> fields = editableFields(c);
        return fields.isEmpty() ? null : fields.get(0);
    }

    private List<TextField> editableFields(Cell c) {
        List<TextField> out = new ArrayList<>();
        if (!c.generated()) {
            out.add(nameField);
            out.add(formulaField);
        }
        if (c.isEditableValue()) {
            out.add(valueField);
        }
        return out;
    }

    /** The cell being edited, or null. */
    public Cell editing() {
        return editing;
    }

    /** Esc: closes the editor, dropping what was typed; the keyboard stays on the cell. */
    public void cancel() {
        String name = editing == null ? null : editing.name();
        grid.getEditor().cancel();
        if (name != null) {
            refreshAfterFlush(name, name);
            focusCell(presenter.sheet().indexOf(name));
        }
    }

    /**
     * Enter: applies what was typed; unless the sheet refused it, the editor closes and the selection
     * moves one row down, with the keyboard focus kept in the grid.
     */
    public void commitAndClose() {
        if (editing != null && commit()) {
            String current = !nameField.getValue().isBlank() ? nameField.getValue().strip() : editing.name();
            closeEditor();
            int index = presenter.sheet().indexOf(current);
            int below = index + 1 < presenter.sheet().size() ? index + 1 : index;
            presenter.sheet().cells(below, 1).stream().findFirst().ifPresent(c -> {
                follow = null;
                grid.select(c);
            });
            focusCell(below);
        }
    }

    /**
     * Closes the editor and re-sends the edited row with fresh numbers: the editor re-sends the
     * snapshot it was opened with, which an edit has made stale.
     */
    private void closeEditor() {
        String name = editing == null ? null : editing.name();
        String renamed = nameField.getValue().strip();
        grid.getEditor().closeEditor();
        if (name != null) {
            refreshAfterFlush(name, renamed);
        }
    }

    /**
     * Re-sends a row after this round trip's data has been flushed. Closing the editor queues its
     * stale snapshot for sending; a fresh snapshot queued in the same flush may go out before it,
     * so the fresh one is queued once that flush is done.
     */
    private void refreshAfterFlush(String name, String orName) {
        Runnable refresh = () -> presenter.cell(name).or(() -> presenter.cell(orName)).ifPresent(provider::refreshItem);
        grid.getUI().ifPresentOrElse(ui -> {
            ui.beforeClientResponse(grid, ctx -> refresh.run());
            // An editor opened and closed within one round trip (keys typed fast: "-3⏎") may send its
            // stale snapshot after that; the next round trip (the focus moving on) sends the row again.
            staleRow = refresh;
        }, refresh);
    }

    /** Tab: moves to the next field of the row, or commits and edits the next row. */
    void tab(TextField from) {
        if (editing == null) {
            return;
        }
        List<TextField> fields = editableFields(editing);
        int i = fields.indexOf(from);
        if (i >= 0 && i < fields.size() - 1) {
            fields.get(i + 1).focus();
            return;
        }
        String name = editing.name();
        if (!commit()) {
            return;
        }
        String current = editing != null && !nameField.getValue().isBlank() ? nameField.getValue().strip() : name;
        closeEditor();
        int index = presenter.sheet().indexOf(current);
        List<Cell> next = presenter.sheet().cells(index + 1, presenter.sheet().size());
        next.stream().filter(c -> !editableFields(c).isEmpty()).findFirst().ifPresent(c -> {
            grid.select(c);
            grid.scrollToIndex(presenter.sheet().indexOf(c.name()));
            edit(c, null);
        });
    }

    /**
     * Applies the edited row: value, then formula, then name. Stops at the first refusal, shows it
     * under its field and returns false (that edit changed nothing).
     */
    boolean commit() {
        Cell c = editing;
        if (c == null) {
            return true;
        }
        clearErrors();
        if (c.isEditableValue() && !valueField.getValue().strip().equals(Format.exact(c.value()))) {
            SheetPresenter.Outcome o = presenter.setValue(c.name(), valueField.getValue());
            if (!o.ok()) {
                return refuse(valueField, o.error());
            }
        }
        if (!c.generated() && !formulaField.getValue().strip().equals(c.formula())) {
            SheetPresenter.Outcome o = presenter.setFormula(c.name(), formulaField.getValue());
            if (!o.ok()) {
                return refuse(formulaField, o.error());
            }
        }
        if (!c.generated() && !nameField.getValue().strip().equals(c.name())) {
            SheetPresenter.Outcome o = presenter.rename(c.name(), nameField.getValue());
            if (!o.ok()) {
                return refuse(nameField, o.error());
            }
            follow(nameField.getValue().strip());
        }
        return true;
    }

    private boolean refuse(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
        fireEvent(new EditRefusedEvent(this, editing == null ? "" : editing.name(), message));
        return false;
    }

    private void clearErrors() {
        for (TextField f : List.of(nameField, formulaField, valueField)) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        fireEvent(new EditRefusedEvent(this, null, null));
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
            int index = presenter.sheet().indexOf(name);
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
        batchGradients = Map.copyOf(gradients);
        batchColumn.setVisible(!batchGradients.isEmpty());
        // the batch gradient takes the local derivative's place, so name, value and gradient still fit
        grid.getColumnByKey("local").setVisible(batchGradients.isEmpty());
        updateGradHeader();
        provider.refreshAll();
    }

    /** Marks {@code names} as the grid marks changed cells (Step through: a step's cell and its arguments). */
    public void highlight(java.util.Collection<String> names) {
        java.util.function.Predicate<String> previous = flashed;
        Set<String> marked = Set.copyOf(names);
        flashed = marked::contains;
        flashPart = "flash-0".equals(flashPart) ? "flash-1" : "flash-0";
        Set<String> refresh = new HashSet<>(marked);
        for (String name : shown.keySet()) {
            if (previous.test(name)) {
                refresh.add(name);
            }
        }
        for (String name : refresh) {
            presenter.cell(name).ifPresent(provider::refreshItem);
        }
    }

    /** Practice mode: hides the values and the gradients (and local derivatives) of the cells the tests accept. */
    public void hide(java.util.function.Predicate<Cell> values, java.util.function.Predicate<Cell> grads) {
        hideValue = values;
        hideGrad = grads;
        provider.refreshAll();
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
        if (!batchGradients.isEmpty() && change.origin() != ChangeSet.Origin.TRAINING) {
            showBatchGradients(Map.of()); // the sheet moved on: those batch gradients no longer apply
        }
        java.util.function.Predicate<String> previous = flashed;
        flashed = name -> change.indexOf(name) >= 0;
        flashPart = "flash-" + (change.version() & 1);
        String newObjective = presenter.sheet().objective();
        boolean objectiveChanged = newObjective == null ? objective != null : !newObjective.equals(objective);
        objective = newObjective;
        if (objectiveChanged) {
            updateGradHeader();
        }
        if (change.rereadAll() || objectiveChanged || shown.size() > SHOWN_LIMIT) {
            reloadAll();
            return;
        }
        for (Map.Entry<String, Row> e : shown.entrySet()) {
            Row row = e.getValue();
            int k = change.indexOf(e.getKey());
            if (k >= 0 && change.version() > row.version()) {
                // the newest numbers win, whatever order the change sets of one round trip come in
                Row now = new Row(row.cell().withNumbers(change.value(k), change.grad(k)), change.version());
                e.setValue(now);
                pendingRefresh.add(e.getKey());
            } else if (k >= 0 || previous.test(e.getKey())) {
                pendingRefresh.add(e.getKey()); // its "just changed" mark comes or goes
            }
        }
        if (!refreshScheduled) {
            refreshScheduled = true;
            grid.getUI().ifPresentOrElse(ui -> ui.beforeClientResponse(grid, ctx -> refreshPending()),
                    this::refreshPending);
        }
    }

    /** Every row is fetched afresh, the selection kept (or moved to the cell a rename follows). */
    private void reloadAll() {
        Cell selected = grid.asSingleSelect().getValue();
        pendingRefresh.clear();
        shown.clear();
        provider.refreshAll();
        String reselect = follow != null ? follow : selected == null ? null : selected.name();
        follow = null;
        if (reselect != null) {
            presenter.cell(reselect).ifPresentOrElse(grid::select, grid::deselectAll);
        }
    }

    /**
     * A page of rows for the browser, read in one state of the sheet, remembered with that state's
     * version so that an older change set arriving later does not overwrite them.
     */
    private List<Cell> fetch(int offset, int limit) {
        var sheet = presenter.sheet();
        long[] version = new long[1];
        List<Cell> page = sheet.read(() -> {
            version[0] = sheet.version();
            return sheet.cells(offset, limit);
        });
        for (Cell c : page) {
            Row known = shown.get(c.name());
            if (known == null || known.version() <= version[0]) {
                shown.put(c.name(), new Row(c, version[0]));
            }
        }
        return page;
    }

    /**
     * Sends the rows changed since the last response, each once, with the newest numbers the change
     * sets brought. Several change sets can arrive in one round trip (pushes from other tabs are
     * queued while this tab's request runs); refreshing a row once per change set was wrong: Vaadin
     * keeps the rows to resend in a HashSet of items, our items are value snapshots, so two snapshots
     * of one cell were both sent in hash order and the older one could land last on the page (a stale
     * gradient until the next edit of that cell). Now each row is queued once by name and sent with
     * the newest numbers {@link #shown} holds (a change set only replaces a row's numbers with a newer
     * version's, and so does a fetch). Only rows the browser
     * holds are re-sent; the others are fetched fresh when scrolled to.
     */
    private void refreshPending() {
        refreshScheduled = false;
        if (pendingRefresh.isEmpty()) {
            return;
        }
        var communicator = grid.getDataCommunicator();
        boolean editorOpen = grid.getEditor().isOpen();
        for (String name : pendingRefresh) {
            Row row = shown.get(name);
            Cell cell = row == null ? null : row.cell(); // the newest numbers: a change set's or a fetch's
            if (cell == null || !communicator.isItemActive(cell)) {
                continue;
            }
            if (editorOpen && editing != null && editing.name().equals(cell.name())) {
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

    private void updateGradHeader() {
        boolean afterRun = !batchGradients.isEmpty();
        valueColumn.setHeader(header(getTranslation(afterRun ? "grid.valueLastSample" : "grid.value"),
                getTranslation(afterRun ? "grid.valueLastSampleTip" : "grid.valueTip")));
        String of = objective == null ? "L" : objective;
        gradColumn.setHeader(header(getTranslation(afterRun ? "grid.gradLastSample" : "grid.grad"),
                getTranslation(afterRun ? "grid.gradLastSampleTip" : "grid.gradTip", of)));
    }

    /** A short column header; {@code more} shows on hover. */
    private static com.vaadin.flow.component.html.Span header(String text, String more) {
        com.vaadin.flow.component.html.Span span = new com.vaadin.flow.component.html.Span(text);
        span.setTitle(more);
        return span;
    }

    /** The header's text of column {@code key} (its tooltip: {@link #headerTooltip}). */
    public String headerText(String key) {
        var c = grid.getColumnByKey(key).getHeaderComponent();
        return c instanceof com.vaadin.flow.component.html.Span s ? s.getText() : grid.getColumnByKey(key).getHeaderText();
    }

    /** The tooltip of column {@code key}'s header, or null. */
    public String headerTooltip(String key) {
        var c = grid.getColumnByKey(key).getHeaderComponent();
        return c instanceof com.vaadin.flow.component.html.Span s ? s.getTitle().orElse(null) : null;
    }

    private String rowParts(Cell c) {
        StringBuilder parts = new StringBuilder();
        if (c.generated()) {
            parts.append("generated ");
        }
        if (c.name().equals(objective)) {
            parts.append("objective ");
        }
        if (flashed.test(c.name())) {
            parts.append(flashPart);
        }
        String s = parts.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The local derivative a cell's gradient is built from: for one cell using it, {@code ∂f/∂q = -4};
     * for several, how many; for the objective, "objective".
     */
    String localDerivative(Cell c) {
        if (c.name().equals(objective)) {
            return getTranslation("grid.objective");
        }
        // Count the terms first; only a cell with one user needs its term (and its name): a weight of a
        // wide layer has hundreds, and building them for every visible row slowed each edit of a big sheet.
        int terms = presenter.sheet().explanationTermCount(c.name());
        if (terms == 0) {
            return "";
        }
        if (terms == 1) {
            List<GradientExplanation.Term> one = presenter.sheet().explain(c.name()).terms();
            if (one.size() != 1) { // another tab's edit came between the two reads
                return one.isEmpty() ? "" : getTranslation("grid.sumOver", String.valueOf(one.size()));
            }
            GradientExplanation.Term t = one.get(0);
            return "∂" + t.user() + "/∂" + c.name() + " = " + Format.readable(t.local());
        }
        return getTranslation("grid.sumOver", String.valueOf(terms));
    }

    /**
     * The formula as the grid shows it: an input's or weight's number for reading, e.g.
     * {@code weight(-2.32)} rather than {@code weight(-2.3200000000000003)}; the editor and the
     * tooltip give the exact text.
     */
    static String shownFormula(Cell c) {
        return c.isEditableValue() ? c.kind() + "(" + Format.readable(c.value()) + ")" : c.formula();
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
