package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import dev.gradsheet.ui.pages.ScreenPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.TrainingPart;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A training run watched whole, as in TensorFlow Playground: at 1366×768 the controls, the readout,
 * the loss curve, the decision picture and the network view are all on screen at once without
 * scrolling, before and during a run, with the grid one click away; at 1920×1080 beside the grid;
 * at 800×1000 the same parts stacked in the tab's one scrolling page, none inside a box of its own.
 * In English and Korean.
 */
class TrainingViewIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    /** The XOR MLP 2-4-1 with its data: it opens on its Data & training tab. */
    private String xorSheet() throws Exception {
        String text = Templates.mlp(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1);
        var loaded = SheetFile.parse(text, "xor.sheet");
        return registry.create(new SheetFile.Loaded(loaded.sheet(), loaded.description(), BuiltInData.XOR.table())).id();
    }

    @Test
    void aRunIsWatchedWholeAtALaptopsSizeWithTheGridOneClickAway() throws Exception {
        watchedWhole(null, "");
    }

    @Test
    void theSameInKorean() throws Exception {
        watchedWhole("ko", "-ko");
    }

    private void watchedWhole(String language, String suffix) throws Exception {
        WebDriver b = newBrowser(language);
        resize(b, 1366, 768);
        SheetPage sheet = openSheet(b, xorSheet());
        TrainingPart training = sheet.training();
        sheet.waitUntil(90, "the training view should open", () -> training.gridButtonShown());
        training.waitUntilShown();
        training.waitForNetwork();
        assertWholeInView(sheet, training, 1366, 768, "before a run");
        training.play();
        sheet.waitUntil(30, "the run should pass 200 steps", () -> training.stepsInAnyLanguage() > 200);
        assertWholeInView(sheet, training, 1366, 768, "during a run");
        readme(sheet, "training-1366x768" + suffix);
        training.pause();
        sheet.waitUntil(30, "the run should say where it paused", () -> !training.finalLoss().isBlank());

        // the grid one click away, and training one click back
        training.showGrid();
        LayoutIT.assertInView(sheet, sheet.grid().element(), "grid after Grid", 1366, 768);
        assertThat(training.gridButtonShown()).isFalse();
        sheet.showTraining();
        assertWholeInView(sheet, training, 1366, 768, "back on training");

        // 1920×1080: the grid beside the training view, both whole
        resize(b, 1920, 1080);
        assertWholeInView(sheet, training, 1920, 1080, "");
        LayoutIT.assertInView(sheet, sheet.grid().element(), "grid beside training", 1920, 1080);
        assertThat(sheet.box(sheet.grid().element()).right()).as("grid left of training")
                .isLessThanOrEqualTo(sheet.box(training.element()).left());
        assertThat(training.gridButtonShown()).isFalse();
        readme(sheet, "training-1920x1080" + suffix);

        // 800×1000: stacked in the tab's one scrolling page; each part reached by scrolling that page only
        resize(b, 800, 1000);
        ScreenPart screen = sheet.screen();
        assertThat(screen.pageScrollsDown()).isLessThanOrEqualTo(0);
        training.watchedParts().forEach((what, part) -> {
            screen.scrollTo(part);
            LayoutIT.assertInView(sheet, part, what + " at 800×1000", 800, 1000);
            assertThat(screen.scrollingBoxesAround(part)).as(what + " scrolls only with the tab's page")
                    .allMatch(box -> box.contains("#page-training"));
        });
        training.scrollTabToTop();
        readme(sheet, "training-800x1000" + suffix);
    }

    private static void resize(WebDriver b, int width, int height) {
        viewport(b, width, height);
        new ScreenPart(b).waitForWidth(width);
    }

    /** The controls, readout, loss curve, decision picture, network view and settings in view; nothing scrolled. */
    private static void assertWholeInView(SheetPage sheet, TrainingPart training, int width, int height, String when) {
        String at = when + " at " + width + "x" + height;
        assertThat(sheet.screen().pageScrollsDown()).as("page scrolls " + at).isLessThanOrEqualTo(0);
        assertThat(training.tabScrollTop()).as("the tab scrolled " + at).isZero();
        training.watchedBoxes().forEach((what, box) -> {
            assertThat(box.width()).as(what + " width " + at).isPositive();
            assertThat(box.left()).as(what + " left " + at).isGreaterThanOrEqualTo(-0.5);
            assertThat(box.top()).as(what + " top " + at).isGreaterThanOrEqualTo(-0.5);
            assertThat(box.right()).as(what + " right " + at).isLessThanOrEqualTo(width + 0.5);
            assertThat(box.bottom()).as(what + " bottom " + at).isLessThanOrEqualTo(height + 0.5);
        });
    }
}
