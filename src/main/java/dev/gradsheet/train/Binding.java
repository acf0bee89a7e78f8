package dev.gradsheet.train;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a data table's columns to the sheet's input cells of the same name. Every column must name
 * an input cell; when the sheet declares which columns it needs ({@code @data}), each must be present.
 */
public final class Binding {
    private Binding() {
    }

    /**
     * Checks the binding; {@code source} names the data in messages ({@code FILE:1: message}, the
     * header's line). {@code required} may be null.
     */
    public static void check(Sheet sheet, DataTable data, List<String> required, String source) throws DataException {
        List<String> problems = new ArrayList<>();
        for (String column : data.columns()) {
            Cell cell = sheet.cell(column).orElse(null);
            if (cell == null) {
                problems.add(source + ":1: column '" + column + "' names no cell of the sheet"
                        + inputsHint(sheet));
            } else if (!cell.isInput()) {
                problems.add(source + ":1: column '" + column + "' names a " + cell.kind()
                        + " cell; data binds only to input cells");
            }
        }
        if (required != null) {
            for (String name : required) {
                if (!data.columns().contains(name)) {
                    problems.add(source + ":1: missing column '" + name + "' (the sheet needs "
                            + String.join(", ", required) + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
    }

    private static String inputsHint(Sheet sheet) {
        List<String> inputs = sheet.cells().stream().filter(Cell::isInput).map(Cell::name).toList();
        return inputs.isEmpty() ? "" : " (its inputs: " + String.join(", ", inputs) + ")";
    }
}
