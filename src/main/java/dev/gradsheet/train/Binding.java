package dev.gradsheet.train;

import dev.gradsheet.engine.Messages;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a data table's columns to the sheet's input cells of the same name. Every column must name
 * an input cell, and every input the sheet takes from data must have a column: the columns the sheet
 * declares ({@code @data}), or, for a sheet without {@code @data}, every input cell its objective
 * depends on — otherwise training would silently use the input's fixed value for every sample.
 */
public final class Binding {
    private Binding() {
    }

    /**
     * Checks the binding; {@code source} names the data in messages ({@code FILE:1: message}, the
     * header's line). {@code required} is the sheet's declared {@code @data} columns, or null for
     * "every input the objective depends on".
     */
    public static void check(Sheet sheet, DataTable data, List<String> required, String source) throws DataException {
        List<String> problems = new ArrayList<>();
        String why = required == null ? "the objective " + sheet.objective() + " depends on it"
                : "the sheet's @data lists " + String.join(", ", required);
        if (required == null) {
            required = objectiveInputs(sheet);
        }
        for (String column : data.columns()) {
            Cell cell = sheet.cell(column).orElse(null);
            if (cell == null) {
                problems.add(source + ":1: column " + Messages.quote(column) + " names no cell of the sheet"
                        + inputsHint(sheet));
            } else if (!cell.isInput()) {
                problems.add(source + ":1: column " + Messages.quote(column) + " names a " + cell.kind()
                        + " cell; data binds only to input cells");
            }
        }
        if (required != null) {
            for (String name : required) {
                if (!data.columns().contains(name)) {
                    problems.add(source + ":1: missing column " + name + " (" + why + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
    }

    /** The input cells the objective depends on, in display order. */
    public static List<String> objectiveInputs(Sheet sheet) {
        String objective = sheet.objective();
        if (objective == null) {
            return List.of();
        }
        java.util.Map<String, List<String>> args = sheet.arguments();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(objective));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                todo.addAll(args.getOrDefault(n, List.of()));
            }
        }
        return sheet.cells().stream().filter(c -> c.isInput() && seen.contains(c.name())).map(Cell::name).toList();
    }

    private static String inputsHint(Sheet sheet) {
        List<String> inputs = sheet.cells().stream().filter(Cell::isInput).map(Cell::name).toList();
        return inputs.isEmpty() ? "" : " (its inputs: " + String.join(", ", inputs) + ")";
    }
}
