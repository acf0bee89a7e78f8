package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.ui.pages.HistoryPart;
import dev.gradsheet.ui.pages.SheetPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** In Chromium: the History tab lists the autosaves and Restore brings one back. */
class HistoryIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    @Test
    void theHistoryTabListsRevisionsAndRestoresOne() throws Exception {
        SharedSheet shared = registry.create(Examples.WORKED.load());
        shared.sheet().setValue("z", -3); // L = 1
        registry.flush();
        shared.sheet().sgdStep(0.01, 1); // z = -3.06, L = 0.6724
        registry.flush();
        shared.sheet().setValue("x", 0); // q = 5, f = -15.3, L = 28.09
        registry.flush();

        WebDriver b = newBrowser();
        b.manage().window().setSize(new Dimension(1366, 768));
        SheetPage sheet = openSheet(b, shared.id());
        sheet.grid().waitFor("x", VALUE, "0", 90);
        HistoryPart history = sheet.showHistory();
        history.waitUntilListed("set x = 0", 20);
        assertThat(history.listed()).contains("set z = -3", "SGD step", "L = 0.6724", "L = 28.09", "L = 1");
        Path before = screenshot(sheet, "history-1366x768");
        assertThat(Files.size(before)).isGreaterThan(10_000);

        history.restore(1);
        sheet.grid().waitFor("z", VALUE, "-3", 20);
        sheet.grid().waitFor("x", VALUE, "-2", 20);
        history.waitForMessage("Restored revision #1: one Undo takes it back.");
        assertThat(shared.sheet().objectiveValue()).isEqualTo(1.0);
        screenshot(sheet, "history-restored-1366x768");
    }
}
