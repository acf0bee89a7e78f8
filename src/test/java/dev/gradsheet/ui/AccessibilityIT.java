package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.KIND;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.pages.LessonPage;
import dev.gradsheet.ui.pages.PagePart;
import dev.gradsheet.ui.pages.PracticePart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import dev.gradsheet.ui.pages.TemplatesDialog;
import dev.gradsheet.ui.pages.TrainingPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core in real Chromium reports no serious or critical violation
 * on the sheet (the worked example with a cell's "Why this gradient?" open), each side tab (the
 * training panel among them), the Examples menu, the templates dialog, the lesson pages and practice
 * mode with answers marked. Every
 * violation found is printed (rule, impact, elements, help) before the test fails.
 */
class AccessibilityIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;
    private final Map<String, List<AxeCore.Violation>> found = new LinkedHashMap<>();

    private void check(PagePart page, String where) throws Exception {
        List<AxeCore.Violation> v = AxeCore.violations(page.driver());
        found.put(where, v);
        System.out.println("axe-core " + AxeCore.VERSION + " on " + where + ": " + v.size()
                + " serious or critical violation(s)");
        v.forEach(x -> System.out.println("  " + x));
    }

    @Test
    void noSeriousOrCriticalViolations() throws Exception {
        SheetPage sheet = workedExample(1366, 768);
        sheet.grid().click("z", KIND);
        sheet.why().waitForTitle("Why is dL/dz = -12?");
        sheet.graph().waitForNodes(7);
        check(sheet, "the sheet (worked example, z selected, Why this gradient? and the graph)");
        screenshot(sheet, "a11y-1366x768");

        sheet.showAddCell();
        check(sheet, "the Add a cell tab");

        sheet.showPractice();
        check(sheet, "the Practice tab");

        TrainingPart training = sheet.showTraining();
        check(sheet, "the Data & training tab");

        TemplatesDialog templates = training.openTemplates();
        check(sheet, "the templates dialog");
        templates.close();

        sheet.openExamples("empty");
        check(sheet, "the Examples menu");
        sheet.press(Keys.ESCAPE);

        LessonPage activations = LessonPage.open(sheet.driver(), url("lesson/activations"));
        activations.waitForActivationChartElement("sigmoid", 30);
        check(activations, "the lesson page /lesson/activations");

        LessonPage losses = LessonPage.open(sheet.driver(), url("lesson/losses"));
        losses.waitForRunButton(30);
        check(losses, "the lesson page /lesson/losses");

        // the sheet again at a tablet's 800 px (the parts stacked), with its screenshot
        viewport(sheet.driver(), 800, 1000);
        StartPage.workedExample(sheet.driver(), url(""));
        check(sheet, "the sheet at 800x1000");
        screenshot(sheet, "a11y-800x1000");

        // practice mode with a right and a wrong answer on screen (✓, ✗, Hint, the score)
        SharedSheet practiceSheet = registry.create(dev.gradsheet.sheet.SheetFile.parse(
                dev.gradsheet.sheet.Examples.byId("cs231n-neuron").text() + "@practice = gradients of w0, x1\n",
                "neuron.sheet"));
        viewport(sheet.driver(), 1366, 768);
        SheetPage practicePage = openSheet(sheet.driver(), practiceSheet.id());
        practicePage.grid().waitFor("w0", GRAD, "?", 30);
        PracticePart practice = practicePage.practice();
        practice.answer("w0", "-0.1966");
        practice.answer("x1", "0.5898"); // the sign is wrong
        practice.waitForMark("w0", "✓");
        practice.waitForMark("x1", "✗");
        assertThat(practice.markLabel("x1")).isEqualTo("not right yet");
        check(practicePage, "practice mode with a right and a wrong answer");

        List<String> failures = new ArrayList<>();
        found.forEach((where, v) -> v.forEach(x -> failures.add(where + ": " + x)));
        assertThat(failures).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void anotherTabsEditIsAnnouncedPolitely() throws Exception {
        SheetPage a = workedExample();
        SheetPage b = SheetPage.open(newBrowser(), a.link()).waitForWorkedExample();
        assertThat(b.announcementPoliteness()).isEqualTo("polite");
        a.grid().editValue("z", "-3.88");
        b.grid().waitFor("f", VALUE, "-11.64", 20);
        // f = 3 · (-3.88) = -11.64, L = (f + 10)^2 = 2.6896
        b.waitForAnnouncement("z changed to -3.88 by another tab. L = 2.6896.");
        // the tab that made the edit sees it, once its own answer has arrived; nothing is announced there
        a.grid().waitFor("f", VALUE, "-11.64", 20);
        a.waitForServer();
        assertThat(a.announced()).isEmpty();
    }

    /** The sheet in Korean (chosen with the switch) passes axe too, with {@code <html lang="ko">}. */
    @Test
    void theKoreanSheetHasNoSeriousOrCriticalViolations() throws Exception {
        SheetPage sheet = workedExample(1366, 768);
        sheet.switchLanguage("ko");
        sheet.waitForLang("ko");
        sheet.waitForWorkedExample();
        sheet.grid().click("z", KIND);
        sheet.why().waitForTitle("dL/dz = -12인 이유는?");
        check(sheet, "the Korean sheet (z selected)");
        sheet.showAddCell();
        check(sheet, "the Korean Add a cell tab");
        sheet.showPractice();
        check(sheet, "the Korean Practice tab");
        sheet.showHistory();
        check(sheet, "the Korean History tab");
        List<String> failures = new ArrayList<>();
        found.forEach((where, v) -> v.forEach(x -> failures.add(where + ": " + x)));
        assertThat(failures).as("serious or critical axe-core violations").isEmpty();
    }
}
