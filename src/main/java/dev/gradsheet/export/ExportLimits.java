package dev.gradsheet.export;

/**
 * How big a sheet the exports take. A workbook has at most 1,048,576 rows and 16,384 columns, and
 * a PyTorch script builds one Python tensor per cell; the limits keep both files usable and the
 * server's work per download bounded.
 */
public final class ExportLimits {
    /** Cells a workbook's Cells sheet or a PyTorch script takes at most. */
    public static final int MAX_CELLS = 100_000;
    /** Cells the SGD sheet takes at most (each step's row has two columns per cell). */
    public static final int MAX_SGD_CELLS = 2_000;
    /** Cells × steps the SGD sheet takes at most: 2,000 cells × 100 steps. */
    public static final long MAX_SGD_CELL_STEPS = 200_000;
    /** SGD steps the workbook gets unless told otherwise (fewer when the sheet is big). */
    public static final int DEFAULT_SGD_STEPS = 10;
    /** Data rows a workbook's Data sheet or a script takes at most. */
    public static final int MAX_DATA_ROWS = 1_000_000;
    /** Sample indices (epochs × samples) a script's written-out batch order takes at most. */
    public static final long MAX_ORDER_ENTRIES = 2_000_000;

    private ExportLimits() {
    }

    /**
     * The SGD steps a workbook of a {@code cells}-cell sheet gets by default: {@link #DEFAULT_SGD_STEPS},
     * fewer for a big sheet, 0 (no SGD sheet) above {@link #MAX_SGD_CELLS}.
     */
    public static int defaultSgdSteps(int cells) {
        if (cells > MAX_SGD_CELLS || cells == 0) {
            return 0;
        }
        return (int) Math.min(DEFAULT_SGD_STEPS, MAX_SGD_CELL_STEPS / cells);
    }
}
