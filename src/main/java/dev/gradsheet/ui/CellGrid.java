package dev.gradsheet.ui;

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
 * loaded lazily so 100,000-cell sheets open and scroll. Editing follows spreadsheet habits: click a
 * name, formula or value (or press Enter on a row) to edit, Enter commits, Esc cancels, Tab moves to
 * the next field and from the last one to the next row. A refused edit shows its message under the
 * field and leaves the sheet unchanged. Everything is rendered as text, never HTML.
 */
public class CellGrid extends Composite<Grid<Cell>> {
    /** Client-side filter of the grid's keydown: Enter pressed on a row, not inside an editor field. */
    static final String ENTER_ON_ROW = "event.key === 'Enter' && !(event.composedPath()[0] instanceof HTMLInputElement)";

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
    private Set<String> flashed = Set.of();
    private String flashPart = "flash-0";
    private String objective;
    /** A cell to select after the next reload (the new name of a renamed selected cell). */
    private String follow;

    private final Grid.Column<Cell> batchColumn;
    private Map<String, Double> batchGradients = Map.of();

    public CellGrid(SheetPresenter presenter) {
        this.presenter = presenter;
        this.objective = presenter.sheet().objective();
        provider = new CallbackDataProvider<>(
                q -> presenter.sheet().cells(q.getOffset(), q.getLimit()).stream(),
                q -> presenter.sheet().size(),
                Cell::name);
        grid.setItems(provider);
        grid.setPageSize(100);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setId("cells");
        grid.setSizeFull();

        // Widths: name, value and gradient always fit an 800 px screen beside the rest (issue 8, item 6);
        // text wraps instead of being cut (gradsheet.css), and every header has a tooltip.
        nameColumn = grid.addColumn(Cell::name).setKey("name").setHeader(header("Name", "The cell's name"))
                .setWidth("100px").setFlexGrow(0).setResizable(true);
        formulaColumn = grid.addColumn(CellGrid::shownFormula).setKey("formula")
                .setHeader(header("Formula", "What the cell computes; hover a formula for all of it"))
                .setWidth("120px").setFlexGrow(2).setResizable(true);
        formulaColumn.setTooltipGenerator(Cell::formula);
        // A saturated sigmoid (σ′ < 0.01, lesson item 10) is flagged: it barely passes a gradient back.
        grid.addColumn(c -> c.isSaturated() ? "⚠ " + c.kind() : c.kind()).setKey("kind")
                .setHeader(header("Kind", "input, weight (trained by SGD) or the operation; ⚠ marks a saturated sigmoid"))
                .setWidth("76px").setFlexGrow(0)
                .setPartNameGenerator(c -> c.isSaturated() ? "saturated" : null)
                .setTooltipGenerator(c -> c.isSaturated() ? "saturated: σ′ = σ(1 − σ) = "
                        + Format.readable(c.value() * (1 - c.value())) + " < 0.01, so gradients through it nearly vanish" : null);
        valueColumn = grid.addColumn(c -> Format.readable(c.value())).setKey("value")
                .setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1);
        valueColumn.setTooltipGenerator(c -> c.name() + " = " + Format.exact(c.value()));
        gradColumn = grid.addColumn(c -> Format.readable(c.grad())).setKey("grad")
                .setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1);
        gradColumn.setTooltipGenerator(c -> "d" + objective + "/d" + c.name() + " = " + Format.exact(c.grad()));
        gradColumn.setPartNameGenerator(c -> Format.gradBucket(c.grad()));
        grid.addColumn(this::localDerivative).setKey("local").setHeader("Local ∂ (user)").setWidth("100px").setFlexGrow(1)
                .setTooltipGenerator(this::localDerivative);
        // After a training run: each weight's mean gradient over the last batch, beside the gradient of
        // the one sample the grid's values belong to (lesson item 6).
        batchColumn = grid.addColumn(c -> batchGradients.containsKey(c.name())
                        ? Format.readable(batchGradients.get(c.name())) : "")
                .setKey("batch").setHeader(header("Batch gradient", "Each weight's mean gradient over the last"
                        + " training batch: the gradient the last SGD step used"))
                .setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1)
                .setTooltipGenerator(c -> batchGradients.containsKey(c.name()) ? "mean over the last training batch of d"
                        + objective + "/d" + c.name() + " = " + Format.exact(batchGradients.get(c.name())) : null);
        batchColumn.setVisible(false);
        updateGradHeader();
        grid.setPartNameGenerator(this::rowParts);

        setUpEditor();
        grid.addItemClickListener(e -> {
            if (e.getItem() == null || (editing != null && editing.name().equals(e.getItem().name()))) {
                return;
            }
            grid.select(e.getItem());
            String key = e.getColumn() == null ? null : e.getColumn().getKey();
            if ("name".equals(key) || "formula".equals(key) || "value".equals(key)) {
                edit(e.getItem(), key);
            }
        });
        grid.asSingleSelect().addValueChangeListener(e ->
                fireEvent(new CellSelectedEvent(this, e.getValue() == null ? null : e.getValue().name())));
        // Enter on a row (not inside an editor field) starts editing it.
        grid.getElement().addEventListener("keydown", e -> {
            int index = e.getEventData().hasKey("element._focusedItemIndex")
                    && e.getEventData().get("element._focusedItemIndex").getType() == elemental.json.JsonType.NUMBER
                    ? (int) e.getEventData().getNumber("element._focusedItemIndex") : -1;
            Cell cell = index >= 0 ? presenter.sheet().cells(index, 1).stream().findFirst().orElse(null)
                    : grid.asSingleSelect().getValue();
            if (cell != null) {
                grid.select(cell);
                edit(cell, null);
            }
        }).setFilter(ENTER_ON_ROW).addEventData("element._focusedItemIndex");
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
        f.getElement().setAttribute("aria-label", id);
        return f;
    }

    private void setUpEditor() {
        Editor<Cell> editor = grid.getEditor();
        editor.setBinder(new Binder<>());
        editor.setBuffered(false);
        nameColumn.setEditorComponent(nameField);
        formulaColumn.setEditorComponent(formulaField);
        valueColumn.setEditorComponent(valueField);
        editor.addOpenListener(e -> {
            Cell c = e.getItem();
            editing = c;
            nameField.setValue(c.name());
            formulaField.setValue(c.formula());
            valueField.setValue(Format.exact(c.value()));
            nameField.setReadOnly(c.generated());
            formulaField.setReadOnly(c.generated());
            valueField.setReadOnly(!c.isEditableValue());
            clearErrors();
        });
        editor.addCloseListener(e -> {
            editing = null;
            clearErrors();
        });
        for (TextField f : List.of(nameField, formulaField, valueField)) {
            Shortcuts.addShortcutListener(f, this::commitAndClose, Key.ENTER).listenOn(f);
            Shortcuts.addShortcutListener(f, this::cancel, Key.ESCAPE).listenOn(f);
            Shortcuts.addShortcutListener(f, () -> tab(f), Key.TAB).listenOn(f);
        }
    }

    /** Opens the editor on {@code cell}, focusing the field of column {@code key} (or the first one). */
    public void edit(Cell cell, String key) {
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
        editor.editItem(fresh);
        TextField target = key == null ? firstEditable(fresh)
                : switch (key) {
                    case "name" -> nameField;
                    case "value" -> fresh.isEditableValue() ? valueField : formulaField;
                    default -> formulaField;
                };
        if (target != null) {
            target.focus();
        }
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

    /** Esc: closes the editor, dropping what was typed. */
    public void cancel() {
        String name = editing == null ? null : editing.name();
        grid.getEditor().cancel();
        if (name != null) {
            refreshAfterFlush(name, name);
        }
        grid.focus();
    }

    /** Enter: applies what was typed; the editor closes unless the sheet refused it. */
    public void commitAndClose() {
        if (editing != null && commit()) {
            closeEditor();
            grid.focus();
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
        grid.getUI().ifPresentOrElse(
                ui -> ui.beforeClientResponse(grid, ctx ->
                        presenter.cell(name).or(() -> presenter.cell(orName)).ifPresent(provider::refreshItem)),
                () -> presenter.cell(name).or(() -> presenter.cell(orName)).ifPresent(provider::refreshItem));
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

    /** Shows one edit's effect: refreshes the changed rows (or all rows) and marks them briefly. */
    public void apply(ChangeSet change) {
        apply(change, names(change));
    }

    /** The names of the cells {@code change} touched. */
    static Set<String> names(ChangeSet change) {
        Set<String> changed = new HashSet<>(Math.max(16, change.size() * 2));
        for (int i = 0; i < change.size(); i++) {
            changed.add(change.name(i));
        }
        return changed;
    }

    /**
     * As {@link #apply(ChangeSet)}, with the change's cell names already collected. Only rows the
     * browser holds are re-sent, however many cells changed: a value edit of a 100,000-cell sheet
     * re-sends the few dozen rows in view in the same response instead of making the browser fetch
     * its rows again (a second round trip).
     */
    public void apply(ChangeSet change, Set<String> changed) {
        if (!batchGradients.isEmpty() && !change.label().startsWith("train ")) {
            showBatchGradients(Map.of()); // the sheet moved on: those batch gradients no longer apply
        }
        Set<String> previous = flashed;
        flashed = changed;
        flashPart = "flash-" + (change.version() & 1);
        String newObjective = presenter.sheet().objective();
        boolean objectiveChanged = newObjective == null ? objective != null : !newObjective.equals(objective);
        objective = newObjective;
        if (objectiveChanged) {
            updateGradHeader();
        }
        if (change.structural() || objectiveChanged) {
            Cell selected = grid.asSingleSelect().getValue();
            provider.refreshAll();
            String reselect = follow != null ? follow : selected == null ? null : selected.name();
            follow = null;
            if (reselect != null) {
                presenter.cell(reselect).ifPresentOrElse(grid::select, grid::deselectAll);
            }
            return;
        }
        var communicator = grid.getDataCommunicator();
        refreshActive(changed, Set.of(), communicator);
        refreshActive(previous, changed, communicator); // their flash mark goes
    }

    /** Re-sends the rows of {@code names} that the browser holds; the others are fetched fresh when scrolled to. */
    private void refreshActive(Set<String> names, Set<String> skip,
                               com.vaadin.flow.data.provider.DataCommunicator<Cell> communicator) {
        for (String name : names) {
            if (skip.contains(name)) {
                continue;
            }
            // a name-only probe: the data provider identifies rows by name
            if (communicator.isItemActive(new Cell(name, "", "", 0, 0, false, name))) {
                presenter.cell(name).ifPresent(provider::refreshItem);
            }
        }
    }

    private void updateGradHeader() {
        valueColumn.setHeader(header(batchGradients.isEmpty() ? "Value" : "Value (last sample)",
                batchGradients.isEmpty() ? "The cell's value (forward pass); hover a number for all its digits"
                        : "The values of the last sample of the last training batch"));
        String of = objective == null ? "L" : objective;
        gradColumn.setHeader(header("Gradient" + (batchGradients.isEmpty() ? "" : " (last sample)"),
                "d" + of + "/d·: how much " + of + " changes per unit change of the cell (red: " + of
                        + " rises with it, blue: it falls)" + (batchGradients.isEmpty() ? "" : "; for the last sample")));
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
        if (flashed.contains(c.name())) {
            parts.append(flashPart);
        }
        String s = parts.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The local derivative a cell's gradient is built from: for one user, {@code ∂f/∂q = -4};
     * for several, how many; for the objective, 1.
     */
    String localDerivative(Cell c) {
        if (c.name().equals(objective)) {
            return "objective";
        }
        GradientExplanation why = presenter.sheet().explain(c.name());
        List<GradientExplanation.Term> terms = why.terms();
        if (terms.isEmpty()) {
            return "";
        }
        if (terms.size() == 1) {
            GradientExplanation.Term t = terms.get(0);
            return "∂" + t.user() + "/∂" + c.name() + " = " + Format.readable(t.local());
        }
        return "Σ over " + terms.size() + " users";
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
