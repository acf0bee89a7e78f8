package dev.gradsheet.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Prints a sheet's cells as an aligned table or as JSON with full double precision. Both stream:
 * cells are read from the sheet a block at a time, so a million-cell sheet never exists as a million
 * strings or a JSON tree.
 */
final class CellTable {
    /** Cells read from the sheet at a time. */
    private static final int BLOCK = 4096;
    private static final String[] HEADER = {"name", "kind", "formula", "value", "grad"};

    private CellTable() {
    }

    /** Writes more fields into the streamed JSON object after {@code "cells"} (a command's extras). */
    interface JsonExtras {
        void write(JsonGenerator json) throws IOException;
    }

    /** The aligned table: name, kind, formula, value, grad; the objective marked with a star. */
    static String table(Sheet sheet) {
        java.io.StringWriter out = new java.io.StringWriter();
        PrintWriter writer = new PrintWriter(out);
        printTable(sheet, writer);
        writer.flush();
        return out.toString();
    }

    /**
     * Prints the aligned table. The column widths need every row, so the rows' text is kept in one
     * char array (about 50 chars a cell) rather than as millions of strings, then written padded.
     */
    static void printTable(Sheet sheet, PrintWriter out) {
        String objective = sheet.objective();
        RowText rows = new RowText();
        rows.add(HEADER);
        String[] row = new String[5];
        int size = sheet.size();
        for (int offset = 0; offset < size; offset += BLOCK) {
            for (Cell c : sheet.cells(offset, BLOCK)) {
                row[0] = c.name().equals(objective) ? c.name() + " *" : c.name();
                row[1] = c.kind();
                row[2] = c.formula();
                row[3] = Numbers.readable(c.value(), 10);
                row[4] = Numbers.readable(c.grad(), 10);
                rows.add(row);
            }
        }
        // Rows are laid out in a local buffer and written 64k chars at a time: a writer call per field
        // (ten per row) cost more than the formatting.
        char[] buffer = new char[1 << 16];
        int used = 0;
        int lineMax = 8;
        for (int w : rows.width) {
            lineMax += w + 2;
        }
        for (int r = 0; r < rows.count; r++) {
            if (used + lineMax > buffer.length) {
                out.write(buffer, 0, used);
                used = 0;
                if (lineMax > buffer.length) {
                    buffer = new char[lineMax];
                }
            }
            // Text columns are padded after, number columns before: a line ends in the gradient, so
            // it has no trailing spaces.
            for (int i = 0; i < 5; i++) {
                int len = rows.length(r, i);
                int pad = rows.width[i] - len;
                if (i >= 3) {
                    java.util.Arrays.fill(buffer, used, used + pad, ' ');
                    used += pad;
                }
                System.arraycopy(rows.chars, rows.start(r, i), buffer, used, len);
                used += len;
                if (i < 3) {
                    java.util.Arrays.fill(buffer, used, used + pad, ' ');
                    used += pad;
                }
                if (i < 4) {
                    buffer[used++] = ' ';
                    buffer[used++] = ' ';
                }
            }
            buffer[used++] = '\n';
        }
        out.write(buffer, 0, used);
        if (objective == null) {
            out.append("* the sheet has no cells, so no objective\n");
        } else {
            out.append("* objective ").append(objective).append(" = ")
                    .append(Numbers.readable(sheet.objectiveValue(), 10)).append('\n');
        }
    }

    /** The rows' texts end to end in one char array, with each field's end and each column's width. */
    private static final class RowText {
        char[] chars = new char[1 << 16];
        int used;
        int[] ends = new int[5 * 1024];
        int count;
        final int[] width = new int[5];

        void add(String[] fields) {
            if ((count + 1) * 5 > ends.length) {
                ends = java.util.Arrays.copyOf(ends, ends.length * 2);
            }
            for (int i = 0; i < 5; i++) {
                String f = fields[i];
                if (used + f.length() > chars.length) {
                    chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, used + f.length()));
                }
                f.getChars(0, f.length(), chars, used);
                used += f.length();
                ends[count * 5 + i] = used;
                width[i] = Math.max(width[i], f.length());
            }
            count++;
        }

        int start(int row, int field) {
            int k = row * 5 + field;
            return k == 0 ? 0 : ends[k - 1];
        }

        int length(int row, int field) {
            return ends[row * 5 + field] - start(row, field);
        }
    }

    /**
     * Streams the JSON object: objective, learning rate, every cell (generated ones included), then
     * {@code extras}; the same text as {@link #write(ObjectNode)} of the tree with the same fields.
     */
    static void printJson(Sheet sheet, Writer out, JsonExtras extras) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("objective", sheet.objective());
            json.writeNumberField("lr", sheet.learningRate());
            json.writeArrayFieldStart("cells");
            int size = sheet.size();
            for (int offset = 0; offset < size; offset += BLOCK) {
                List<Cell> block = sheet.cells(offset, BLOCK);
                for (Cell c : block) {
                    json.writeStartObject();
                    json.writeStringField("name", c.name());
                    json.writeStringField("kind", c.kind());
                    json.writeStringField("formula", c.formula());
                    json.writeNumberField("value", c.value());
                    json.writeNumberField("grad", c.grad());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            extras.write(json);
            json.writeEndObject();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON object as a tree, for commands that add to it: objective, learning rate and every cell. */
    static ObjectNode json(Sheet sheet) {
        ObjectNode root = Tree.MAPPER.createObjectNode();
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
            return Tree.MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's databind, loaded only by the commands that build a tree (not by eval or step). */
    private static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
