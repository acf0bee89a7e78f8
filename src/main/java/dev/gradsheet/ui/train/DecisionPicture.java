package dev.gradsheet.ui.train;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.DecisionMap;

/**
 * Decides whether and how a sheet gets a decision picture: it needs input cells {@code x1} and
 * {@code x2}, data with those columns, and an output cell ({@code out}, else {@code p}); then it
 * draws the output over the data's plane with a {@link DecisionMap} on a {@link Heatmap}.
 */
public final class DecisionPicture {
    /** Cells per side of the map. */
    static final int SIZE = 40;
    /** Sheets bigger than this get no live picture (each picture is SIZE² forward passes). */
    static final int MAX_CELLS = 20_000;

    private DecisionPicture() {
    }

    /** The output a picture shows: {@code out}, else {@code p}, else null. */
    public static String output(Sheet sheet) {
        for (String name : new String[] {"out", "p"}) {
            if (sheet.cell(name).filter(c -> !c.isInput() && !c.isWeight()).isPresent()) {
                return name;
            }
        }
        return null;
    }

    /** Draws the picture on {@code heatmap}, or says why there is none. */
    public static void draw(Heatmap heatmap, Sheet sheet, DataTable data) {
        draw(heatmap, sheet, data, new int[0]);
    }

    /** Draws the picture with the rows {@code testRows} (sorted) as hollow test points. */
    public static void draw(Heatmap heatmap, Sheet sheet, DataTable data, int[] testRows) {
        String why = whyNot(sheet, data);
        if (why != null) {
            heatmap.clear(why);
            return;
        }
        heatmap.show(DecisionMap.compute(sheet, "x1", "x2", output(sheet), data, SIZE), data, testRows);
    }

    /** Why a picture cannot be drawn, or null when it can. */
    static String whyNot(Sheet sheet, DataTable data) {
        if (data == null) {
            return TrainTexts.t("train.picture.noData");
        }
        if (!isInput(sheet, "x1") || !isInput(sheet, "x2") || data.columnIndex("x1") < 0
                || data.columnIndex("x2") < 0) {
            return TrainTexts.t("train.picture.noInputs");
        }
        if (output(sheet) == null) {
            return TrainTexts.t("train.picture.noOutput");
        }
        if (sheet.size() > MAX_CELLS) {
            return TrainTexts.t("train.picture.tooBig");
        }
        return null;
    }

    private static boolean isInput(Sheet sheet, String name) {
        return sheet.cell(name).map(Cell::isInput).orElse(false);
    }
}
