package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.mvysny.kaributesting.v10.UploadKt;
import dev.gradsheet.export.ExportRefusedException;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.SheetFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The page's "Download as" menu: ▸ Excel workbook and ▸ PyTorch script of the sheet as it is when
 * clicked; the Open button takes the workbook back; a sheet above the export limits is refused with
 * the reason.
 */
class ExportMenuTest extends KaribuTestBase {

    private static ExportMenu menu(SheetView view) {
        return _get(view.toolbar(), ExportMenu.class);
    }

    @Test
    void theMenuOffersTheWorkbookAndTheScriptAsDownloads() {
        SheetView view = openStart();
        ExportMenu menu = menu(view);
        assertThat(menu.root.getText()).isEqualTo("Download as…");
        assertThat(menu.workbook.getText()).isEqualTo("Excel workbook (.xlsx)");
        assertThat(menu.script.getText()).isEqualTo("PyTorch script (.py)");
        assertThat(menu.workbook.getHref()).isNotBlank();
        assertThat(menu.script.getHref()).isNotBlank();
        assertThat(menu.workbook.getElement().hasAttribute("download")).isTrue();
    }

    @Test
    void theDownloadsAreTheSheetAsItIsNowAndTheWorkbookOpensAgain() throws Exception {
        SheetView view = openStart();
        view.presenter().shared().sheet().setValue("z", -3);
        ExportDownloads downloads = new ExportDownloads(view.presenter().shared());
        ExportDownloads.Download script = downloads.script();
        assertThat(script.fileName()).endsWith(".py");
        assertThat(new String(script.bytes(), StandardCharsets.UTF_8)).contains("    \"z\": -3.0,\n").contains("    f = q * z\n");
        ExportDownloads.Download book = downloads.workbook();
        assertThat(book.fileName()).isEqualTo("gradsheet-" + view.presenter().shared().id() + ".xlsx");

        String first = view.presenter().shared().id();
        UploadKt._upload(view.toolbar().upload, book.fileName(), ExportDownloads.XLSX, book.bytes());
        roundtrip();
        SheetView opened = _get(SheetView.class);
        assertThat(opened.presenter().shared().id()).isNotEqualTo(first);
        assertThat(opened.presenter().sheetText()).isEqualTo(view.presenter().sheetText());
    }

    @Test
    void aWorkbookGradSheetDidNotWriteIsRefusedAndTheSheetStays() {
        SheetView view = openStart();
        String first = view.presenter().shared().id();
        UploadKt._upload(view.toolbar().upload, "budget.xlsx", ExportDownloads.XLSX,
                new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        roundtrip();
        assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(view.toolbar().uploadErrors))
                .contains("budget.xlsx: not an .xlsx workbook GradSheet can read");
        assertThat(_get(SheetView.class).presenter().shared().id()).isEqualTo(first);
    }

    @Test
    void aSheetAboveTheLimitIsRefusedWithTheReason() throws Exception {
        StringBuilder big = new StringBuilder("w = weight(1)\n");
        for (int k = 0; k < 100_000; k++) {
            big.append('c').append(k).append(" = w\n");
        }
        SharedSheet shared = new SharedSheet("big", SheetFile.parse(big.toString(), "big.sheet").sheet(), "");
        ExportRefusedException refused = assertThrows(ExportRefusedException.class, () -> new ExportDownloads(shared).workbook());
        assertThat(refused.getMessage()).isEqualTo("the sheet has 100,001 cells; a workbook takes at most 100,000");
        assertThrows(ExportRefusedException.class, () -> new ExportDownloads(shared).script());
    }
}
