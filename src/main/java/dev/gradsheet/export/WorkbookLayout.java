package dev.gradsheet.export;

import org.apache.poi.ss.util.CellReference;

/**
 * Where a GradSheet workbook keeps what: the sheets' names and the Cells sheet's columns, shared by
 * the writer and the reader so the two cannot drift apart.
 */
final class WorkbookLayout {
    static final String CELLS = "Cells";
    static final String SGD = "SGD";
    static final String DATA = "Data";
    /** The hidden sheet that marks a workbook as GradSheet's and keeps the sheet's settings. */
    static final String META = "GradSheet";
    /** What {@link #META}'s first cell says. */
    static final String MARK = "GradSheet workbook";
    static final int FORMAT_VERSION = 1;
    /** The row of {@link #META} where the settings lines start (0-based); one line per row in column A. */
    static final int META_FIRST_LINE = 3;

    // The Cells sheet: one row per cell from the second row on.
    static final int NAME = 0;
    static final int VALUE = 1;
    static final int GRAD = 2;
    static final int KIND = 3;
    static final int FORMULA = 4;
    /** A sigmoid's gradient passed on to its argument, where a logits-form bce takes a share of it. */
    static final int PASS = 5;
    static final int NOTE = 6;
    /** Partial sums of formulas too long for one cell start here. */
    static final int FIRST_HELPER = 8;
    static final String[] HEADER = {"name", "value", "gradient", "kind", "GradSheet formula", "passed on"};

    // The SGD sheet: learning rate and steps at the top, the header, then one row per step.
    static final int SGD_LR_ROW = 0;
    static final int SGD_STEPS_ROW = 1;
    static final int SGD_HEADER_ROW = 4;
    static final int SGD_FIRST_STEP_ROW = 5;

    private WorkbookLayout() {
    }

    /** The 0-based row of cell number {@code i} on the Cells sheet. */
    static int cellRow(int i) {
        return i + 1;
    }

    /** An A1 reference, {@code B7}, to 0-based {@code row} and {@code column}. */
    static String ref(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    /** An absolute A1 reference, {@code $B$7}. */
    static String absolute(int row, int column) {
        return "$" + CellReference.convertNumToColString(column) + "$" + (row + 1);
    }
}
