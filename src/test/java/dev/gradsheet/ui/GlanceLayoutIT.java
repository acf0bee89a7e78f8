package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;
import static dev.gradsheet.ui.pages.GridPart.VALUE;
import static dev.gradsheet.ui.pages.ScreenPart.SCREENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.PagePart.Box;
import dev.gradsheet.ui.pages.ScreenPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import dev.gradsheet.ui.pages.ToolbarPart;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sheet page at a glance, in Chromium at 1366×768, 800×1000 and 1920×1080, in English and
 * Korean: the head is one line and the toolbar one line, both in view, the page never scrolls, and
 * nothing in the toolbar moves when undo's label changes (long labels are cut, whole in the tooltip);
 * a column a button adds is in view; numbers in formulas never break across lines.
 */
class GlanceLayoutIT extends BrowserTestBase {
    /** The column after the gradients: the local derivative, or the finite differences after "Check numerically". */
    static final int LOCAL_DERIVATIVE = 5;
    static final int FINITE_DIFFERENCE = 5;

    @Autowired
    SheetRegistry registry;

    @Test
    void headAndToolbarAreOneLineEachAndNothingMovesWhenUndosLabelChanges() throws Exception {
        oneLineAndStill(null, "Undo SGD step (lr 0.01)", "Redo SGD step (lr 0.01)");
    }

    @Test
    void theSameInKorean() throws Exception {
        oneLineAndStill("ko", "SGD 한 단계(학습률 0.01) 실행 취소", "SGD 한 단계(학습률 0.01) 다시 실행");
    }

    private void oneLineAndStill(String language, String undoAfterStep, String redoAfterUndo) throws Exception {
        SheetPage sheet = StartPage.workedExample(newBrowser(language), url(""));
        ToolbarPart bar = sheet.toolbar();
        ScreenPart screen = sheet.screen();
        String suffix = language == null ? "" : "-" + language;
        for (int[] s : SCREENS) {
            resize(screen, s);
            String at = s[0] + "x" + s[1];
            assertThat(screen.pageScrollsDown()).as("page scrolls down at " + at).isLessThanOrEqualTo(0);
            assertThat(screen.pageScrollsSideways()).as("page scrolls sideways at " + at).isLessThanOrEqualTo(0);
            assertThat(bar.headLines()).as("head lines at " + at).isEqualTo(1);
            assertThat(bar.toolbarLines()).as("toolbar lines at " + at).isEqualTo(1);
            assertThat(sheet.box(bar.head()).height()).as("head height at " + at).isLessThanOrEqualTo(48);
            for (String id : ToolbarPart.TOOLBAR_IDS) {
                LayoutIT.assertInView(sheet, bar.part(id), "#" + id, s[0], s[1]);
            }
            // each part of the toolbar starts where the one before it ends: none runs under the next
            List<Box> boxes = List.copyOf(bar.boxes().values());
            for (int i = 1; i < boxes.size(); i++) {
                assertThat(boxes.get(i).left()).as(ToolbarPart.TOOLBAR_IDS.get(i) + " after " + ToolbarPart.TOOLBAR_IDS.get(i - 1)
                        + " at " + at).isGreaterThanOrEqualTo(boxes.get(i - 1).right() - 0.5);
            }
            for (String id : ToolbarPart.HEAD_IDS) {
                LayoutIT.assertInView(sheet, bar.part(id), "#" + id, s[0], s[1]);
            }
            // the grid starts in the top fifth of the screen: the head and the toolbar take little of it
            assertThat(sheet.box(sheet.grid().element()).top()).as("grid top at " + at).isLessThan(s[1] * 0.2);
            screenshot(sheet, "glance-" + at + suffix);
        }
        for (int[] s : List.of(SCREENS.get(0), SCREENS.get(1))) {
            resize(screen, s);
            Map<String, Box> before = bar.boxes();
            sheet.applySgdStep();
            sheet.waitUntil(20, "undo should read " + undoAfterStep, () -> undoAfterStep.equals(bar.undoLabel()));
            assertThat(bar.undoTooltip()).contains(undoAfterStep.replace("Undo ", "").replace(" 실행 취소", ""));
            assertStill(before, bar.boxes(), "after an SGD step at " + s[0]);
            assertThat(bar.toolbarLines()).isEqualTo(1);
            sheet.undo();
            sheet.waitUntil(20, "redo should read " + redoAfterUndo, () -> redoAfterUndo.equals(bar.redoLabel()));
            assertStill(before, bar.boxes(), "after undoing it at " + s[0]);
            assertThat(bar.toolbarLines()).isEqualTo(1);
            assertThat(screen.pageScrollsDown()).isLessThanOrEqualTo(0);
        }
        resize(screen, SCREENS.get(1));
        sheet.applySgdStep();
        sheet.waitUntil(20, "undo should read " + undoAfterStep, () -> undoAfterStep.equals(bar.undoLabel()));
        assertThat(bar.undoLabelCut()).as("a long label is cut to the button's width, not wrapped").isTrue();
        screenshot(sheet, "glance-undo-cut-800x1000" + suffix);
    }

    private void resize(ScreenPart screen, int[] size) {
        viewport(screen.driver(), size[0], size[1]);
        screen.waitForWidth(size[0]);
    }

    private static void assertStill(Map<String, Box> before, Map<String, Box> after, String when) {
        before.forEach((id, b) -> {
            Box a = after.get(id);
            Offset<Double> px = Offset.offset(0.5);
            assertThat(a.left()).as("#" + id + " moved " + when).isCloseTo(b.left(), px);
            assertThat(a.top()).as("#" + id + " moved " + when).isCloseTo(b.top(), px);
            assertThat(a.right()).as("#" + id + " moved " + when).isCloseTo(b.right(), px);
            assertThat(a.bottom()).as("#" + id + " moved " + when).isCloseTo(b.bottom(), px);
        });
    }

    @Test
    void theFiniteDifferenceColumnIsAddedInView() throws Exception {
        SheetPage sheet = workedExample();
        GridPart grid = sheet.grid();
        for (int[] s : SCREENS) {
            resize(sheet.screen(), s);
            sheet.showGraph().checkNumerically();
            grid.waitFor("z", FINITE_DIFFERENCE, "-12", 20); // beside the gradients
            sheet.waitUntil(10, "the finite difference should be scrolled into the grid's view", () -> {
                Box cell = sheet.box(grid.cell("z", FINITE_DIFFERENCE));
                Box whole = sheet.box(grid.element());
                return cell.right() <= whole.right() && cell.left() >= whole.left();
            });
            LayoutIT.assertInView(sheet, grid.cell("z", FINITE_DIFFERENCE), "finite difference of z", s[0], s[1]);
            screenshot(sheet, "glance-check-" + s[0] + "x" + s[1]);
            grid.editValue("z", "-3"); // the next edit takes the estimates away; the next back to the example
            grid.waitFor("z", VALUE, "-3", 20);
            sheet.waitUntil(20, "the estimates should go", () -> !"-12".equals(grid.text("z", FINITE_DIFFERENCE)));
            grid.editValue("z", "-4");
            grid.waitFor("z", VALUE, "-4", 20);
        }
    }

    @Test
    void numbersInFormulasNeverBreakAcrossLines() throws Exception {
        String text = Templates.mlp(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1);
        SharedSheet shared = registry.create(SheetFile.parse(text, "mlp.sheet"));
        SheetPage sheet = openSheet(newBrowser(), shared.id());
        GridPart grid = sheet.grid();
        grid.waitFor("x1", FORMULA, "input(0)", 90);
        for (int[] s : SCREENS) {
            resize(sheet.screen(), s);
            sheet.waitUntil(10, "w1_1_1 should be drawn", () -> grid.text("w1_1_1", FORMULA) != null);
            assertThat(grid.text("w1_1_1", FORMULA)).startsWith("weight(0.");
            assertThat(grid.numbersBrokenAcrossLines(List.of(FORMULA, LOCAL_DERIVATIVE)))
                    .as("numbers broken at " + s[0] + "x" + s[1]).isEmpty();
        }
        screenshot(sheet, "glance-mlp-formulas");
    }
}
