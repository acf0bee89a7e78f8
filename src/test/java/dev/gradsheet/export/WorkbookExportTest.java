package dev.gradsheet.export;

import static dev.gradsheet.export.Workbooks.assertClose;
import static dev.gradsheet.export.Workbooks.assertSameNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workbook: its values and gradients are formulas (not numbers), and computed — here by POI's
 * own formula evaluator; by LibreOffice in {@code WorkbookLibreOfficeIT} — they are GradSheet's; so
 * are the SGD sheet's rows after k steps. Names, colours, the Data sheet and the size limits too.
 */
class WorkbookExportTest {

    @Test
    void valuesAndGradientsAreFormulasOfTheRows() {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 2));
        XSSFSheet cells = book.getSheet("Cells");
        // x, y, z, q, f, t, L on rows 2..8: f = q * z is B5*B4, and q's gradient is f's times z
        Row f = cells.getRow(5);
        assertEquals("f", f.getCell(0).getStringCellValue());
        assertEquals("B5*B4", f.getCell(1).getCellFormula());
        assertEquals("C6*B4", cells.getRow(4).getCell(2).getCellFormula(), "dL/dq = dL/df * z");
        assertEquals("(B6-B7)*(B6-B7)", cells.getRow(7).getCell(1).getCellFormula(), "L = mse(f, t)");
        assertEquals("1", cells.getRow(7).getCell(2).getCellFormula(), "the objective's gradient");
        assertEquals(-4.0, cells.getRow(3).getCell(1).getNumericCellValue(), "a weight is a number to type over");
        assertEquals("weight(-4)", cells.getRow(3).getCell(4).getStringCellValue());
    }

    @Test
    void theWorkedExampleComputesAsGradSheet() {
        SheetFile.Loaded loaded = ExportSheets.load(ExportSheets.WORKED);
        Map<String, double[]> computed = Workbooks.cells(Workbooks.evaluated(ExportSheets.workbook(loaded, 1)));
        assertEquals(4.0, computed.get("L")[0]);
        assertEquals(-12.0, computed.get("z")[1]);
        assertEquals(16.0, computed.get("x")[1]);
        assertSameNumbers(loaded.sheet(), computed, "worked example");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyOperationComputesAsGradSheet(long seed) {
        SheetFile.Loaded loaded = ExportSheets.load(ExportSheets.random(seed));
        assertSameNumbers(loaded.sheet(), Workbooks.cells(Workbooks.evaluated(ExportSheets.workbook(loaded, 0))),
                "random sheet " + seed);
    }

    @Test
    void theLogitsFormOfCrossEntropyIsWrittenStably() {
        // w = 800 saturates the sigmoid: p = 1 to double precision, yet the loss and the gradients of z,
        // w and x stay exact. Only p's own gradient, (p - t)/(p(1 - p)), is infinite: GradSheet shows
        // Infinity, a spreadsheet its error #DIV/0!.
        SheetFile.Loaded loaded = ExportSheets.load("x = input(1)\nw = weight(800)\nz = w * x\np = sigmoid(z)\nt = input(0)\nL = bce(p, t)\n");
        XSSFWorkbook book = Workbooks.evaluated(ExportSheets.workbook(loaded, 0));
        XSSFSheet cells = book.getSheet("Cells");
        assertEquals(800.0, Workbooks.number(cells.getRow(6).getCell(1)), "L");
        assertEquals(1.0, Workbooks.number(cells.getRow(3).getCell(2)), "sigma(z) - t reaches z straight");
        assertEquals(1.0, Workbooks.number(cells.getRow(2).getCell(2)), "w");
        assertEquals(800.0, Workbooks.number(cells.getRow(1).getCell(2)), "x");
        assertEquals(-800.0, Workbooks.number(cells.getRow(5).getCell(2)), "t: -z");
        assertEquals(Double.POSITIVE_INFINITY, loaded.sheet().grad("p"));
        assertEquals(org.apache.poi.ss.usermodel.CellType.ERROR, cells.getRow(4).getCell(2).getCachedFormulaResultType());
    }

    @Test
    void aWeightTypedInTheWorkbookRecomputesEverything() {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        book.getSheet("Cells").getRow(3).getCell(1).setCellValue(-3.88);
        XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
        SheetFile.Loaded expected = ExportSheets.load(ExportSheets.WORKED);
        expected.sheet().setValue("z", -3.88);
        Map<String, double[]> computed = Workbooks.cells(book);
        assertClose(-11.64, computed.get("f")[0], "f after typing z = -3.88");
        assertSameNumbers(expected.sheet(), computed, "z typed over");
    }

    @Test
    void theSgdSheetsRowKHoldsTheSheetAfterKSteps() {
        for (String text : List.of(ExportSheets.WORKED, ExportSheets.XOR, ExportSheets.random(4))) {
            SheetFile.Loaded loaded = ExportSheets.load(text);
            XSSFWorkbook book = Workbooks.evaluated(ExportSheets.workbook(loaded, 3));
            XSSFSheet sgd = book.getSheet("SGD");
            assertEquals(loaded.sheet().learningRate(), sgd.getRow(0).getCell(1).getNumericCellValue());
            assertEquals(3.0, sgd.getRow(1).getCell(1).getNumericCellValue());
            List<Cell> cells = loaded.sheet().cells();
            for (int k = 0; k <= 3; k++) {
                if (k > 0) {
                    loaded.sheet().sgdStep(loaded.sheet().learningRate(), 1);
                }
                Row row = sgd.getRow(WorkbookLayout.SGD_FIRST_STEP_ROW + k);
                assertEquals(k, row.getCell(0).getNumericCellValue());
                List<Cell> now = loaded.sheet().cells();
                for (int i = 0; i < cells.size(); i++) {
                    assertClose(now.get(i).value(), Workbooks.number(row.getCell(1 + i)), "step " + k + " value of " + now.get(i).name());
                    assertClose(now.get(i).grad(), Workbooks.number(row.getCell(1 + cells.size() + i)),
                            "step " + k + " gradient of " + now.get(i).name());
                }
            }
        }
    }

    @Test
    void lowerNStopsTheTrainingThere() {
        SheetFile.Loaded loaded = ExportSheets.load(ExportSheets.WORKED);
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(loaded, 3));
        book.getSheet("SGD").getRow(1).getCell(1).setCellValue(1);
        XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
        Row last = book.getSheet("SGD").getRow(WorkbookLayout.SGD_FIRST_STEP_ROW + 3);
        assertClose(-3.88, Workbooks.number(last.getCell(3)), "z after N = 1 step, in the row of step 3");
    }

    @Test
    void theSgdSheetIsRefusedAboveTheLimitWithAClearMessage() {
        StringBuilder big = new StringBuilder("w = weight(1)\n");
        for (int k = 0; k < 1100; k++) {
            big.append("c").append(k).append(" = w * ").append(k % 7 + 1).append('\n');
        }
        SheetFile.Loaded loaded = ExportSheets.load(big.toString()); // 1100 cells and 1100 constants
        ExportRefusedException refused = assertThrows(ExportRefusedException.class,
                () -> WorkbookExport.write(loaded, "big.sheet", 10, new ByteArrayOutputStream()));
        assertTrue(refused.getMessage().contains("2,000 cells × 100 steps"), refused.getMessage());
        assertTrue(refused.getMessage().contains("2,201 cells"), refused.getMessage());
        SheetFile.Loaded middle = ExportSheets.load(big.substring(0, big.indexOf("c900 =")));
        assertThrows(ExportRefusedException.class, () -> WorkbookExport.check(middle, 200));
        assertEquals(0, ExportLimits.defaultSgdSteps(loaded.sheet().size()), "a big sheet's workbook leaves SGD out by default");
        assertEquals(ExportLimits.DEFAULT_SGD_STEPS, ExportLimits.defaultSgdSteps(7));
        XSSFWorkbook withoutSgd = Workbooks.open(ExportSheets.workbook(loaded, 0));
        assertNull(withoutSgd.getSheet("SGD"));
        assertEquals(loaded.sheet().size(), withoutSgd.getSheet("Cells").getLastRowNum());
    }

    @Test
    void userCellsAreDefinedNamesWhereTheProgramsAllowThem() {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 0));
        assertEquals("Cells!$B$6", book.getName("f").getRefersToFormula());
        assertEquals("Cells!$B$8", book.getName("L").getRefersToFormula());
        XSSFWorkbook neuron = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.CS231N), 0));
        assertNull(neuron.getName("x1"), "x1 reads as a cell reference");
        assertNull(neuron.getName("w0"), "w0 reads as a cell reference");
        assertNotNull(neuron.getName("f"));
        assertNull(neuron.getName("f.1"), "a formula's steps are not named");
        DefinedNames names = new DefinedNames();
        assertTrue(names.take("lambda"));
        assertFalse(names.take("Lambda"), "names differ by more than case");
        assertFalse(names.take("R"));
        assertFalse(names.take("c3"));
        assertFalse(names.take("TRUE"));
    }

    @Test
    void gradientsAreColouredByConditionalFormatting() {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 2));
        var formatting = book.getSheet("Cells").getSheetConditionalFormatting();
        int rules = 0;
        for (int k = 0; k < formatting.getNumConditionalFormattings(); k++) {
            var cf = formatting.getConditionalFormattingAt(k);
            assertEquals("C2:C8", cf.getFormattingRanges()[0].formatAsString());
            rules += cf.getNumberOfRules();
        }
        assertEquals(10, rules, "five shades of red and five of blue, as the web grid");
        assertTrue(book.getSheet("SGD").getSheetConditionalFormatting().getNumConditionalFormattings() > 0);
    }

    @Test
    void aSheetWithDataGetsADataSheetAndTheSettingsAreKeptHidden() {
        XSSFWorkbook book = Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.XOR), 1));
        XSSFSheet data = book.getSheet("Data");
        assertEquals("x1", data.getRow(0).getCell(0).getStringCellValue());
        assertEquals(4, data.getLastRowNum());
        assertEquals(1.0, data.getRow(2).getCell(1).getNumericCellValue());
        assertTrue(book.isSheetHidden(book.getSheetIndex("GradSheet")));
        assertNull(Workbooks.open(ExportSheets.workbook(ExportSheets.load(ExportSheets.WORKED), 1)).getSheet("Data"));
    }

    @Test
    void longSumsAreSplitIntoPartialSumsAndStillCompute() {
        StringBuilder text = new StringBuilder("w = weight(0.5)\n");
        StringBuilder sum = new StringBuilder();
        for (int k = 0; k < 900; k++) {
            text.append("c").append(k).append(" = w * x").append(k).append('\n');
            text.append("x").append(k).append(" = input(").append((k % 13) / 10.0 - 0.6).append(")\n");
            sum.append(k == 0 ? "" : ", ").append("c").append(k);
        }
        text.append("L = sum(").append(sum).append(")\n");
        SheetFile.Loaded loaded = ExportSheets.load(text.toString());
        byte[] bytes = ExportSheets.workbook(loaded, 1);
        XSSFWorkbook book = Workbooks.open(bytes);
        for (Row row : book.getSheet("Cells")) {
            for (var c : row) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    assertTrue(c.getCellFormula().length() <= 8192, c.getAddress() + " is too long for Excel");
                }
            }
        }
        assertSameNumbers(loaded.sheet(), Workbooks.cells(Workbooks.evaluated(bytes)), "900-term sums");
    }
}
