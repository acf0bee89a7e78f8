package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.ScreenPart.SCREENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.PracticePart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Practice hides what is asked, in Chromium at 1366×768, 800×1000 and 1920×1080, in English and
 * Korean: on the worked example every gradient but the objective's is hidden and counted (dL/dz and
 * dL/dx too), each asked cell's answer field, mark and Hint are in view beside the gradients with
 * their headers whole; "Cells asked" is a labelled list of the sheet's cells, and the score counts
 * exactly what it hides.
 */
class PracticeAskIT extends BrowserTestBase {
    static final List<String> SIX = List.of("x", "y", "z", "q", "f", "t");

    @Test
    void theWorkedExampleAsksForAllSixGradients() throws Exception {
        asks(null, "Score: 0 of 6 right", "Score: 1 of 6 right", "Cells asked", "Score: 0 of 2 right");
    }

    @Test
    void theSameInKorean() throws Exception {
        asks("ko", "점수: 6개 중 0개 정답", "점수: 6개 중 1개 정답", "물어볼 셀", "점수: 2개 중 0개 정답");
    }

    private void asks(String language, String none, String one, String label, String twoAsked) throws Exception {
        SheetPage sheet = StartPage.workedExample(newBrowser(language), url(""));
        GridPart grid = sheet.grid();
        PracticePart practice = sheet.showPractice().tickPractice();
        practice.waitForScore(none);
        grid.waitFor("z", GRAD, "?", 20);
        assertThat(practice.hidden()).containsExactlyElementsOf(SIX);
        assertThat(grid.text("L", GRAD)).isEqualTo("1"); // the objective's own, 1 by definition
        practice.answer("z", "-12");
        practice.waitForMark("z", "✓");
        practice.answer("x", "-16"); // the sign is wrong
        practice.waitForMark("x", "✗");
        practice.waitForScore(one);
        String suffix = language == null ? "" : "-" + language;
        for (int[] s : SCREENS) {
            viewport(sheet.driver(), s[0], s[1]);
            sheet.screen().waitForWidth(s[0]);
            String at = " at " + s[0] + "x" + s[1];
            grid.scrollSidewaysToStart();
            for (String cell : SIX) {
                LayoutIT.assertInView(sheet, practice.answerField(cell), "answer field of " + cell + at, s[0], s[1]);
            }
            LayoutIT.assertInView(sheet, practice.hintButton("x"), "Hint beside the wrong answer" + at, s[0], s[1]);
            LayoutIT.assertInView(sheet, grid.cell("z", GRAD), "z's hidden gradient" + at, s[0], s[1]);
            assertThat(practice.cutHeaders()).as("headers cut" + at).isEmpty();
            readme(sheet, "practice-" + s[0] + "x" + s[1] + suffix);
        }
        viewport(sheet.driver(), 1366, 768);
        sheet.screen().waitForWidth(1366);
        practice.askHint("x");
        sheet.waitUntil(10, "a hint should be shown", () -> !practice.hint().isBlank());

        // the labelled list of the sheet's cells: ask for two, and the score counts those two
        assertThat(practice.cellsAskedLabel()).isEqualTo(label);
        practice.ask(List.of("q", "f"));
        practice.waitForScore(twoAsked);
        sheet.waitUntil(20, "only q and f should be hidden", () -> practice.hidden().equals(List.of("q", "f")));
        assertThat(grid.text("z", GRAD)).isEqualTo("-12");
    }
}
