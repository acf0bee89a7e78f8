package dev.gradsheet.train;

import dev.gradsheet.engine.Messages;
import dev.gradsheet.sheet.DataTable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a data table from CSV (Apache Commons CSV): a header row of column names, then one row of
 * numbers per sample. Problems are reported as {@code FILE:LINE: message}: a missing file, an empty
 * file, a bad header, a row of the wrong length, a cell that is not a number.
 */
public final class CsvData {
    /** A decimal number as people write it in a CSV file: 1, -0.5, .5, 1e-3. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Uploads and files larger than this are refused. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private CsvData() {
    }

    public static DataTable read(Path path) throws DataException {
        String source = path.toString();
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new DataException(source + ":1: file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return parse(Files.readAllBytes(path), source);
        } catch (NoSuchFileException e) {
            throw new DataException(source + ":1: no such file");
        } catch (IOException e) {
            throw new DataException(source + ":1: cannot read: " + e.getMessage());
        }
    }

    public static DataTable parse(byte[] bytes, String source) throws DataException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataException(source + ":1: not a UTF-8 text file");
        }
        return parse(text, source);
    }

    public static DataTable parse(String text, String source) throws DataException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DataException(source + ":1: empty file: expected a header row of column names");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        List<String> problems = new ArrayList<>();
        List<String> columns = null;
        List<double[]> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (columns == null) {
                    columns = header(record, source, line, problems);
                    continue;
                }
                if (record.size() != columns.size()) {
                    problems.add(source + ":" + line + ": " + record.size() + " values for "
                            + columns.size() + " columns (" + String.join(", ", columns) + ")");
                    continue;
                }
                double[] row = new double[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    try {
                        // Strict: Double.parseDouble would trim control characters, so "0<NUL>" read as 0.
                        String field = record.get(i).strip();
                        if (!NUMBER.matcher(field).matches()) {
                            throw new NumberFormatException();
                        }
                        row[i] = Double.parseDouble(field);
                        if (!Double.isFinite(row[i])) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        problems.add(source + ":" + line + ": column " + Messages.shorten(columns.get(i)) + ": "
                                + Messages.quote(record.get(i)) + " is not a number");
                    }
                }
                rows.add(row);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(source + ": " + e.getMessage());
        }
        if (columns != null && rows.isEmpty() && problems.isEmpty()) {
            problems.add(source + ":2: no data rows after the header");
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new DataTable(columns, rows.toArray(new double[0][]));
    }

    private static List<String> header(CSVRecord record, String source, long line, List<String> problems) {
        List<String> names = new ArrayList<>();
        for (String name : record) {
            if (!dev.gradsheet.engine.FormulaParser.isValidName(name)) {
                problems.add(source + ":" + line + ": header: " + Messages.quote(name) + " is not a cell name"
                        + " (the header names the input cells the columns bind to)");
            } else if (names.contains(name)) {
                problems.add(source + ":" + line + ": header: column " + Messages.quote(name) + " appears twice");
            }
            names.add(name);
        }
        return names;
    }

    /** The table as CSV text with a header. */
    public static String format(DataTable data) {
        StringBuilder out = new StringBuilder(String.join(",", data.columns())).append('\n');
        for (int r = 0; r < data.size(); r++) {
            for (int c = 0; c < data.columns().size(); c++) {
                out.append(c > 0 ? "," : "").append(dev.gradsheet.engine.Numbers.exact(data.get(r, c)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
