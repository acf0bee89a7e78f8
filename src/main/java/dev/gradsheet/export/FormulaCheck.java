package dev.gradsheet.export;

import static dev.gradsheet.export.WorkbookLayout.CELLS;
import static dev.gradsheet.export.WorkbookLayout.VALUE;

import dev.gradsheet.engine.Op;
import dev.gradsheet.engine.Problem;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Checks that a workbook's Cells sheet still is what its GradSheet formulas make: the same rows in
 * the same order, and in the value column the very formulas GradSheet writes for them. GradSheet
 * reads a cell's formula from its GradSheet formula column, so a value formula changed in the
 * spreadsheet program would be dropped silently; instead the workbook is refused, saying which cell.
 * Formulas are compared as parsed (spaces, {@code $} and the way a number is written do not count),
 * so a workbook saved again by LibreOffice or Excel still opens.
 */
final class FormulaCheck {
    private final XSSFWorkbook workbook;
    private final Sheet cells;
    private final String source;
    private final XSSFEvaluationWorkbook parsing;

    FormulaCheck(XSSFWorkbook workbook, Sheet cells, String source) {
        this.workbook = workbook;
        this.cells = cells;
        this.source = source;
        this.parsing = XSSFEvaluationWorkbook.create(workbook);
    }

    /** Refuses the workbook unless its rows ({@code rows}: name, kind, row) are {@code loaded}'s cells as written. */
    void check(SheetFile.Loaded loaded, List<String[]> rows) throws SheetFormatException {
        ExportGraph graph = ExportGraph.of(loaded.sheet());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < Math.max(graph.size(), rows.size()); i++) {
            String expected = i < graph.size() ? graph.name(i) : null;
            String[] row = i < rows.size() ? rows.get(i) : null;
            if (row == null || expected == null || !row[0].equals(expected) || !row[1].equals(graph.cell(i).kind())) {
                throw WorkbookImport.refused(source, CELLS + " sheet, " + (row == null ? "after its last row"
                        : "row " + (Integer.parseInt(row[2]) + 1)) + ": the rows are not the cells their GradSheet formulas"
                        + " make (" + (expected == null ? "no more cells" : "expected " + expected + ", a "
                        + graph.cell(i).kind()) + "); rows were added, removed or moved in the spreadsheet program");
            }
        }
        SpreadsheetFormulas formulas = new SpreadsheetFormulas(graph);
        int sheetIndex = workbook.getSheetIndex(cells);
        for (int i = 0; i < graph.size(); i++) {
            int r = Integer.parseInt(rows.get(i)[2]);
            Cell actual = WorkbookImport.cell(cells, r, VALUE);
            String at = CELLS + "!" + new CellReference(r, VALUE).formatAsString(false) + ": ";
            Op op = graph.ops[i];
            if (graph.isLeaf(i)) {
                continue; // read back as the cell's value
            }
            if (op == Op.CONST) {
                if (actual == null || actual.getCellType() != CellType.NUMERIC
                        || actual.getNumericCellValue() != graph.cell(i).value()) {
                    problems.add(new Problem(0, 0, at + "the constant " + graph.name(i) + " was changed; change it in"
                            + " the formula of " + graph.cell(i).owner() + " (column E) instead"));
                }
                continue;
            }
            int[] helper = {WorkbookLayout.FIRST_HELPER};
            String wanted = Spill.fit(formulas.value(i, CellsSheetWriter.REFS),
                    f -> WorkbookLayout.ref(r, helper[0]++));
            if (actual == null || actual.getCellType() != CellType.FORMULA) {
                problems.add(new Problem(0, 0, at + graph.name(i) + " is computed by its formula (column E), but a"
                        + " number was typed over its value; GradSheet reads formulas from column E only"));
            } else if (!same(actual.getCellFormula(), wanted, sheetIndex)) {
                problems.add(new Problem(0, 0, at + "the value formula of " + graph.name(i) + " was changed (=" + actual.getCellFormula()
                        + "); GradSheet reads formulas from column E only, so that change would be lost: change "
                        + graph.cell(i).owner() + "'s formula in GradSheet instead"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SheetFormatException(source, problems);
        }
    }

    /** Whether two formulas are the same once parsed, whatever their spacing and number notation. */
    private boolean same(String a, String b, int sheetIndex) {
        try {
            return render(a, sheetIndex).equals(render(b, sheetIndex));
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private String render(String formula, int sheetIndex) {
        return FormulaRenderer.toFormulaString(parsing, FormulaParser.parse(formula, parsing, FormulaType.CELL, sheetIndex))
                .replace("$", "");
    }
}
