package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.export.SheetImport;
import dev.gradsheet.sheet.SheetFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The page's Download as… menu in a real browser: it opens, its two items are download links, and
 * what they serve (fetched with the page's session) is the sheet as edited — a workbook that opens
 * as the same sheet, a script with the edited weight.
 */
class ExportDownloadIT extends BrowserTestBase {

    @Test
    void theMenusLinksServeTheWorkbookAndTheScriptOfTheEditedSheet() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitForWorkedExample(b);
        editValue(b, "z", "-3");
        waitForCell(b, "f", VALUE, "-9", 20);
        b.findElement(By.cssSelector("#export-menu vaadin-menu-bar-button")).click();
        waitFor(b, 20).until(d -> !d.findElements(By.id("export-xlsx")).isEmpty()
                && d.findElement(By.id("export-xlsx")).isDisplayed());
        screenshot(b, "export-menu");
        String workbookHref = b.findElement(By.id("export-xlsx")).getAttribute("href");
        String scriptHref = b.findElement(By.id("export-pytorch")).getAttribute("href");

        byte[] workbook = fetch(b, workbookHref);
        SheetFile.Loaded back = SheetImport.parse(workbook, "download.xlsx");
        assertThat(back.sheet().value("z")).isEqualTo(-3.0);
        assertThat(back.sheet().value("f")).isEqualTo(-9.0);
        String script = new String(fetch(b, scriptHref), StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!/usr/bin/env python3").contains("    \"z\": -3.0,\n").contains("    f = q * z\n");
    }

    /** GETs {@code href} with the browser's cookies (its Vaadin session). */
    private static byte[] fetch(WebDriver b, String href) throws Exception {
        String cookies = b.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
