package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.ui.train.TemplateDialog;
import dev.gradsheet.train.Templates;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The web sheet, ready for a class: what students tripped over in a first class, a section per problem. */
class ClassroomTest extends KaribuTestBase {

    private static String shown(SheetView view, String name, String column) {
        return SheetViewTest.shown(view, name, column);
    }

    private SheetView openSheet(String text) throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(text, "test.sheet"));
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        return _get(SheetView.class);
    }

    // ---- the objective changes only when the person says so -------------------------------------

    @Test
    void addingACellKeepsTheObjectiveAndTheLessonsGradients() {
        SheetView view = openStart();
        AddCellForm form = view.addForm();
        form.name.setValue("scratch");
        form.formula.setValue("x * 2");
        form.add.click();
        roundtrip();
        Sheet sheet = view.presenter().shared().sheet();
        assertThat(sheet.cell("scratch")).isPresent();
        assertThat(sheet.objective()).isEqualTo("L");
        assertThat(shown(view, "z", "grad")).isEqualTo("-12");
        assertThat(shown(view, "x", "grad")).isEqualTo("16");
        assertThat(shown(view, "scratch", "grad")).isEqualTo("0");
        assertThat(form.notice.getText()).isEmpty();
        assertThat(view.toolbar().objective.getValue()).isEqualTo("L");
        assertThat(((com.vaadin.flow.component.html.Span) SheetViewTest.findById(view, "status")).getText())
                .isEqualTo("L = 4");
        // saved files always name the objective, so reloading never picks another one
        assertThat(view.presenter().sheetText()).contains("@objective = L\n").endsWith("scratch = x * 2\n");
    }

    @Test
    void anEmptySheetsObjectiveFollowsTheNewestFormulaUntilOneIsPickedAndSaysSoOnce() throws Exception {
        SheetView view = openSheet("");
        assertThat(((com.vaadin.flow.component.html.Span) SheetViewTest.findById(view, "status")).getText())
                .isEqualTo("none yet");
        AddCellForm form = view.addForm();
        form.name.setValue("x");
        form.formula.setValue("input(3)");
        form.add.click();
        assertThat(view.presenter().shared().sheet().objective()).isNull();
        assertThat(form.notice.getText()).isEmpty();
        form.name.setValue("p");
        form.formula.setValue("x * x");
        form.add.click();
        roundtrip();
        assertThat(view.presenter().shared().sheet().objective()).isEqualTo("p");
        assertThat(form.notice.getText()).startsWith("p is the objective now. Until you pick one, the objective follows");
        assertThat(((com.vaadin.flow.component.html.Span) SheetViewTest.findById(view, "status")).getText())
                .isEqualTo("p = 9");
        assertThat(shown(view, "x", "grad")).isEqualTo("6");
        form.name.setValue("p2");
        form.formula.setValue("p + 1");
        form.add.click();
        roundtrip();
        // nobody picked p: the newest formula takes the objective over, and the form said so once already
        assertThat(view.presenter().shared().sheet().objective()).isEqualTo("p2");
        assertThat(form.notice.getText()).isEmpty(); // the message went with the next action
        assertThat(((com.vaadin.flow.component.html.Span) SheetViewTest.findById(view, "status")).getText())
                .isEqualTo("p2 = 10");
        // picked: it stays
        view.toolbar().objective.setValue("p");
        roundtrip();
        form.name.setValue("p3");
        form.formula.setValue("p2 * 2");
        form.add.click();
        roundtrip();
        assertThat(view.presenter().shared().sheet().objective()).isEqualTo("p");
    }

    // ---- spreadsheet editing in the grid --------------------------------------------------------

    @Test
    void clickSelectsTypingReplacesEnterCommitsAndMovesDown() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        Grid<Cell> grid = cells.grid();
        int zRow = view.presenter().shared().sheet().indexOf("z");
        GridKt._clickItem(grid, zRow, grid.getColumnByKey("value"), 1, false, false, false, false);
        roundtrip();
        assertThat(cells.selectedName()).isEqualTo("z");
        assertThat(grid.getEditor().isOpen()).isFalse(); // a click selects; it does not edit
        // typing on the selected cell replaces its content: "-" then "3" (both before the field had focus)
        typeOnCell(cells, "-", zRow);
        typeOnCell(cells, "3", zRow);
        roundtrip();
        assertThat(grid.getEditor().isOpen()).isTrue();
        assertThat(cells.editor.valueField.getValue()).isEqualTo("-3");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ENTER);
        roundtrip();
        assertThat(view.presenter().shared().sheet().value("z")).isEqualTo(-3.0);
        assertThat(shown(view, "z", "grad")).isEqualTo("6");
        assertThat(grid.getEditor().isOpen()).isFalse();
        assertThat(cells.selectedName()).isEqualTo("q"); // one row down
    }

    @Test
    void enterAndF2EditTheSelectedCellKeepingItsContentAndEscCancels() {
        SheetView view = openStart();
        CellGrid cells = view.cellGrid();
        int yRow = view.presenter().shared().sheet().indexOf("y");
        cells.select("y");
        roundtrip();
        typeOnCell(cells, "F2", yRow);
        roundtrip();
        assertThat(cells.editing().name()).isEqualTo("y");
        assertThat(cells.editor.valueField.getValue()).isEqualTo("5"); // kept: the caret goes to the end
        cells.editor.valueField.setValue("57");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ESCAPE);
        roundtrip();
        assertThat(cells.grid().getEditor().isOpen()).isFalse();
        assertThat(view.presenter().shared().sheet().value("y")).isEqualTo(5.0);
        assertThat(cells.selectedName()).isEqualTo("y");
        typeOnCell(cells, "Enter", -1); // the selected row
        roundtrip();
        assertThat(cells.editing().name()).isEqualTo("y");
        assertThat(cells.editor.valueField.getValue()).isEqualTo("5");
        cells.editor.valueField.setValue("6");
        ShortcutsKt._fireShortcut(cells.editor.valueField, Key.ENTER);
        roundtrip();
        assertThat(view.presenter().shared().sheet().value("y")).isEqualTo(6.0);
        assertThat(cells.selectedName()).isEqualTo("z");
    }

    /** A key pressed on a grid cell as the browser reports it ("gs-key", from {@link GridKeyboard#KEYS_JS}). */
    static void typeOnCell(CellGrid cells, String key, int row) {
        elemental.json.JsonObject data = elemental.json.Json.createObject();
        data.put("event.detail.key", key);
        data.put("event.detail.row", row);
        BasicUtilsKt._fireDomEvent(cells.grid(), "gs-key", data);
    }

    // ---- input or weight ------------------------------------------------------------------------

    @Test
    void aBareNumberAsksInputOrWeightAndTheGridSwitchesKindsAsOneUndoableEdit() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        AddCellForm form = view.addForm();
        form.name.setValue("w0");
        form.formula.setValue("2");
        form.add.click();
        assertThat(sheet.cell("w0")).isEmpty(); // not yet: it asks first
        assertThat(form.kindRow.isVisible()).isTrue();
        assertThat(form.kindQuestion.getText()).isEqualTo("w0 = 2 is a number. Is it");
        form.asWeight.click();
        roundtrip();
        assertThat(sheet.cell("w0").orElseThrow().kind()).isEqualTo("weight");
        assertThat(sheet.weights()).contains("w0");
        assertThat(form.kindRow.isVisible()).isFalse();

        form.name.setValue("x0");
        form.formula.setValue("−1.5");
        form.add.click();
        form.asInput.click();
        roundtrip();
        assertThat(sheet.cell("x0").orElseThrow().formula()).isEqualTo("input(-1.5)");

        // the grid's switch: z (a weight) becomes an input, SGD then has only w0; undo brings it back
        view.cellGrid().switchKind(view.cell("z"));
        roundtrip();
        assertThat(shown(view, "z", "kind")).isEqualTo("input⇄");
        assertThat(sheet.value("z")).isEqualTo(-4.0);
        assertThat(sheet.weights()).doesNotContain("z");
        assertThat(view.toolbar().undo.getText()).isEqualTo("Undo make z an input");
        view.toolbar().undo.click();
        roundtrip();
        assertThat(sheet.cell("z").orElseThrow().kind()).isEqualTo("weight");
        assertThat(sheet.value("z")).isEqualTo(-4.0);
        // computed cells have no switch and cannot be switched
        view.cellGrid().switchKind(view.cell("q"));
        roundtrip();
        assertThat(view.editError.getText()).startsWith("q: q is computed by its formula");
        assertThat(sheet.cell("q").orElseThrow().kind()).isEqualTo("add");
    }

    // ---- a message goes with the next action ----------------------------------------------------

    @Test
    void aRefusalGoesWithTheNextActionAndAStepResultWithTheNextEdit() {
        SheetView view = openStart();
        view.cellGrid().select("q");
        roundtrip();
        view.cellPanel().delete.click();
        assertThat(view.cellPanel().actionError.getText()).isEqualTo("cannot delete q: used by f");
        view.sgdPanel().apply.click();
        roundtrip();
        assertThat(view.cellPanel().actionError.getText()).isEmpty();
        assertThat(view.sgdPanel().result.getText()).isEqualTo("1 step at lr 0.01: L 4 → 2.6896");
        // an edit in another tab makes the step's result stale too
        view.presenter().shared().sheet().setValue("x", 0);
        roundtrip();
        assertThat(view.sgdPanel().result.getText()).isEmpty();
        // a refused in-place edit is cleared by the next action (here: undo)
        view.cellGrid().edit(view.cell("x"), "value");
        roundtrip();
        view.cellGrid().editor.valueField.setValue("abc");
        ShortcutsKt._fireShortcut(view.cellGrid().editor.valueField, Key.ENTER);
        roundtrip();
        assertThat(view.editError.getText()).isEqualTo("x: 'abc' is not a number");
        view.cellGrid().cancel();
        view.toolbar().undo.click();
        roundtrip();
        assertThat(view.editError.getText()).isEmpty();
    }

    // ---- a refused upload clears itself ---------------------------------------------------------

    @Test
    void aRefusedUploadClearsItselfAndTheNextOneIsRead() {
        SheetView view = openStart();
        SheetToolbar toolbar = view.toolbar();
        elemental.json.JsonArray files = elemental.json.Json.createArray();
        elemental.json.JsonObject file = elemental.json.Json.createObject();
        file.put("name", "big.sheet");
        files.set(0, file);
        toolbar.upload.getElement().setPropertyJson("files", files);
        ComponentUtil.fireEvent(toolbar.upload, new FileRejectedEvent(toolbar.upload, "File is Too Big.", "big.sheet"));
        assertThat(BasicUtilsKt.get_textRecursively(toolbar.uploadErrors))
                .isEqualTo("big.sheet was not opened: it is larger than 1000 kB. The current sheet is unchanged.");
        assertThat(((elemental.json.JsonValue) toolbar.upload.getElement().getPropertyRaw("files")).toJson()).isEqualTo("[]");
        UploadKt._upload(toolbar.upload, "mine.sheet", "text/plain",
                "a = weight(2)\nb = a * a\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        SheetView opened = _get(SheetView.class);
        assertThat(opened.presenter().shared().sheet().cell("b")).isPresent();
        assertThat(opened.presenter().shared().sheet().objective()).isEqualTo("b");
    }

    // ---- words for a first-year student and a "start here" --------------------------------------

    @Test
    void wordsSayWhatTheyMean() throws Exception {
        SheetView view = openSheet("x = input(2)\nf = (x + 1) * x\ng = x * 3\nL = f + g\n");
        Grid<Cell> grid = view.cellGrid().grid();
        assertThat(BasicUtilsKt.get_textRecursively(grid.getColumnByKey("local").getHeaderComponent())).isEqualTo("Local ∂");
        assertThat(shown(view, "x", "local")).isEqualTo("sum over 3 cells using it");
        assertThat(shown(view, "g", "local")).isEqualTo("∂L/∂g = 1");
        assertThat(view.graphPage().showSteps.getLabel()).isEqualTo("Show formula steps (f.1, f.2, …) in the graph");

        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.open();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<TemplateDialog.Kind> kinds =
                _get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class, s -> s.withId("template-kind"));
        for (TemplateDialog.Kind k : TemplateDialog.Kind.values()) {
            assertThat(kinds.getItemLabelGenerator().apply(k)).doesNotContain("item");
        }
        assertSigmoidOutput(dialog, Templates.Loss.CROSS_ENTROPY, true, false);
        assertSigmoidOutput(dialog, Templates.Loss.MSE, true, true);
        com.vaadin.flow.component.checkbox.Checkbox box = _get(com.vaadin.flow.component.checkbox.Checkbox.class,
                s -> s.withId("template-sigmoid-output"));
        box.setValue(false);
        assertSigmoidOutput(dialog, Templates.Loss.CROSS_ENTROPY, true, false);
        assertSigmoidOutput(dialog, Templates.Loss.MSE, false, true); // the person's MSE choice comes back
        dialog.close();

        UI.getCurrent().navigate("lesson/activations");
        roundtrip();
        assertThat(BasicUtilsKt.get_textRecursively(_get(dev.gradsheet.ui.train.ActivationsView.class)))
                .doesNotContain("(item").contains("cannot learn");
    }

    @SuppressWarnings("unchecked")
    private static void assertSigmoidOutput(TemplateDialog dialog, Templates.Loss loss, boolean ticked, boolean enabled) {
        com.vaadin.flow.component.combobox.ComboBox<Templates.Loss> lossBox =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, s -> s.withId("template-loss"));
        lossBox.setValue(loss);
        com.vaadin.flow.component.checkbox.Checkbox box = _get(com.vaadin.flow.component.checkbox.Checkbox.class,
                s -> s.withId("template-sigmoid-output"));
        assertThat(box.getValue()).as("ticked with " + loss).isEqualTo(ticked);
        assertThat(box.isEnabled()).as("enabled with " + loss).isEqualTo(enabled);
        assertThat(box.getLabel()).contains(loss == Templates.Loss.MSE ? "0 and 1" : "always, for cross-entropy");
    }

    @Test
    void anEmptySheetShowsStartHereWithOneClickStartingPoints() throws Exception {
        SheetView view = openSheet("");
        StartGuide guide = _get(StartGuide.class);
        assertThat(guide.isVisible()).isTrue();
        assertThat(guide.getElement().getTextRecursively()).contains("Start here");
        guide.fill.click();
        roundtrip();
        Sheet sheet = view.presenter().shared().sheet();
        assertThat(sheet.names()).containsExactly("x", "w", "p");
        assertThat(sheet.objective()).isEqualTo("p");
        assertThat(sheet.grad("w")).isEqualTo(2.0);
        assertThat(guide.isVisible()).isFalse();
        assertThat(view.addForm().notice.getText()).startsWith("p is the objective now");

        SheetView empty = openSheet("");
        String before = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        _get(StartGuide.class).worked.click();
        roundtrip();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isNotEqualTo(before);
        assertThat(_get(SheetView.class).presenter().shared().sheet().objectiveValue()).isEqualTo(4.0);
        assertThat(empty.presenter().shared().sheet().names()).containsExactly("x", "y", "z", "q", "f", "t", "L");
    }

    // ---- one shared history, with named undo and redo -------------------------------------------

    @Test
    void undoAndRedoNameTheirEditAndOtherTabsAreToldOfAnUndo() {
        SheetView view = openStart();
        SheetToolbar toolbar = view.toolbar();
        assertThat(toolbar.undo.getText()).isEqualTo("Undo");
        assertThat(toolbar.undo.isEnabled()).isFalse();
        view.sgdPanel().apply.click();
        roundtrip();
        assertThat(toolbar.undo.getText()).isEqualTo("Undo SGD step (lr 0.01)");
        toolbar.undo.click();
        roundtrip();
        assertThat(toolbar.redo.getText()).isEqualTo("Redo SGD step (lr 0.01)");
        assertThat(toolbar.undo.getText()).isEqualTo("Undo");
        NotificationsKt.expectNoNotifications(); // this tab's own undo: nothing to tell
        toolbar.redo.click();
        roundtrip();
        NotificationsKt.expectNoNotifications();

        // another tab on the link undoes it: this tab is told what was undone
        view.presenter().shared().sheet().undo();
        roundtrip();
        NotificationsKt.expectNotifications(
                "Undone in another tab: SGD step (lr 0.01). Everyone on this link shares one undo history.");
        assertThat(shown(view, "z", "value")).isEqualTo("-4");
        assertThat(toolbar.redo.getText()).isEqualTo("Redo SGD step (lr 0.01)");
    }
}
