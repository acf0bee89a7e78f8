package dev.gradsheet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayList;
import java.util.List;

/** Prints a sheet's cells as an aligned table or as JSON with full double precision. */
final class CellTable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CellTable() {
    }

    /** The aligned table: name, kind, formula, value, grad; the objective marked with a star. */
    static String table(Sheet sheet) {
        List<Cell> cells = sheet.cells();
        String objective = sheet.objective();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "kind", "formula", "value", "grad"});
        for (Cell c : cells) {
            rows.add(new String[] {c.name().equals(objective) ? c.name() + " *" : c.name(), c.kind(),
                c.formula(), Numbers.readable(c.value(), 10), Numbers.readable(c.grad(), 10)});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                boolean numeric = i >= 3;
                String cell = numeric ? " ".repeat(width[i] - r[i].length()) + r[i]
                        : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(cell).append(i < 4 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (objective == null) {
            out.append("* the sheet has no cells, so no objective\n");
        } else {
            out.append("* objective ").append(objective).append(" = ")
                    .append(Numbers.readable(sheet.objectiveValue(), 10)).append('\n');
        }
        return out.toString();
    }

    /** The JSON object: objective, learning rate and every cell (generated ones included). */
    static ObjectNode json(Sheet sheet) {
        ObjectNode root = JSON.createObjectNode();
        root.put("objective", sheet.objective());
        root.put("lr", sheet.learningRate());
        ArrayNode cells = root.putArray("cells");
        for (Cell c : sheet.cells()) {
            ObjectNode n = cells.addObject();
            n.put("name", c.name());
            n.put("kind", c.kind());
            n.put("formula", c.formula());
            n.put("value", c.value());
            n.put("grad", c.grad());
        }
        return root;
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
