package dev.gradsheet.ui.train;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.DecisionMap;
import dev.gradsheet.train.NetworkStructure;
import java.util.List;

/**
 * Decides whether and how a sheet gets a decision picture: it needs two input cells bound to data
 * columns and an output cell; then it draws the output over the data's plane with a
 * {@link DecisionMap}, which a {@link Heatmap} draws. Computing a picture is apart from drawing it: it
 * reads the sheet, drawing does not. The inputs are {@code x1} and {@code x2} with the output
 * {@code out} (else {@code p}), as the templates name them; any other layered sheet of two inputs and
 * one output neuron (as the network view reads it, {@link NetworkStructure}) gets one too.
 */
public final class DecisionPicture {
    /** Cells per side of the map. */
    static final int SIZE = 40;
    /** Sheets bigger than this get no live picture (each picture is SIZE² forward passes). */
    static final int MAX_CELLS = 20_000;

    private DecisionPicture() {
    }

    /** The plane a picture is drawn over (two input cells) and the cell it shows. */
    record Axes(String x, String y, String output) {
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

    /** Why a sheet gets no decision picture. */
    public enum Why { NO_DATA, TOO_BIG, NO_INPUTS, NO_OUTPUT }

    /**
     * A decision picture ready to draw: the output over the plane ({@code map}), the data's points with
     * the rows {@code testRows} (sorted) hollow; or only {@code why} there is none.
     */
    public record Picture(DecisionMap map, DataTable data, int[] testRows, Why why) {
        static Picture none(Why why) {
            return new Picture(null, null, new int[0], why);
        }
    }

    /** Computes the picture of {@code sheet} over {@code data}'s plane (no test rows). */
    public static Picture of(Sheet sheet, DataTable data) {
        return of(sheet, data, new int[0]);
    }

    /** Computes the picture with the rows {@code testRows} (sorted) as hollow test points, or says why there is none. */
    public static Picture of(Sheet sheet, DataTable data, int[] testRows) {
        Why why = why(sheet, data);
        if (why != null) {
            return Picture.none(why);
        }
        Axes axes = axes(sheet);
        return new Picture(DecisionMap.compute(sheet, axes.x(), axes.y(), axes.output(), data, SIZE), data,
                testRows.clone(), null);
    }

    /** Why a picture cannot be drawn, or null when it can. */
    static Why why(Sheet sheet, DataTable data) {
        if (data == null) {
            return Why.NO_DATA;
        }
        if (sheet.size() > MAX_CELLS) {
            return Why.TOO_BIG;
        }
        Axes axes = axes(sheet);
        if (axes == null || data.columnIndex(axes.x()) < 0 || data.columnIndex(axes.y()) < 0) {
            return Why.NO_INPUTS;
        }
        if (axes.output() == null) {
            return Why.NO_OUTPUT;
        }
        return null;
    }

    /**
     * The inputs and output to draw: the templates' names first, else the layered network's two inputs
     * and its one output neuron; null when the sheet has neither pair of inputs.
     */
    static Axes axes(Sheet sheet) {
        if (isInput(sheet, "x1") && isInput(sheet, "x2")) {
            return new Axes("x1", "x2", output(sheet));
        }
        NetworkStructure net = NetworkStructure.of(sheet);
        if (net.refusal().isPresent() || net.inputs().size() != 2) {
            return null;
        }
        List<NetworkStructure.Neuron> last = net.layers().get(net.layers().size() - 1);
        String output = output(sheet) != null ? output(sheet) : last.size() == 1 ? last.get(0).cell() : null;
        return new Axes(net.inputs().get(0), net.inputs().get(1), output);
    }

    private static boolean isInput(Sheet sheet, String name) {
        return sheet.cell(name).map(Cell::isInput).orElse(false);
    }
}
