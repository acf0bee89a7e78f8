package dev.gradsheet.export;

import static dev.gradsheet.export.WorkbookLayout.CELLS;
import static dev.gradsheet.export.WorkbookLayout.FORMULA;
import static dev.gradsheet.export.WorkbookLayout.KIND;
import static dev.gradsheet.export.WorkbookLayout.NAME;
import static dev.gradsheet.export.WorkbookLayout.VALUE;

import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Problem;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens a workbook GradSheet wrote ({@link WorkbookExport}) as the sheet it came from: the cells are
 * read back from the Cells sheet's rows — each user cell's GradSheet formula, and for inputs and
 * weights the number in the value column, so a weight typed in the spreadsheet program comes back —
 * the settings from the hidden GradSheet sheet and the data table from the Data sheet.
 *
 * <p>Anything else is refused with a message and nothing is opened: a workbook GradSheet did not
 * write, and one whose value formulas were changed in the spreadsheet program (GradSheet reads its
 * own formulas, not the spreadsheet's, so such a change would be lost without a word).
 */
public final class WorkbookImport {
    private WorkbookImport() {
    }

    /** The sheet in workbook {@code bytes}; {@code source} names it in messages. */
    public static SheetFile.Loaded read(byte[] bytes, String source) throws SheetFormatException {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) { // POI reports a damaged or foreign file in many ways
            throw refused(source, "not an .xlsx workbook GradSheet can read (" + e.getClass().getSimpleName() + ")");
        }
        try (workbook) {
            return new Reader(workbook, source).read();
        } catch (java.io.IOException e) {
            throw refused(source, "cannot read: " + e.getMessage());
        }
    }

    static SheetFormatException refused(String source, String message) {
        return new SheetFormatException(source, List.of(new Problem(0, 0, message)));
    }

    /** One workbook's reading: the .sheet text it stands for, with where each line came from. */
    private static final class Reader {
        private final XSSFWorkbook workbook;
        private final String source;
        private final StringBuilder text = new StringBuilder();
        /** For each line of {@link #text}: the workbook cell it came from ({@code Cells!E7}). */
        private final List<String> origins = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        /** The Cells sheet's rows as read: name and kind, in order. */
        private final List<String[]> rows = new ArrayList<>();

        Reader(XSSFWorkbook workbook, String source) {
            this.workbook = workbook;
            this.source = source;
        }

        SheetFile.Loaded read() throws SheetFormatException {
            Sheet meta = workbook.getSheet(WorkbookLayout.META);
            Sheet cells = workbook.getSheet(CELLS);
            if (meta == null || !WorkbookLayout.MARK.equals(string(cell(meta, 0, 0))) || cells == null) {
                throw refused(source, "not a workbook GradSheet wrote (it has no GradSheet sheet): GradSheet opens the"
                        + " workbooks it exports; write another spreadsheet's cells as a .sheet file to open them");
            }
            Cell version = cell(meta, 0, 1);
            if (version == null || version.getCellType() != CellType.NUMERIC
                    || version.getNumericCellValue() > WorkbookLayout.FORMAT_VERSION) {
                throw refused(source, "written by a newer GradSheet (workbook format " + string(version)
                        + "); this one reads format " + WorkbookLayout.FORMAT_VERSION);
            }
            for (int r = WorkbookLayout.META_FIRST_LINE; r <= meta.getLastRowNum(); r++) {
                String line = string(cell(meta, r, 0));
                if (!line.isEmpty()) {
                    add(line, WorkbookLayout.META + "!A" + (r + 1));
                }
            }
            readCells(cells);
            Sheet data = workbook.getSheet(WorkbookLayout.DATA);
            if (data != null) {
                readData(data);
            }
            if (!problems.isEmpty()) {
                throw new SheetFormatException(source, problems);
            }
            SheetFile.Loaded loaded;
            try {
                loaded = SheetFile.parse(text.toString(), source);
            } catch (SheetFormatException e) {
                List<Problem> located = new ArrayList<>();
                for (Problem p : e.problems()) {
                    String where = p.line() >= 1 && p.line() <= origins.size() ? origins.get(p.line() - 1) + ": " : "";
                    located.add(new Problem(0, 0, where + p.message()));
                }
                throw new SheetFormatException(source, located);
            }
            new FormulaCheck(workbook, cells, source).check(loaded, rows);
            return loaded;
        }

        private void readCells(Sheet cells) {
            for (int r = 1; r <= cells.getLastRowNum(); r++) {
                String name = string(cell(cells, r, NAME));
                if (name.isEmpty()) {
                    continue;
                }
                String kind = string(cell(cells, r, KIND));
                rows.add(new String[] {name, kind, String.valueOf(r)});
                if (name.contains(".")) {
                    continue; // a formula's intermediate step: its user cell's formula makes it again
                }
                if (kind.equals("input") || kind.equals("weight")) {
                    Cell v = cell(cells, r, VALUE);
                    if (v == null || v.getCellType() != CellType.NUMERIC) {
                        problems.add(new Problem(0, 0, CELLS + "!" + new CellReference(r, VALUE).formatAsString(false)
                                + ": the " + kind + " " + name + " needs a number here"
                                + (v != null && v.getCellType() == CellType.FORMULA ? ", not a formula (=" + v.getCellFormula() + ")" : "")));
                        continue;
                    }
                    add(name + " = " + kind + "(" + Numbers.exact(v.getNumericCellValue()) + ")",
                            CELLS + "!" + new CellReference(r, VALUE).formatAsString(false));
                } else {
                    add(name + " = " + string(cell(cells, r, FORMULA)), CELLS + "!" + new CellReference(r, FORMULA)
                            .formatAsString(false));
                }
            }
        }

        private void readData(Sheet data) {
            Row header = data.getRow(0);
            int columns = header == null ? 0 : Math.max(0, header.getLastCellNum());
            List<String> names = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                names.add(string(header.getCell(c)));
            }
            add("@data = " + String.join(", ", names), WorkbookLayout.DATA + "!A1");
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                Row row = data.getRow(r);
                if (row == null || row.getPhysicalNumberOfCells() == 0) {
                    continue;
                }
                StringBuilder line = new StringBuilder("@row = ");
                for (int c = 0; c < columns; c++) {
                    Cell v = row.getCell(c);
                    if (v == null || v.getCellType() != CellType.NUMERIC) {
                        problems.add(new Problem(0, 0, WorkbookLayout.DATA + "!" + new CellReference(r, c).formatAsString(false)
                                + ": a data table holds numbers"));
                        return;
                    }
                    line.append(c > 0 ? ", " : "").append(Numbers.exact(v.getNumericCellValue()));
                }
                add(line.toString(), WorkbookLayout.DATA + "!A" + (r + 1));
            }
        }

        private void add(String line, String origin) {
            text.append(line.replace('\n', ' ')).append('\n');
            origins.add(origin);
        }
    }

    static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    /** A cell's text (a number's shortest text), or "" for none. */
    static String string(Cell c) {
        if (c == null) {
            return "";
        }
        return switch (c.getCellType()) {
            case STRING -> c.getStringCellValue().strip();
            case NUMERIC -> Numbers.exact(c.getNumericCellValue());
            case FORMULA -> c.getCachedFormulaResultType() == CellType.STRING ? c.getStringCellValue().strip() : "";
            default -> "";
        };
    }
}
