package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
        b.get(url("sheet/" + shared.id()));
        waitForCell(b, "x", VALUE, "0", 90);
        b.findElement(By.id("tab-history")).click();
        waitFor(b, 20).until(d -> d.findElement(By.id("history-grid")).getText().contains("set x = 0"));
        String listed = b.findElement(By.id("history-grid")).getText();
        assertThat(listed).contains("set z = -3", "SGD step", "L = 0.6724", "L = 28.09", "L = 1");
        Path before = screenshot(b, "history-1366x768");
        assertThat(Files.size(before)).isGreaterThan(10_000);

        b.findElement(By.id("restore-1")).click();
        waitForCell(b, "z", VALUE, "-3", 20);
        waitForCell(b, "x", VALUE, "-2", 20);
        waitFor(b, 10).until(d -> d.findElement(By.id("history-message")).getText()
                .equals("Restored revision #1: one Undo takes it back."));
        assertThat(shared.sheet().objectiveValue()).isEqualTo(1.0);
        screenshot(b, "history-restored-1366x768");
    }
}
