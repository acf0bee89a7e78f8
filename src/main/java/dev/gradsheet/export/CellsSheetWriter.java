package dev.gradsheet.export;

import static dev.gradsheet.export.WorkbookLayout.FIRST_HELPER;
import static dev.gradsheet.export.WorkbookLayout.FORMULA;
import static dev.gradsheet.export.WorkbookLayout.GRAD;
import static dev.gradsheet.export.WorkbookLayout.KIND;
import static dev.gradsheet.export.WorkbookLayout.NAME;
import static dev.gradsheet.export.WorkbookLayout.NOTE;
import static dev.gradsheet.export.WorkbookLayout.PASS;
import static dev.gradsheet.export.WorkbookLayout.VALUE;
import static dev.gradsheet.export.WorkbookLayout.cellRow;
import static dev.gradsheet.export.WorkbookLayout.ref;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Op;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes the Cells sheet: one row per cell — name, value, gradient, kind, GradSheet formula — where
 * inputs and weights are numbers to type over and every other value and every gradient is a live
 * formula ({@link SpreadsheetFormulas}). Rows are written top to bottom, each whole before the next,
 * as a streaming workbook needs.
 */
final class CellsSheetWriter {
    private final ExportGraph graph;
    private final SpreadsheetFormulas formulas;
    private final WorkbookStyles styles;

    CellsSheetWriter(ExportGraph graph, WorkbookStyles styles) {
        this.graph = graph;
        this.formulas = new SpreadsheetFormulas(graph);
        this.styles = styles;
    }

    /** Where this sheet keeps each cell's numbers. */
    static final SpreadsheetFormulas.Refs REFS = new SpreadsheetFormulas.Refs() {
        @Override
        public String value(int i) {
            return ref(cellRow(i), VALUE);
        }

        @Override
        public String grad(int i) {
            return ref(cellRow(i), GRAD);
        }

        @Override
        public String pass(int i) {
            return ref(cellRow(i), PASS);
        }
    };

    void write(Sheet sheet) {
        Row header = sheet.createRow(0);
        String objective = graph.objective < 0 ? "objective" : graph.name(graph.objective);
        boolean passes = false;
        for (int i = 0; i < graph.size() && !passes; i++) {
            passes = formulas.needsPass(i);
        }
        for (int c = 0; c < WorkbookLayout.HEADER.length; c++) {
            if (c != PASS || passes) { // the "passed on" column only where a logits-form bce needs it
                String text = c == GRAD ? "∂" + objective + "/∂cell" : WorkbookLayout.HEADER[c];
                text(header, c, text).setCellStyle(styles.bold);
            }
        }
        text(header, NOTE, "Type a new input or weight in column B: every value and gradient follows.");
        if (needsHelpers()) { // said now: a streamed sheet cannot go back to its first row later
            text(header, FIRST_HELPER, "partial sums of long formulas");
        }
        for (int i = 0; i < graph.size(); i++) {
            Row row = sheet.createRow(cellRow(i));
            Cell cell = graph.cell(i);
            var name = text(row, NAME, cell.name());
            if (i == graph.objective) {
                name.setCellStyle(styles.bold);
            }
            text(row, KIND, cell.kind());
            text(row, FORMULA, cell.formula());
            int[] nextHelper = {FIRST_HELPER};
            java.util.function.Function<String, String> helper = f -> {
                int column = nextHelper[0]++;
                formula(row, column, f);
                return ref(row.getRowNum(), column);
            };
            Op op = graph.ops[i];
            if (op == Op.INPUT || op == Op.WEIGHT || op == Op.CONST) {
                row.createCell(VALUE).setCellValue(cell.value());
            } else {
                formula(row, VALUE, Spill.fit(formulas.value(i, REFS), helper));
            }
            formula(row, GRAD, Spill.fit(formulas.grad(i, REFS), helper));
            if (formulas.needsPass(i)) {
                formula(row, PASS, Spill.fit(formulas.pass(i, REFS), helper));
            }
        }
        if (graph.size() > 0) {
            WorkbookStyles.colourGradients(sheet, new CellRangeAddress(cellRow(0), cellRow(graph.size() - 1), GRAD, GRAD),
                    ref(cellRow(0), GRAD));
        }
        sheet.createFreezePane(1, 1);
        WorkbookStyles.printOnePageWide(sheet);
        sheet.setColumnWidth(NAME, 14 * 256);
        sheet.setColumnWidth(VALUE, 14 * 256);
        sheet.setColumnWidth(GRAD, 14 * 256);
        sheet.setColumnWidth(KIND, 10 * 256);
        sheet.setColumnWidth(FORMULA, 30 * 256);
        sheet.setColumnWidth(PASS, 12 * 256);
    }

    /** Whether some cell's formula is too long for one spreadsheet cell. */
    private boolean needsHelpers() {
        for (int i = 0; i < graph.size(); i++) {
            boolean computed = !graph.isLeaf(i) && graph.ops[i] != Op.CONST;
            if ((computed && formulas.value(i, REFS).text().length() > Spill.MAX_FORMULA)
                    || formulas.grad(i, REFS).text().length() > Spill.MAX_FORMULA
                    || (formulas.needsPass(i) && formulas.pass(i, REFS).text().length() > Spill.MAX_FORMULA)) {
                return true;
            }
        }
        return false;
    }

    /** A formula cell with no cached result, so the spreadsheet program computes it when it opens the file. */
    static void formula(Row row, int column, String formula) {
        org.apache.poi.ss.usermodel.Cell c = row.createCell(column);
        c.setCellFormula(formula);
        // An empty text result is written as no result at all: LibreOffice then computes the cell on
        // load even when set never to recalculate, and Excel recalculates the whole book (fullCalcOnLoad).
        c.setCellValue("");
    }

    static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String text) {
        org.apache.poi.ss.usermodel.Cell c = row.createCell(column);
        c.setCellValue(text);
        return c;
    }
}
