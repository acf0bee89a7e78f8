package dev.gradsheet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook GradSheet wrote opens as the same sheet — with a weight typed in the spreadsheet
 * program — and anything else is refused with a message saying what and where.
 */
class WorkbookImportTest {

    private static String text(SheetFile.Loaded loaded) {
        return SheetFile.format(loaded.sheet(), loaded.description(), loaded.data(), loaded.claims(), loaded.practice());
    }

    private static SheetFile.Loaded roundTrip(String sheet) throws SheetFormatException {
        return SheetImport.parse(ExportSheets.workbook(ExportSheets.load(sheet), 2), "book.xlsx");
    }

    @Test
    void aWorkbookGradSheetWroteOpensAsTheSameSheet() throws Exception {
        for (String sheet : new String[] {ExportSheets.WORKED, ExportSheets.XOR, ExportSheets.CS231N, ExportSheets.random(5),
            "# claims and practice\n@tolerance = 0.001\n@practice = gradients\nx = input(2)\nw = weight(0.5)\nL = (w * x - 1) * (w * x - 1)\n@expect w.grad = 2\n"}) {
            SheetFile.Loaded original = ExportSheets.load(sheet);
            SheetFile.Loaded back = roundTrip(sheet);
            assertEquals(text(original), text(back));
            assertEquals(original.sheet().objectiveValue(), back.sheet().objectiveValue());
        }
    }

    @Test
    void aWeightTypedInTheSpreadsheetComesBack() throws Exception {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 1));
        book.getSheet("Cells").getRow(3).getCell(1).setCellValue(-3.88);
        book.getSheet("Data"); // none: the worked example has no data
        SheetFile.Loaded back = SheetImport.parse(bytes(book), "book.xlsx");
        assertEquals(-3.88, back.sheet().value("z"));
        assertEquals(-11.64, back.sheet().value("f"), 1e-12);
    }

    @Test
    void rowsAddedToTheDataSheetComeBack() throws Exception {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.XOR), 0));
        var row = book.getSheet("Data").createRow(5);
        row.createCell(0).setCellValue(0.5);
        row.createCell(1).setCellValue(0.5);
        row.createCell(2).setCellValue(1);
        SheetFile.Loaded back = SheetImport.parse(bytes(book), "book.xlsx");
        assertEquals(5, back.data().size());
        assertEquals(0.5, back.data().get(4, 0));
    }

    @Test
    void aWorkbookGradSheetDidNotWriteIsRefused() throws Exception {
        XSSFWorkbook other = new XSSFWorkbook();
        other.createSheet("Budget").createRow(0).createCell(0).setCellValue("rent");
        SheetFormatException e = assertThrows(SheetFormatException.class, () -> SheetImport.parse(bytes(other), "budget.xlsx"));
        assertEquals("budget.xlsx: not a workbook GradSheet wrote (it has no GradSheet sheet): GradSheet opens the"
                + " workbooks it exports; write another spreadsheet's cells as a .sheet file to open them", e.getMessage());
        byte[] broken = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        SheetFormatException damaged = assertThrows(SheetFormatException.class, () -> SheetImport.parse(broken, "broken.xlsx"));
        assertTrue(damaged.getMessage().startsWith("broken.xlsx: not an .xlsx workbook GradSheet can read"), damaged.getMessage());
    }

    @Test
    void aValueFormulaChangedInTheSpreadsheetIsRefusedNotLost() throws Exception {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        book.getSheet("Cells").getRow(5).getCell(1).setCellFormula("B5+B4");
        SheetFormatException e = assertThrows(SheetFormatException.class, () -> SheetImport.parse(bytes(book), "book.xlsx"));
        assertTrue(e.getMessage().startsWith("book.xlsx: Cells!B6: the value formula of f was changed (=B5+B4)"), e.getMessage());

        XSSFWorkbook typed = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        typed.getSheet("Cells").getRow(5).getCell(1).removeFormula(); // as typing a number over it does
        typed.getSheet("Cells").getRow(5).getCell(1).setCellValue(7);
        SheetFormatException t = assertThrows(SheetFormatException.class, () -> SheetImport.parse(bytes(typed), "book.xlsx"));
        assertTrue(t.getMessage().contains("Cells!B6: f is computed by its formula (column E), but a number was typed over"),
                t.getMessage());
    }

    @Test
    void formulasWrittenDifferentlyButTheSameStillOpen() throws Exception {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        book.getSheet("Cells").getRow(5).getCell(1).setCellFormula("$B$5 * B4"); // as another program may save it
        assertEquals(-12.0, SheetImport.parse(bytes(book), "book.xlsx").sheet().value("f"));
    }

    @Test
    void brokenRowsAreRefusedWithTheirPlace() throws Exception {
        XSSFWorkbook removed = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        removed.getSheet("Cells").removeRow(removed.getSheet("Cells").getRow(4)); // q
        SheetFormatException e = assertThrows(SheetFormatException.class, () -> SheetImport.parse(bytes(removed), "book.xlsx"));
        assertTrue(e.getMessage().contains("unknown name 'q'"), e.getMessage());
        assertTrue(e.getMessage().startsWith("book.xlsx: Cells!E6: "), e.getMessage());

        XSSFWorkbook text = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        text.getSheet("Cells").getRow(3).getCell(1).setCellValue("minus four");
        SheetFormatException n = assertThrows(SheetFormatException.class, () -> SheetImport.parse(bytes(text), "book.xlsx"));
        assertEquals("book.xlsx: Cells!B4: the weight z needs a number here", n.getMessage());
    }

    @Test
    void sheetFilesStillReadAsText() throws Exception {
        SheetFile.Loaded loaded = SheetImport.parse(ExportSheets.WORKED.getBytes(StandardCharsets.UTF_8), "w.sheet");
        assertEquals(4.0, loaded.sheet().objectiveValue());
    }

    static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
