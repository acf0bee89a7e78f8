package dev.gradsheet.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.ui.common.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Editing a cell in the grid: its name, formula and (for inputs and weights) value in fields in the
 * row. Enter commits and moves one row down with the keyboard still in the grid, Esc cancels, Tab
 * moves to the next field or row; a key typed on a selected cell replaces its content. A refused edit
 * shows its message under its field (and to the sheet view) and leaves the sheet unchanged.
 */
final class CellEditor {
    final TextField nameField = editorField("name");
    final TextField formulaField = editorField("formula");
    final TextField valueField = editorField("value");
    private final Grid<Cell> grid;
    private final SheetPresenter presenter;
    private final ShownRows rows;
    private final GridKeyboard keyboard;
    /** Told each refusal (cell, message), and null, null when the refusal is over. */
    private final BiConsumer<String, String> refused;
    /** Told the new name of a renamed cell, to select after the grid reloads (null: none). */
    private final Consumer<String> follow;
    private Cell editing;
    /** The field a typed key opened, while the editor is open on it. */
    private TextField typingInto;
    /** Re-sends the row an editor last closed on, at the next round trip (see {@link #refreshAfterFlush}). */
    private Runnable staleRow;

    CellEditor(Grid<Cell> grid, SheetPresenter presenter, ShownRows rows, GridKeyboard keyboard,
               BiConsumer<String, String> refused, Consumer<String> follow) {
        this.grid = grid;
        this.presenter = presenter;
        this.rows = rows;
        this.keyboard = keyboard;
        this.refused = refused;
        this.follow = follow;
        Editor<Cell> editor = grid.getEditor();
        editor.setBinder(new Binder<>());
        editor.setBuffered(false);
        grid.getColumnByKey("name").setEditorComponent(nameField);
        grid.getColumnByKey("formula").setEditorComponent(formulaField);
        grid.getColumnByKey("value").setEditorComponent(valueField);
        // edit() fills the fields at once (keys typed right after may arrive before this event);
        // this covers an editor opened any other way.
        editor.addOpenListener(e -> {
            if (editor.isOpen() && !isEditing(e.getItem().name())) {
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

    private static TextField editorField(String id) {
        TextField f = new TextField();
        f.setId("edit-" + id);
        f.setWidthFull();
        f.setValueChangeMode(ValueChangeMode.EAGER);
        f.setAriaLabel(id); // the input's own name, not the host's
        return f;
    }

    /** The cell being edited, or null. */
    Cell editing() {
        return editing;
    }

    /** Whether the editor is open on cell {@code name}. */
    boolean isEditing(String name) {
        return editing != null && editing.name().equals(name);
    }

    /**
     * A key pressed on a selected cell: Enter or F2 edits it (caret at the end); a printable key
     * starts editing with that key replacing the content. Keys typed before the editor field had the
     * focus arrive here too and are added to what was typed.
     */
    void key(String key, int row) {
        Cell cell = row >= 0 ? presenter.cellAt(row).orElse(null) : grid.asSingleSelect().getValue();
        if (cell == null) {
            return;
        }
        boolean printable = key.length() == 1;
        if ("Enter".equals(key) && isEditing(cell.name())) {
            commitAndClose(); // Enter typed before the editor field had the focus
            return;
        }
        if (printable && isEditing(cell.name()) && typingInto != null) {
            typingInto.setValue(typingInto.getValue() + key); // typed before the field had the focus
            return;
        }
        grid.select(cell);
        edit(cell, keyboard.focusedKey(), printable ? key : null);
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
    void edit(Cell cell, String key) {
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
            List<TextField> fields = editableFields(c);
            return fields.isEmpty() ? null : fields.get(0);
        }
        return switch (key) {
            case "name" -> c.generated() ? (c.isEditableValue() ? valueField : null) : nameField;
            case "formula" -> c.generated() ? (c.isEditableValue() ? valueField : null) : formulaField;
            default -> c.isEditableValue() ? valueField : c.generated() ? null : formulaField;
        };
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

    /** Esc: closes the editor, dropping what was typed; the keyboard stays on the cell. */
    void cancel() {
        String name = editing == null ? null : editing.name();
        grid.getEditor().cancel();
        if (name != null) {
            refreshAfterFlush(name, name);
            keyboard.focusCell(presenter.indexOf(name));
        }
    }

    /**
     * Enter: applies what was typed; unless the sheet refused it, the editor closes and the selection
     * moves one row down, with the keyboard focus kept in the grid.
     */
    void commitAndClose() {
        if (editing != null && commit()) {
            String current = !nameField.getValue().isBlank() ? nameField.getValue().strip() : editing.name();
            closeEditor();
            int index = presenter.indexOf(current);
            int below = index + 1 < presenter.size() ? index + 1 : index;
            presenter.cellAt(below).ifPresent(c -> {
                follow.accept(null);
                grid.select(c);
            });
            keyboard.focusCell(below);
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
        Runnable refresh = () -> rows.refresh(name, orName);
        grid.getUI().ifPresentOrElse(ui -> {
            ui.beforeClientResponse(grid, ctx -> refresh.run());
            // An editor opened and closed within one round trip (keys typed fast: "-3⏎") may send its
            // stale snapshot after that; the next round trip (the focus moving on) sends the row again.
            staleRow = refresh;
        }, refresh);
    }

    /** The focus moved on: the row an editor last closed on is sent once more (see {@link #refreshAfterFlush}). */
    void resendStaleRow() {
        if (staleRow != null) {
            staleRow.run();
            staleRow = null;
        }
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
        int index = presenter.indexOf(current);
        List<Cell> next = presenter.cells(index + 1, presenter.size());
        next.stream().filter(c -> !editableFields(c).isEmpty()).findFirst().ifPresent(c -> {
            grid.select(c);
            grid.scrollToIndex(presenter.indexOf(c.name()));
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
            follow.accept(nameField.getValue().strip());
        }
        return true;
    }

    private boolean refuse(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
        refused.accept(editing == null ? "" : editing.name(), message);
        return false;
    }

    private void clearErrors() {
        for (TextField f : List.of(nameField, formulaField, valueField)) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        refused.accept(null, null);
    }
}
