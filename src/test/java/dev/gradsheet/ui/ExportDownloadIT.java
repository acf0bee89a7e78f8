package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.export.SheetImport;
import dev.gradsheet.sheet.SheetFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import dev.gradsheet.ui.pages.DownloadMenuPart;
import dev.gradsheet.ui.pages.SheetPage;

/**
 * The page's Download as… menu in a real browser: it opens, its two items are download links, and
 * what they serve (fetched with the page's session) is the sheet as edited — a workbook that opens
 * as the same sheet, a script with the edited weight.
 */
class ExportDownloadIT extends BrowserTestBase {

    @Test
    void theMenusLinksServeTheWorkbookAndTheScriptOfTheEditedSheet() throws Exception {
        SheetPage sheet = workedExample();
        sheet.grid().editValue("z", "-3");
        sheet.grid().waitFor("f", VALUE, "-9", 20);
        DownloadMenuPart menu = sheet.downloadMenu().open();
        screenshot(sheet, "export-menu");
        String workbookHref = menu.workbookLink();
        String scriptHref = menu.scriptLink();
        String cookies = menu.cookieHeader();

        byte[] workbook = fetch(cookies, workbookHref);
        SheetFile.Loaded back = SheetImport.parse(workbook, "download.xlsx");
        assertThat(back.sheet().value("z")).isEqualTo(-3.0);
        assertThat(back.sheet().value("f")).isEqualTo(-9.0);
        String script = new String(fetch(cookies, scriptHref), StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!/usr/bin/env python3").contains("    \"z\": -3.0,\n").contains("    f = q * z\n");
    }

    /** GETs {@code href} with the browser's cookies (its Vaadin session). */
    private static byte[] fetch(String cookies, String href) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
