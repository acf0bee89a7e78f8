package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid: what the worked example shows, in-place editing, refusals and live updates. */
class SheetViewTest extends KaribuTestBase {

    static String shown(SheetView view, String name, String column) {
        Grid<Cell> grid = view.cellGrid().grid();
        int row = view.presenter().shared().sheet().indexOf(name);
        return GridKt._getFormatted(grid, row, column);
    }

    @Test
    void newVisitorSeesTheWorkedExample() {
        SheetView view = openStart();
        Grid<Cell> grid = view.cellGrid().grid();
        assertThat(GridKt._size(grid)).isEqualTo(7);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("sheet/");
        assertThat(shown(view, "f", "value")).isEqualTo("-12");
        assertThat(shown(view, "f", "formula")).isEqualTo("q * z");
        assertThat(shown(view, "f", "kind")).isEqualTo("mul");
        assertThat(shown(view, "L", "value")).isEqualTo("4");
        assertThat(shown(view, "z", "grad")).isEqualTo("-12");
        assertThat(shown(view, "q", "grad")).isEqualTo("16");
        assertThat(shown(view, "x", "grad")).isEqualTo("16");
        assertThat(shown(view, "q", "local")).isEqualTo("∂f/∂q = -4");
        // a short header, so nothing is cut at 800 px; the rest in its tooltip
        assertThat(view.cellGrid().headerText("grad")).isEqualTo("Gradient");
        assertThat(view.cellGrid().headerTooltip("grad")).startsWith("dL/d·: how much L changes");
        assertThat(view.toolbar().objective.getValue()).isEqualTo("L");
    }

    @Test
    void gradientColourScaleAndExactNumbersOnHover() {
        SheetView view = openStart();
        assertThat(Format.gradBucket(16)).isEqualTo("grad-pos-5");
        assertThat(Format.gradBucket(-12)).isEqualTo("grad-neg-5");
        assertThat(Format.gradBucket(0.05)).isEqualTo("grad-pos-2");
        assertThat(Format.gradBucket(0)).isNull();
        Grid<Cell> grid = view.cellGrid().grid();
        Cell z = view.cell("z");
        assertThat(grid.getColumnByKey("grad").getTooltipGenerator().apply(z)).isEqualTo("dL/dz = -12");
        view.presenter().shared().sheet().setValue("x", 1.0 / 3);
        roundtrip();
        assertThat(shown(view, "x", "value")).isEqualTo("0.333333");
        assertThat(grid.getColumnByKey("value").getTooltipGenerator().apply(view.cell("x")))
                .isEqualTo("x = " + Format.exact(1.0 / 3));
        assertThat(shown(view, "x", "formula")).isEqualTo("input(0.333333)");
        assertThat(grid.getColumnByKey("formula").getTooltipGenerator().apply(view.cell("x")))
                .isEqualTo("input(" + Format.exact(1.0 / 3) + ")");
        view.cellGrid().edit(view.cell("x"), "formula");
        roundtrip();
        assertThat(view.cellGrid().editor.formulaField.getValue()).isEqualTo("input(" + Format.exact(1.0 / 3) + ")");
        assertThat(view.cellGrid().editor.valueField.getValue()).isEqualTo(Format.exact(1.0 / 3));
    }

    @Test
    void editingZInTheGridUpdatesEveryGradient() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        int zRow = view.presenter().shared().sheet().indexOf("z");
        GridKt._clickItem(cells.grid(), zRow, cells.grid().getColumnByKey("value"), 1, false, false, false, false);
        roundtrip();
        ClassroomTest.typeOnCell(cells, "Enter", zRow); // a click selects; Enter edits
        roundtrip();
        assertThat(cells.grid().getEditor().isOpen()).isTrue();
        assertThat(cells.editing().name()).isEqualTo("z");
        assertThat(cells.editor.valueField.getValue()).isEqualTo("-4");
        assertThat(cells.editor.valueField.isReadOnly()).isFalse();

        cells.editor.valueField.setValue("-3");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ENTER);
        roundtrip();

        assertThat(cells.grid().getEditor().isOpen()).isFalse();
        assertThat(view.presenter().shared().sheet().value("z")).isEqualTo(-3.0);
        // f = 3·(-3) = -9, L = 1, dL/df = 2, dL/dq = 2·(-3) = -6, dL/dz = 2·3 = 6
        assertThat(shown(view, "z", "value")).isEqualTo("-3");
        assertThat(shown(view, "f", "value")).isEqualTo("-9");
        assertThat(shown(view, "L", "value")).isEqualTo("1");
        assertThat(shown(view, "f", "grad")).isEqualTo("2");
        assertThat(shown(view, "q", "grad")).isEqualTo("-6");
        assertThat(shown(view, "z", "grad")).isEqualTo("6");
        assertThat(shown(view, "x", "grad")).isEqualTo("-6");
        assertThat(view.cellPanel().shown()).isEqualTo("q"); // Enter moved the selection one row down
    }

    @Test
    void escapeCancelsAndSheetStaysAsItWas() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        long version = view.presenter().shared().sheet().version();
        cells.edit(view.cell("z"), "value");
        roundtrip();
        cells.editor.valueField.setValue("100");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ESCAPE);
        roundtrip();
        assertThat(cells.grid().getEditor().isOpen()).isFalse();
        assertThat(view.presenter().shared().sheet().value("z")).isEqualTo(-4.0);
        assertThat(view.presenter().shared().sheet().version()).isEqualTo(version);
    }

    @Test
    void enterOnARowStartsEditingIt() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        cells.select("q");
        roundtrip();
        ClassroomTest.typeOnCell(cells, "Enter", -1);
        roundtrip();
        assertThat(cells.editing()).isNotNull();
        assertThat(cells.editing().name()).isEqualTo("q");
        assertThat(cells.editor.formulaField.getValue()).isEqualTo("x + y");
        assertThat(cells.editor.valueField.isReadOnly()).isTrue();
    }

    @Test
    void tabMovesToTheNextFieldThenCommitsAndMovesToTheNextRow() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        cells.edit(view.cell("z"), "formula");
        roundtrip();
        ShortcutsKt._fireShortcut(cells.editor.formulaField, Key.TAB);
        roundtrip();
        assertThat(cells.editing().name()).isEqualTo("z");
        cells.editor.valueField.setValue("-2");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.TAB);
        roundtrip();
        assertThat(view.presenter().shared().sheet().value("z")).isEqualTo(-2.0);
        assertThat(cells.editing().name()).isEqualTo("q");
        assertThat(cells.grid().getEditor().isOpen()).isTrue();
    }

    @Test
    void refusedFormulaIsExplainedNextToTheFieldAndChangesNothing() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        Sheet sheet = view.presenter().shared().sheet();
        long version = sheet.version();
        cells.edit(view.cell("q"), "formula");
        roundtrip();
        cells.editor.formulaField.setValue("x + nope");
        ShortcutsKt._fireShortcut(cells.editor.formulaField, Key.ENTER);
        roundtrip();
        assertThat(cells.editor.formulaField.isInvalid()).isTrue();
        assertThat(cells.editor.formulaField.getErrorMessage()).contains("nope");
        assertThat(view.editError.getText()).startsWith("q: ").contains("nope");
        assertThat(cells.grid().getEditor().isOpen()).isTrue();
        assertThat(sheet.version()).isEqualTo(version);
        assertThat(sheet.cell("q").orElseThrow().formula()).isEqualTo("x + y");

        // a cycle is refused too
        cells.editor.formulaField.setValue("f + 1");
        ShortcutsKt._fireShortcut(cells.editor.formulaField, Key.ENTER);
        roundtrip();
        assertThat(cells.editor.formulaField.getErrorMessage()).contains("cycle");
        assertThat(sheet.version()).isEqualTo(version);

        // then a good formula commits
        cells.editor.formulaField.setValue("x - y");
        ShortcutsKt._fireShortcut(cells.editor.formulaField, Key.ENTER);
        roundtrip();
        assertThat(cells.grid().getEditor().isOpen()).isFalse();
        assertThat(shown(view, "q", "value")).isEqualTo("-7");
        assertThat(view.editError.getText()).isEmpty();
    }

    @Test
    void notANumberIsRefusedNextToTheValueField() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        long version = view.presenter().shared().sheet().version();
        cells.edit(view.cell("x"), "value");
        roundtrip();
        cells.editor.valueField.setValue("abc");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ENTER);
        roundtrip();
        assertThat(cells.editor.valueField.isInvalid()).isTrue();
        assertThat(cells.editor.valueField.getErrorMessage()).isEqualTo("'abc' is not a number");
        assertThat(view.presenter().shared().sheet().version()).isEqualTo(version);
        // the typographic minus is fine
        cells.editor.valueField.setValue("−1.5");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ENTER);
        roundtrip();
        assertThat(view.presenter().shared().sheet().value("x")).isEqualTo(-1.5);
    }

    @Test
    void renameInTheGridAndRefusedDuplicateName() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        Sheet sheet = view.presenter().shared().sheet();
        cells.edit(view.cell("q"), "name");
        roundtrip();
        cells.editor.nameField.setValue("z");
        ShortcutsKt._fireShortcut(cells.editor.nameField, Key.ENTER);
        roundtrip();
        assertThat(cells.editor.nameField.getErrorMessage()).isEqualTo("a cell named z already exists");
        assertThat(sheet.cell("q")).isPresent();
        cells.editor.nameField.setValue("s");
        ShortcutsKt._fireShortcut(cells.editor.nameField, Key.ENTER);
        roundtrip();
        assertThat(shown(view, "f", "formula")).isEqualTo("s * z");
        assertThat(shown(view, "s", "grad")).isEqualTo("16");
    }

    @Test
    void generatedCellsAreReadOnlyInTheEditor() {
        SheetView view = openStart();
        view.presenter().shared().sheet().addCell("h", "sigmoid(x * z + y)");
        roundtrip();
        CellGrid cells = view.cellGrid();
        Cell generated = view.presenter().shared().sheet().cells().stream().filter(Cell::generated).findFirst().orElseThrow();
        cells.edit(generated, null);
        roundtrip();
        assertThat(cells.editor.nameField.isReadOnly()).isTrue();
        assertThat(cells.editor.formulaField.isReadOnly()).isTrue();
        assertThat(cells.editor.valueField.isReadOnly()).isTrue();
        cells.cancel();
        cells.select(generated.name());
        roundtrip();
        assertThat(view.cellPanel().stepHint.getText())
                .isEqualTo(generated.name() + " is a step of h's formula: edit h instead.");
        assertThat(view.cellPanel().delete.isEnabled()).isFalse();
        cells.select("q");
        roundtrip();
        assertThat(view.cellPanel().stepHint.getText()).isEmpty();
        assertThat(view.cellPanel().delete.isEnabled()).isTrue();
    }

    @Test
    void editsFromAnotherTabArriveLiveAndAreMarked() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        // another tab on the same link edits the shared sheet
        sheet.setValue("z", -3);
        roundtrip();
        assertThat(shown(view, "q", "grad")).isEqualTo("-6");
        assertThat(shown(view, "f", "value")).isEqualTo("-9");
        Grid<Cell> grid = view.cellGrid().grid();
        String part = grid.getPartNameGenerator().apply(view.cell("f"));
        assertThat(part).startsWith("flash-");
        assertThat(view.graph().picture().node("f").label()).isEqualTo("f = -9\ngrad 2");
        assertThat(view.toolbar().undo.isEnabled()).isTrue();
        assertThat(((com.vaadin.flow.component.html.Span) findById(view, "status")).getText()).isEqualTo("L = 1");
        assertThat(((com.vaadin.flow.component.html.Span) findById(view, "cell-count")).getText()).isEqualTo("7 cells");
    }

    static com.vaadin.flow.component.Component findById(SheetView view, String id) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.Component.class,
                spec -> spec.withId(id));
    }

    @Test
    void undoAndRedoWithButtonsAndKeys() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        view.sgdPanel().apply.click();
        roundtrip();
        assertThat(sheet.value("z")).isEqualTo(-3.88);
        assertThat(view.toolbar().undo.getTooltip().getText()).startsWith("Undo SGD step");
        view.toolbar().undo.click();
        roundtrip();
        assertThat(shown(view, "z", "value")).isEqualTo("-4");
        assertThat(view.toolbar().redo.isEnabled()).isTrue();
        view.toolbar().redo.click();
        roundtrip();
        assertThat(shown(view, "z", "value")).isEqualTo("-3.88");
        pressUndoKeys("z", false);
        roundtrip();
        assertThat(shown(view, "z", "value")).isEqualTo("-4");
        pressUndoKeys("Z", true);
        roundtrip();
        assertThat(shown(view, "z", "value")).isEqualTo("-3.88");
        pressUndoKeys("z", false);
        pressUndoKeys("y", false);
        roundtrip();
        assertThat(shown(view, "z", "value")).isEqualTo("-3.88");
        assertThat(shown(view, "f", "value")).isEqualTo("-11.64");
    }

    /** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y as the browser reports them (filter passed). */
    static void pressUndoKeys(String key, boolean shift) {
        elemental.json.JsonObject data = elemental.json.Json.createObject();
        data.put(SheetView.UNDO_KEYS, true);
        data.put("event.shiftKey", shift);
        data.put("event.key", key);
        com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent(UI.getCurrent(), "keydown", data);
    }

    static TextField field(String id) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(TextField.class, spec -> spec.withId(id));
    }
}
