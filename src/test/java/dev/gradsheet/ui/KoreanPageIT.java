package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.NAME;
import static dev.gradsheet.ui.pages.GridPart.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Op;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.pages.PracticePart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.TrainingPart;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Korean throughout: a Korean browser reads the whole page — every tab, the practice mode with a
 * hint, a training run's summary, the grid, the head and the toolbar, tooltips and labels — and finds
 * no Latin word but cell names, formulas (op names), numbers and names kept in every language.
 */
class KoreanPageIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    private static Set<String> allowed(SharedSheet shared) {
        Set<String> allowed = new HashSet<>(shared.sheet().names());
        shared.sheet().cells().forEach(c -> allowed.add(c.name()));
        for (Op op : Op.values()) {
            allowed.add(op.label());
        }
        return allowed;
    }

    private static void assertKorean(SheetPage sheet, Set<String> allowed, String where) {
        assertThat(sheet.pageText().latinWords(allowed)).as("Latin words on the Korean page (" + where + ")").isEmpty();
    }

    private SheetPage openInKorean(SharedSheet shared) throws Exception {
        WebDriver b = newBrowser("ko");
        viewport(b, 1366, 768);
        SheetPage sheet = openSheet(b, shared.id());
        sheet.screen().waitForWidth(1366);
        return sheet;
    }

    @Test
    void theWorkedExamplesEveryTabIsKorean() throws Exception {
        SharedSheet shared = registry.create(Examples.WORKED.load());
        SheetPage sheet = openInKorean(shared).waitForWorkedExample();
        Set<String> allowed = allowed(shared);
        sheet.grid().click("z", NAME); // "Why this gradient?" with its chain
        sheet.why().waitForTitleContaining("dL/dz");
        assertKorean(sheet, allowed, "the graph");
        sheet.applySgdStep(); // the step's outcome, undo's label and tooltip
        sheet.grid().waitFor("f", VALUE, "-11.64", 20);
        assertKorean(sheet, allowed, "after an SGD step");
        sheet.showAddCell();
        assertKorean(sheet, allowed, "Add a cell");
        sheet.showTraining();
        assertKorean(sheet, allowed, "Data & training");
        sheet.showHistory();
        assertKorean(sheet, allowed, "History");
        PracticePart practice = sheet.showPractice().tickPractice();
        practice.answer("q", "-16");
        practice.waitForMark("q", "✗");
        practice.askHint("q");
        sheet.waitUntil(10, "a hint should be shown", () -> !practice.hint().isBlank());
        assertKorean(sheet, allowed, "practice with a hint");
        screenshot(sheet, "korean-page-practice");
    }

    @Test
    void aTrainingRunIsKoreanToo() throws Exception {
        String text = Templates.mlp(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1);
        var loaded = SheetFile.parse(text, "xor.sheet");
        SharedSheet shared = registry.create(new SheetFile.Loaded(loaded.sheet(), loaded.description(), BuiltInData.XOR.table()));
        SheetPage sheet = openInKorean(shared);
        TrainingPart training = sheet.training();
        sheet.waitUntil(90, "the training view should open", () -> training.gridButtonShown());
        training.waitUntilShown();
        Set<String> allowed = allowed(shared);
        assertKorean(sheet, allowed, "the training view");
        training.setEpochs("50");
        training.play();
        sheet.waitUntil(60, "the run should end", () -> !training.finalLoss().isBlank());
        assertKorean(sheet, allowed, "after a run");
        training.showGrid();
        assertKorean(sheet, allowed, "the grid after a run");
        screenshot(sheet, "korean-page-after-run");
    }
}
