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
import dev.gradsheet.engine.TableRows;
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
     * Prints the aligned table. The column widths need every row, so the rows are first formatted as
     * ASCII bytes ({@link TableRows}: about 50 bytes a cell, no String per field), split between two
     * threads for big sheets, then written padded.
     */
    static void printTable(Sheet sheet, PrintWriter out) {
        String objective = sheet.objective();
        TableRows[] parts = TableRows.of(sheet, 10, partsFor(sheet.size()));
        int[] width = new int[TableRows.FIELDS];
        for (int i = 0; i < width.length; i++) {
            width[i] = HEADER[i].length();
            for (TableRows part : parts) {
                width[i] = Math.max(width[i], part.width(i));
            }
        }
        // Rows are laid out in a local buffer and written 64k chars at a time: a writer call per field
        // (ten per row) cost more than the formatting.
        int lineMax = 8;
        for (int w : width) {
            lineMax += w + 2;
        }
        char[] buffer = new char[Math.max(1 << 16, lineMax)];
        int used = 0;
        for (int i = 0; i < HEADER.length; i++) {
            int pad = width[i] - HEADER[i].length();
            used = padBefore(i, pad, buffer, used);
            HEADER[i].getChars(0, HEADER[i].length(), buffer, used);
            used = padAfter(i, pad, buffer, used + HEADER[i].length());
        }
        buffer[used++] = '\n';
        for (TableRows part : parts) {
            for (int r = 0; r < part.count(); r++) {
                if (used + lineMax > buffer.length) {
                    out.write(buffer, 0, used);
                    used = 0;
                }
                for (int i = 0; i < TableRows.FIELDS; i++) {
                    int pad = width[i] - part.length(r, i);
                    used = padBefore(i, pad, buffer, used);
                    used = padAfter(i, pad, buffer, part.copy(r, i, buffer, used));
                }
                buffer[used++] = '\n';
            }
        }
        out.write(buffer, 0, used);
        if (objective == null) {
            out.append("* the sheet has no cells, so no objective\n");
        } else {
            out.append("* objective ").append(objective).append(" = ")
                    .append(Numbers.readable(sheet.objectiveValue(), 10)).append('\n');
        }
    }

    // Text columns are padded after, number columns before: a line ends in the gradient, so it has
    // no trailing spaces. Columns are separated by two spaces.
    private static int padBefore(int field, int pad, char[] buffer, int used) {
        if (field >= 3) {
            java.util.Arrays.fill(buffer, used, used + pad, ' ');
            return used + pad;
        }
        return used;
    }

    private static int padAfter(int field, int pad, char[] buffer, int used) {
        if (field < 3) {
            java.util.Arrays.fill(buffer, used, used + pad, ' ');
            used += pad;
        }
        if (field < 4) {
            buffer[used++] = ' ';
            buffer[used++] = ' ';
        }
        return used;
    }

    /** Sheets at least this big are formatted by two threads (a thread costs more than small sheets take). */
    static final int PARALLEL_FROM = 8192;

    /** How many threads format a table of {@code cells} rows: two on a machine with two cores or more. */
    static int partsFor(int cells) {
        return cells >= PARALLEL_FROM && Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
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
