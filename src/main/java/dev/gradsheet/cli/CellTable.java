package dev.gradsheet.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
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
     * The cells array is written as text a block at a time, laid out as Jackson's default pretty
     * printer lays it out, from rows two threads format ({@link TableRows#exact}): Jackson's generator
     * and a String per number cost most of the time on a million cells. Every text a cell has is
     * plain ASCII without quotes or backslashes (names, kinds, formulas, numbers), so nothing needs
     * escaping; NaN and infinities are quoted, as Jackson writes them.
     */
    static void printJson(Sheet sheet, Writer out, JsonExtras extras) {
        printJson(sheet, out, extras, JSON_BLOCK);
    }

    /** {@link #printJson(Sheet, Writer, JsonExtras)} formatting {@code block} cells at a time. */
    static void printJson(Sheet sheet, Writer out, JsonExtras extras, int block) {
        try (JsonGenerator json = JSON_FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("objective", sheet.objective());
            json.writeNumberField("lr", sheet.learningRate());
            json.writeFieldName("cells");
            int size = sheet.size();
            if (size == 0) {
                json.writeStartArray();
                json.writeEndArray();
            } else {
                boolean[] first = {true};
                TableRows.exactBlocks(sheet, block, partsFor(size), CellTable::exact, parts -> {
                    JsonText text = new JsonText();
                    for (TableRows part : parts) {
                        for (int r = 0; r < part.count(); r++) {
                            text.cell(part, r, first[0] && text.used == 0);
                        }
                    }
                    if (first[0]) {
                        json.writeRawValue(text.chars, 0, text.used); // " : " after the field name, then the text
                        first[0] = false;
                    } else {
                        json.writeRaw(text.chars, 0, text.used);
                    }
                });
                json.writeRaw(" ]");
            }
            extras.write(json);
            json.writeEndObject();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A number in JSON with every digit it needs: the shortest text that reads back as the same
     * double, by Jackson's Schubfach writer, which all of the command line's JSON uses. It is what
     * {@link Double#toString} gives from Java 19 on; Java 17's gives the same text but for about
     * one double in 300 (large ones, mostly), where it adds a digit ({@code 1.9999999999999998E23}
     * for {@code 2.0E23}), and is 3.5 times slower.
     */
    static String exact(double v) {
        return NumberOutput.toString(v, true);
    }

    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** Cells formatted and written as JSON at a time. */
    private static final int JSON_BLOCK = 1 << 16;

    /** A block of the cells array as Jackson's default pretty printer writes it. */
    private static final class JsonText {
        private static final String NL = System.lineSeparator(); // Jackson's default indenter's line feed
        private static final String[] FIELDS = {"name", "kind", "formula", "value", "grad"};
        char[] chars = new char[1 << 16];
        int used;

        /** One cell object, after "[ " (the first) or ", ". */
        void cell(TableRows rows, int r, boolean first) {
            append(first ? "[ {" : ", {");
            for (int f = 0; f < TableRows.FIELDS; f++) {
                append(f == 0 ? NL + "    \"" : "," + NL + "    \"");
                append(FIELDS[f]);
                append("\" : ");
                ensure(rows.length(r, f) + 2);
                boolean quoted = f < 3 || !isNumber(rows, r, f);
                if (quoted) {
                    chars[used++] = '"';
                }
                used = rows.copy(r, f, chars, used);
                if (quoted) {
                    chars[used++] = '"';
                }
            }
            append(NL + "  }");
        }

        /** Whether a number field is a finite number (NaN and infinities are written as strings). */
        private static boolean isNumber(TableRows rows, int r, int f) {
            char c = rows.charAt(r, f, 0);
            if (c == '-' && rows.length(r, f) > 1) {
                c = rows.charAt(r, f, 1);
            }
            return c >= '0' && c <= '9';
        }

        private void append(String s) {
            ensure(s.length());
            s.getChars(0, s.length(), chars, used);
            used += s.length();
        }

        private void ensure(int n) {
            if (used + n > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
            }
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
        static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder(
                        new com.fasterxml.jackson.core.JsonFactoryBuilder().characterEscapes(new JsonEscapes()).build())
                .enable(SerializationFeature.INDENT_OUTPUT).enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    }
}
