package dev.gradsheet.export;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A sheet as an {@code .xlsx} workbook whose formulas are the backprop: the Cells sheet (one row per
 * cell, values and gradients as live formulas), the SGD sheet (one row per training step), the Data
 * sheet when the sheet has a data table, each user cell's name as a defined name where the programs
 * allow it, and a hidden GradSheet sheet that marks the workbook as GradSheet's and keeps the sheet's
 * settings, so {@link WorkbookImport} can open it again. Written streaming (POI's SXSSF), so a big
 * sheet never sits in memory as a workbook.
 */
public final class WorkbookExport {
    private WorkbookExport() {
    }

    /**
     * Refuses, with a message saying why and what to do, a workbook of {@code loaded} with
     * {@code sgdSteps} SGD rows that would be above {@link ExportLimits}.
     */
    public static void check(SheetFile.Loaded loaded, int sgdSteps) throws ExportRefusedException {
        int cells = loaded.sheet().size();
        if (cells > ExportLimits.MAX_CELLS) {
            throw new ExportRefusedException(String.format(Locale.ROOT,
                    "the sheet has %,d cells; a workbook takes at most %,d", cells, ExportLimits.MAX_CELLS));
        }
        if (sgdSteps < 0) {
            throw new ExportRefusedException("the number of SGD steps cannot be negative, not " + sgdSteps);
        }
        if (sgdSteps > 0 && (cells > ExportLimits.MAX_SGD_CELLS || (long) cells * sgdSteps > ExportLimits.MAX_SGD_CELL_STEPS)) {
            throw new ExportRefusedException(String.format(Locale.ROOT,
                    "an SGD sheet of %,d steps for %,d cells is too big: it takes at most %,d cells and %,d cells"
                            + " × steps (2,000 cells × 100 steps); ask for fewer steps, or 0 to leave the SGD sheet out",
                    sgdSteps, cells, ExportLimits.MAX_SGD_CELLS, ExportLimits.MAX_SGD_CELL_STEPS));
        }
        DataTable data = loaded.data();
        if (data != null && data.size() > ExportLimits.MAX_DATA_ROWS) {
            throw new ExportRefusedException(String.format(Locale.ROOT,
                    "the data table has %,d rows; a workbook takes at most %,d", data.size(), ExportLimits.MAX_DATA_ROWS));
        }
    }

    /**
     * Writes {@code loaded} as a workbook to {@code out} (not closed), with {@code sgdSteps} SGD steps
     * (0: no SGD sheet); {@code source} is recorded as where it came from. Refused as {@link #check} says.
     */
    public static void write(SheetFile.Loaded loaded, String source, int sgdSteps, OutputStream out)
            throws ExportRefusedException, IOException {
        check(loaded, sgdSteps);
        ExportGraph graph = ExportGraph.of(loaded.sheet());
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            new CellsSheetWriter(graph, styles).write(workbook.createSheet(WorkbookLayout.CELLS));
            if (sgdSteps > 0) {
                new SgdSheetWriter(graph, styles, sgdSteps).write(workbook.createSheet(WorkbookLayout.SGD));
            }
            if (loaded.data() != null) {
                writeData(workbook.createSheet(WorkbookLayout.DATA), loaded.data(), styles);
            }
            writeMeta(workbook.createSheet(WorkbookLayout.META), loaded, source);
            workbook.setSheetHidden(workbook.getSheetIndex(WorkbookLayout.META), true);
            defineNames(workbook, graph);
            workbook.setForceFormulaRecalculation(true); // Excel computes every formula when it opens the file
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose(); // deletes the streamed rows' temporary files
        }
    }

    private static void writeData(Sheet sheet, DataTable data, WorkbookStyles styles) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < data.columns().size(); c++) {
            CellsSheetWriter.text(header, c, data.columns().get(c)).setCellStyle(styles.bold);
        }
        for (int r = 0; r < data.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < data.columns().size(); c++) {
                row.createCell(c).setCellValue(data.get(r, c));
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** The mark, the format's version, the source, then the sheet's settings lines. */
    private static void writeMeta(Sheet sheet, SheetFile.Loaded loaded, String source) {
        Row mark = sheet.createRow(0);
        CellsSheetWriter.text(mark, 0, WorkbookLayout.MARK);
        mark.createCell(1).setCellValue(WorkbookLayout.FORMAT_VERSION);
        Row from = sheet.createRow(1);
        CellsSheetWriter.text(from, 0, "exported from");
        CellsSheetWriter.text(from, 1, source);
        CellsSheetWriter.text(sheet.createRow(2), 0, "settings (lines of the .sheet file that are not cells or data):");
        List<String> lines = settingsLines(loaded);
        for (int k = 0; k < lines.size(); k++) {
            CellsSheetWriter.text(sheet.createRow(WorkbookLayout.META_FIRST_LINE + k), 0, lines.get(k));
        }
    }

    /** The lines of the sheet's file that are neither cells nor data: description, settings, claims. */
    static List<String> settingsLines(SheetFile.Loaded loaded) {
        String text = SheetFile.format(loaded.sheet(), loaded.description(), null, loaded.claims(), loaded.practice());
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.startsWith("@")) {
                out.add(line);
            }
        }
        return out;
    }

    private static void defineNames(SXSSFWorkbook workbook, ExportGraph graph) {
        DefinedNames allowed = new DefinedNames();
        for (int i = 0; i < graph.size(); i++) {
            Cell cell = graph.cell(i);
            if (cell.generated() || !allowed.take(cell.name())) {
                continue;
            }
            Name name = workbook.createName();
            try {
                name.setNameName(cell.name());
                name.setRefersToFormula(WorkbookLayout.CELLS + "!" + WorkbookLayout.absolute(WorkbookLayout.cellRow(i),
                        WorkbookLayout.VALUE));
            } catch (IllegalArgumentException refused) {
                // POI's own rules refuse it too (e.g. a function's name): the cell keeps its row, unnamed
                workbook.removeName(name);
            }
        }
    }
}
