package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import static dev.gradsheet.ui.SheetViewTest.shown;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;

/** Practice mode: hidden numbers, the student's answers checked at once, hints in steps, the score. */
class PracticeModeTest extends KaribuTestBase {

    /** The field, mark and hint button of the answer column of {@code cell}. */
    record AnswerCell(TextField field, Span mark, Button hint) {
    }

    static AnswerCell answer(SheetView view, String cell, String column) {
        int row = view.presenter().shared().sheet().indexOf(cell);
        HorizontalLayout box = (HorizontalLayout) GridKt._getCellComponent(view.cellGrid().grid(), row, column);
        return new AnswerCell((TextField) box.getComponentAt(0), (Span) box.getComponentAt(1),
                (Button) box.getComponentAt(2));
    }

    static void type(AnswerCell a, String text) {
        HasValueUtilsKt._setValue(a.field(), text);
        roundtrip();
    }

    /** Whether the grid makes a component for each row's cell of column {@code key}. */
    static boolean componentPerRow(SheetView view, String key) {
        return view.cellGrid().grid().getColumnByKey(key).getRenderer()
                instanceof com.vaadin.flow.data.renderer.ComponentRenderer;
    }

    @Test
    void hiddenAnswerColumnsMakeNoComponentsForTheRows() throws Exception {
        SheetView view = openStart();
        // The grid renders hidden columns too; a component per row and hidden column was
        // made and sent with every refreshed row (a few hundred per edit on a big sheet).
        assertThat(componentPerRow(view, "answer-grad")).isFalse();
        assertThat(componentPerRow(view, "answer-value")).isFalse();

        view.practicePanel().practice.setValue(true);
        roundtrip();
        assertThat(componentPerRow(view, "answer-grad")).isTrue();
        assertThat(componentPerRow(view, "answer-value")).isFalse(); // practice hides gradients only
        assertThat(answer(view, "q", "answer-grad").field().getValue()).isEmpty();

        view.practicePanel().practice.setValue(false);
        roundtrip();
        assertThat(componentPerRow(view, "answer-grad")).isFalse();
    }

    @Test
    void theGraphKeepsHiddenNumbersHiddenAfterAnEditAndShowsThemAfterPractice() throws Exception {
        SheetView view = openStart();
        view.practicePanel().practice.setValue(true);
        roundtrip();
        view.presenter().setValue("z", "-3"); // every node's label is sent again
        roundtrip();
        assertThat(view.graph().picture().node("q").label()).isEqualTo("q = 3\ngrad ?");
        assertThat(view.graph().picture().node("q").classes()).doesNotContain("gpos").doesNotContain("gneg");
        assertThat(view.graph().picture().node("z").label()).isEqualTo("z = -3\ngrad ?"); // a weight's too: homework asks for it
        assertThat(view.graph().picture().node("L").label()).isEqualTo("L = 1\ngrad 1"); // the objective's is 1 by definition

        view.practicePanel().practice.setValue(false);
        roundtrip();
        assertThat(view.graph().picture().node("q").label()).isEqualTo("q = 3\ngrad -6"); // 2(f − t)·z
        assertThat(view.graph().picture().node("q").classes()).contains("gneg");
    }

    @Test
    void practiceHidesGradientsChecksAnswersAndOffersHintsInSteps() throws Exception {
        SheetView view = openStart();
        PracticePanel panel = view.practicePanel();
        assertThat(shown(view, "q", "grad")).isEqualTo("16");
        assertThat(view.cellGrid().grid().getColumnByKey("answer-grad").isVisible()).isFalse();

        panel.practice.setValue(true);
        roundtrip();
        assertThat(shown(view, "q", "grad")).isEqualTo("?");
        assertThat(shown(view, "q", "local")).isEqualTo("?");
        assertThat(shown(view, "f", "grad")).isEqualTo("?");
        assertThat(shown(view, "f", "value")).isEqualTo("-12");       // only gradients are hidden
        assertThat(shown(view, "z", "grad")).isEqualTo("?");          // inputs' and weights' too: dL/dz is the homework
        assertThat(shown(view, "x", "grad")).isEqualTo("?");
        assertThat(shown(view, "L", "grad")).isEqualTo("1");          // the objective's is 1 by definition: not asked
        assertThat(view.cellGrid().grid().getColumnByKey("answer-grad").isVisible()).isTrue();
        assertThat(view.cellPanel().isVisible()).isFalse();           // "Why this gradient?" would tell
        assertThat(view.graph().picture().node("q").label()).isEqualTo("q = 3\ngrad ?");
        assertThat(view.graph().picture().node("z").label()).isEqualTo("z = -4\ngrad ?");
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 6 right"); // x, y, z, q, f and t: every hidden gradient

        AnswerCell q = answer(view, "q", "answer-grad");
        type(q, "-16");
        assertThat(q.mark().getText()).isEqualTo("✗");
        assertThat(q.mark().getElement().getAttribute("aria-label")).isEqualTo("not right yet"); // what a screen reader says
        assertThat(q.hint().isVisible()).isTrue();
        ButtonKt._click(q.hint());
        assertThat(panel.hint.getText()).isEqualTo(
                "Hint 1 of 3 for the gradient of q: q feeds f: × multiplies it by the other input.");
        ButtonKt._click(q.hint());
        assertThat(panel.hint.getText()).isEqualTo(
                "Hint 2 of 3 for the gradient of q: The upstream gradient: dL/df = -4.");
        ButtonKt._click(q.hint());
        assertThat(panel.hint.getText()).isEqualTo(
                "Hint 3 of 3 for the gradient of q: dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16");
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 6 right");

        type(q, "16");
        assertThat(q.mark().getText()).isEqualTo("✓");
        assertThat(q.mark().getElement().getAttribute("aria-label")).isEqualTo("right (within tolerance)");
        assertThat(q.hint().isVisible()).isFalse();
        AnswerCell f = answer(view, "f", "answer-grad");
        type(f, "-4.003"); // within the default tolerance 1e-3 * 4
        assertThat(f.mark().getText()).isEqualTo("✓");
        assertThat(panel.score.getText()).isEqualTo("Score: 2 of 6 right");

        AnswerCell t = answer(view, "t", "answer-grad");
        type(t, "one");
        assertThat(t.field().isInvalid()).isTrue();
        assertThat(t.field().getErrorMessage()).isEqualTo("'one' is not a number");
        assertThat(t.mark().getText()).isEmpty();
        assertThat(panel.score.getText()).isEqualTo("Score: 2 of 6 right");

        // The answers are the sheet's claims: a download carries the student's work.
        String text = view.presenter().sheetText();
        assertThat(text).endsWith("L = mse(f, t)\n@expect q.grad = 16\n@expect f.grad = -4.003\n");
        SheetFile.Loaded back = SheetFile.parse(text, "saved.sheet");
        assertThat(back.claims().check(back.sheet())).allMatch(r -> r.holds());

        // An edit moves the numbers: the answer about q no longer holds and the score says so.
        view.presenter().setValue("z", "-5");
        roundtrip();
        assertThat(answer(view, "q", "answer-grad").mark().getText()).isEqualTo("✗");
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 6 right");

        panel.practice.setValue(false);
        roundtrip();
        assertThat(shown(view, "q", "grad")).isEqualTo("50"); // f = -15, dL/df = -10, times z = -5
        assertThat(view.cellPanel().isVisible()).isTrue();
    }

    @Test
    void valuesModeAsksForValuesToo() {
        SheetView view = openStart();
        PracticePanel panel = view.practicePanel();
        panel.practice.setValue(true);
        panel.hide.setValue(PracticePanel.VALUES);
        roundtrip();
        assertThat(shown(view, "f", "value")).isEqualTo("?");
        assertThat(shown(view, "x", "value")).isEqualTo("-2");
        assertThat(view.cellGrid().grid().getColumnByKey("answer-value").isVisible()).isTrue();
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 9 right"); // the values of q, f, L and six gradients
        AnswerCell f = answer(view, "f", "answer-value");
        type(f, "-12");
        assertThat(f.mark().getText()).isEqualTo("✓");
        AnswerCell q = answer(view, "q", "answer-value");
        type(q, "7");
        ButtonKt._click(q.hint());
        ButtonKt._click(q.hint());
        assertThat(panel.hint.getText()).isEqualTo("Hint 2 of 3 for the value of q: Its arguments: x = -2, y = 5.");
        assertThat(panel.score.getText()).isEqualTo("Score: 1 of 9 right");
        assertThat(view.presenter().sheetText()).contains("@expect f = -12\n@expect q = 7\n");
    }

    @Test
    void aSheetsClaimsAreShownCheckedOutsidePractice() throws Exception {
        SharedSheet s = registry.create(SheetFile.parse(Examples.WORKED.text()
                + "@expect z.grad = -12\n@expect x.grad = 15\n", "claims.sheet"));
        UI.getCurrent().navigate("sheet/" + s.id());
        roundtrip();
        SheetView view = LocatorJ._get(SheetView.class);
        var grid = view.cellGrid().grid();
        assertThat(grid.getColumnByKey("answer-grad").isVisible()).isTrue();
        assertThat(((Span) grid.getColumnByKey("answer-grad").getHeaderComponent()).getText()).isEqualTo("Claimed gradient");
        assertThat(grid.getColumnByKey("answer-value").isVisible()).isFalse();
        assertThat(((Span) GridKt._getCellComponent(grid, 2, "answer-grad")).getText()).isEqualTo("-12 ✓");
        assertThat(((Span) GridKt._getCellComponent(grid, 0, "answer-grad")).getText()).isEqualTo("15 ✗");
        assertThat(((Span) GridKt._getCellComponent(grid, 3, "answer-grad")).getText()).isEmpty();
        assertThat(shown(view, "x", "grad")).isEqualTo("16");
    }

    @Test
    void chosenCellsOnlyFromTheLabelledListOfTheSheetsCells() {
        SheetView view = openStart();
        PracticePanel panel = view.practicePanel();
        panel.practice.setValue(true);
        roundtrip();
        // a small sheet offers its cells by name, under a label of its own (not a placeholder)
        assertThat(panel.cells.listed.isVisible()).isTrue();
        assertThat(panel.cells.typed.isVisible()).isFalse();
        assertThat(panel.cells.listed.getLabel()).isEqualTo("Cells asked");
        assertThat(panel.cells.listed.getListDataView().getItems().toList()).containsExactly("x", "y", "z", "q", "f", "t", "L");
        panel.cells.listed.setValue(java.util.Set.of("z", "q"));
        roundtrip();
        assertThat(shown(view, "q", "grad")).isEqualTo("?");
        assertThat(shown(view, "z", "grad")).isEqualTo("?");
        assertThat(shown(view, "f", "grad")).isEqualTo("-4");
        assertThat(shown(view, "x", "grad")).isEqualTo("16");
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 2 right"); // exactly the hidden ones
        assertThat(view.practicePanel().cells.chosen()).containsExactly("z", "q"); // in the grid's order
    }

    @Test
    void aBigSheetsCellsAreTyped() throws Exception {
        StringBuilder text = new StringBuilder("c0 = input(1)\n");
        for (int i = 1; i <= PracticeCellChooser.LISTED_UP_TO; i++) {
            text.append("c").append(i).append(" = c").append(i - 1).append(" * 2\n");
        }
        SharedSheet big = registry.create(SheetFile.parse(text.toString(), "big.sheet"));
        UI.getCurrent().navigate("sheet/" + big.id());
        roundtrip();
        SheetView view = LocatorJ._get(SheetView.class);
        PracticePanel panel = view.practicePanel();
        panel.practice.setValue(true);
        roundtrip();
        assertThat(panel.cells.listed.isVisible()).isFalse();
        assertThat(panel.cells.typed.isVisible()).isTrue();
        assertThat(panel.cells.typed.getLabel()).isEqualTo("Cells asked");
        panel.cells.typed.setValue("c3, nothere");
        roundtrip();
        assertThat(panel.cells.typed.isInvalid()).isTrue();
        assertThat(panel.cells.typed.getErrorMessage()).isEqualTo("no cell called nothere");
        assertThat(shown(view, "c3", "grad")).isEqualTo("?");
        assertThat(shown(view, "c4", "grad")).isNotEqualTo("?"); // not chosen: shown
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 1 right");
    }

    @Test
    void aTeachersPracticeSheetOpensInPracticeMode() throws Exception {
        SharedSheet teacher = registry.create(SheetFile.parse(Examples.WORKED.text(), "hw.sheet"));
        UI.getCurrent().navigate("sheet/" + teacher.id());
        roundtrip();
        SheetView view = LocatorJ._get(SheetView.class);
        view.practicePanel().practice.setValue(true);
        view.practicePanel().setting.setValue(true);
        roundtrip();
        String saved = view.presenter().sheetText();
        assertThat(saved).contains("\n@practice = gradients\n");

        // A student opens the saved file (e.g. uploaded as a new sheet): practice mode from the start.
        SharedSheet student = registry.create(SheetFile.parse(saved, "hw.sheet"));
        UI.getCurrent().navigate("sheet/" + student.id());
        roundtrip();
        SheetView opened = LocatorJ._get(SheetView.class);
        assertThat(opened.practicePanel().practice.getValue()).isTrue();
        assertThat(shown(opened, "q", "grad")).isEqualTo("?");
        assertThat(shown(opened, "z", "grad")).isEqualTo("?");
        assertThat(opened.practicePanel().score.getText()).isEqualTo("Score: 0 of 6 right");
    }

    @Test
    void aTeachersChoiceOfCellsIsWhatTheStudentIsAsked() throws Exception {
        SharedSheet teacher = registry.create(SheetFile.parse(Examples.WORKED.text(), "hw.sheet"));
        UI.getCurrent().navigate("sheet/" + teacher.id());
        roundtrip();
        SheetView view = LocatorJ._get(SheetView.class);
        view.practicePanel().practice.setValue(true);
        view.practicePanel().cells.listed.setValue(java.util.Set.of("x", "z"));
        view.practicePanel().setting.setValue(true);
        roundtrip();
        String saved = view.presenter().sheetText();
        assertThat(saved).contains("\n@practice = gradients of x, z\n");

        SharedSheet student = registry.create(SheetFile.parse(saved, "hw.sheet"));
        UI.getCurrent().navigate("sheet/" + student.id());
        roundtrip();
        SheetView opened = LocatorJ._get(SheetView.class);
        PracticePanel panel = opened.practicePanel();
        assertThat(panel.practice.getValue()).isTrue();
        assertThat(panel.cells.listed.getValue()).containsExactlyInAnyOrder("x", "z"); // the teacher's choice, shown
        assertThat(shown(opened, "x", "grad")).isEqualTo("?");
        assertThat(shown(opened, "z", "grad")).isEqualTo("?");
        assertThat(shown(opened, "q", "grad")).isEqualTo("16");
        assertThat(panel.score.getText()).isEqualTo("Score: 0 of 2 right");
    }
}
