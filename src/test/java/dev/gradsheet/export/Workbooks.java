package dev.gradsheet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helper: reads exported workbooks and compares their numbers with a sheet's. */
final class Workbooks {
    /** Relative agreement the issue asks of the spreadsheet programs. */
    static final double TOLERANCE = 1e-9;

    private Workbooks() {
    }

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The workbook with every formula computed by POI's own evaluator (a third program besides LibreOffice). */
    static XSSFWorkbook evaluated(byte[] bytes) {
        XSSFWorkbook book = open(bytes);
        XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
        return book;
    }

    /** Name → {value, gradient} of the Cells sheet as computed. */
    static Map<String, double[]> cells(XSSFWorkbook book) {
        Map<String, double[]> out = new LinkedHashMap<>();
        var sheet = book.getSheet(WorkbookLayout.CELLS);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            out.put(row.getCell(WorkbookLayout.NAME).getStringCellValue(),
                    new double[] {number(row.getCell(WorkbookLayout.VALUE)), number(row.getCell(WorkbookLayout.GRAD))});
        }
        return out;
    }

    /** A computed cell's number (its cached result for a formula). */
    static double number(org.apache.poi.ss.usermodel.Cell c) {
        if (c.getCellType() == CellType.FORMULA) {
            if (c.getCachedFormulaResultType() != CellType.NUMERIC) {
                fail(c.getAddress() + " = " + c.getCellFormula() + " did not compute a number");
            }
        }
        return c.getNumericCellValue();
    }

    /** Asserts every cell of {@code sheet} has the value and gradient {@code computed} gives it, to 1e-9 relative. */
    static void assertSameNumbers(Sheet sheet, Map<String, double[]> computed, String what) {
        List<Cell> cells = sheet.cells();
        assertEquals(cells.size(), computed.size(), what + ": one row per cell");
        for (Cell c : cells) {
            double[] got = computed.get(c.name());
            assertTrue(got != null, what + ": no row for " + c.name());
            assertClose(c.value(), got[0], what + ": value of " + c.name());
            assertClose(c.grad(), got[1], what + ": gradient of " + c.name());
        }
    }

    static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(expected - actual) <= TOLERANCE * scale)) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }
}
