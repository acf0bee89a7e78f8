package dev.gradsheet.train;

import dev.gradsheet.engine.Probe;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's output over the plane of its two inputs, for the decision picture: a grid of outputs
 * over the data's range (with a margin), to be drawn as a heatmap with the data points and the 0.5
 * boundary. Computed with a {@link Probe}, so the sheet is left as it was.
 *
 * @param xName   the input on the horizontal axis
 * @param yName   the input on the vertical axis
 * @param x0      left edge
 * @param x1      right edge
 * @param y0      bottom edge
 * @param y1      top edge
 * @param size    cells per side
 * @param outputs row-major from the bottom-left: outputs[j * size + i] at (x0 + (i + ½)·dx, y0 + (j + ½)·dy)
 */
public record DecisionMap(String xName, String yName, double x0, double x1, double y0, double y1, int size,
                          double[] outputs) {

    /** The map of {@code output} over inputs {@code xName} × {@code yName}, spanning {@code data}'s points. */
    public static DecisionMap compute(Sheet sheet, String xName, String yName, String output, DataTable data, int size) {
        int xc = data.columnIndex(xName);
        int yc = data.columnIndex(yName);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < data.size(); r++) {
            minX = Math.min(minX, data.get(r, xc));
            maxX = Math.max(maxX, data.get(r, xc));
            minY = Math.min(minY, data.get(r, yc));
            maxY = Math.max(maxY, data.get(r, yc));
        }
        double mx = Math.max(0.25, 0.15 * (maxX - minX));
        double my = Math.max(0.25, 0.15 * (maxY - minY));
        return compute(sheet, xName, yName, output, minX - mx, maxX + mx, minY - my, maxY + my, size);
    }

    public static DecisionMap compute(Sheet sheet, String xName, String yName, String output,
                                      double x0, double x1, double y0, double y1, int size) {
        List<double[]> points = new ArrayList<>(size * size);
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                points.add(new double[] {x0 + (i + 0.5) * (x1 - x0) / size, y0 + (j + 0.5) * (y1 - y0) / size});
            }
        }
        double[] out = sheet.probe(List.of(xName, yName), output).outputs(points);
        return new DecisionMap(xName, yName, x0, x1, y0, y1, size, out);
    }

    /** The output at grid cell (i, j). */
    public double at(int i, int j) {
        return outputs[j * size + i];
    }
}
