package dev.gradsheet.sheet;

import dev.gradsheet.engine.Messages;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Problem;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.engine.SheetBuildException;
import dev.gradsheet.engine.SheetBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The {@code .sheet} text format: UTF-8, one {@code name = formula} per line, {@code #} starts a
 * comment, blank lines are ignored, and settings are lines starting with {@code @}:
 * <pre>
 * # f = (x + y) * z against target t (lesson item 9)
 * &#64;lr = 0.01
 * &#64;objective = L
 * x = input(-2)
 * z = weight(-4)
 * f = (x + y) * z
 * </pre>
 * Comment lines before the first cell are the sheet's description and are kept on save; other
 * comments are not. Reading collects every problem as {@code FILE:LINE:COL: message}.
 */
public final class SheetFile {
    /** Files larger than this are refused before reading: about 4M cells. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private SheetFile() {
    }

    /**
     * A sheet read from a file, with the comment lines that open it, its data table (or null), its
     * claims ({@code @expect}, {@code @tolerance}) and its practice setting ({@code @practice}).
     */
    public record Loaded(Sheet sheet, String description, DataTable data, Claims claims, Practice practice) {
        public Loaded(Sheet sheet, String description, DataTable data) {
            this(sheet, description, data, Claims.NONE, Practice.OFF);
        }

        public Loaded(Sheet sheet, String description) {
            this(sheet, description, null);
        }
    }

    /** Reads {@code path}; a missing or unreadable file is a problem at line 1, like any other. */
    public static Loaded read(Path path) throws SheetFormatException {
        String source = path.toString();
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw single(source, 1, 1, "file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw single(source, 1, 1, "no such file");
        } catch (IOException e) {
            throw single(source, 1, 1, "cannot read: " + e.getMessage());
        }
        return parse(bytes, source);
    }

    /** Reads a sheet from raw bytes (an upload); {@code source} names it in messages. */
    public static Loaded parse(byte[] bytes, String source) throws SheetFormatException {
        return parse(decode(bytes, source), source);
    }

    /** Reads a sheet from text; {@code source} names it in messages. */
    public static Loaded parse(String text, String source) throws SheetFormatException {
        SheetBuilder builder = new SheetBuilder();
        DataLines data = new DataLines();
        ClaimLines claims = new ClaimLines();
        StringBuilder description = new StringBuilder();
        boolean seenCell = false;
        int lineNo = 0;
        int start = 0;
        int length = text.length();
        if (length > 0 && text.charAt(0) == '\uFEFF') {
            start = 1; // a byte-order mark is not part of the first line
        }
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNo++;
            int lineStart = start;
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            start = end + 1;
            if (plainCell(text, lineStart, lineEnd, lineNo, builder)) {
                seenCell = true;
            } else {
                String line = text.substring(lineStart, lineEnd);
                if (!seenCell && line.startsWith("#")) {
                    description.append(line.length() > 1 && line.charAt(1) == ' ' ? line.substring(2) : line.substring(1))
                            .append('\n');
                    continue;
                }
                seenCell |= parseLine(line, lineNo, builder, data, claims);
            }
            if (end == length) {
                break;
            }
        }
        try {
            DataTable table = data.table(builder);
            Sheet sheet = builder.build();
            List<Problem> missing = claims.missingCells(sheet);
            missing.addAll(data.checkBinding(sheet));
            if (!missing.isEmpty()) {
                throw new SheetFormatException(source, missing);
            }
            return new Loaded(sheet, description.toString().strip(), table, claims.claims(), claims.practice);
        } catch (SheetBuildException e) {
            throw new SheetFormatException(source, e.problems());
        }
    }

    /**
     * Reads a plain cell line — {@code name = formula}, no comment, no setting — straight into the
     * builder without cutting it into strings (a big sheet is millions of such lines); returns false,
     * having done nothing, for any other line, which {@link #parseLine} then reads. The name and
     * formula spans and columns are exactly the ones {@link #parseLine} would find.
     */
    private static boolean plainCell(String text, int from, int to, int lineNo, SheetBuilder builder) {
        int nameFrom = from;
        while (nameFrom < to && Character.isWhitespace(text.charAt(nameFrom))) {
            nameFrom++;
        }
        int i = nameFrom;
        while (i < to && isNamePart(text.charAt(i))) {
            i++;
        }
        int nameTo = i;
        if (nameTo == nameFrom) {
            return false; // a comment, a setting, a blank line or something to complain about
        }
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == to || text.charAt(i) != '=') {
            return false;
        }
        int eq = i;
        int formulaTo = to;
        for (int k = eq + 1; k < to; k++) {
            if (text.charAt(k) == '#') {
                return false;
            }
        }
        int formulaFrom = eq + 1;
        while (formulaFrom < formulaTo && Character.isWhitespace(text.charAt(formulaFrom))) {
            formulaFrom++;
        }
        while (formulaTo > formulaFrom && Character.isWhitespace(text.charAt(formulaTo - 1))) {
            formulaTo--;
        }
        if (formulaFrom == formulaTo) {
            return false;
        }
        builder.cell(text, nameFrom, nameTo, formulaFrom, formulaTo, lineNo, nameFrom - from + 1,
                formulaFrom - from + 1);
        return true;
    }

    private static boolean isNamePart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Reads one line into the builder; returns whether it defined a cell or setting. */
    private static boolean parseLine(String line, int lineNo, SheetBuilder builder, DataLines data,
                                     ClaimLines claims) {
        int hash = line.indexOf('#');
        String content = hash >= 0 ? line.substring(0, hash) : line;
        if (content.isBlank()) {
            return false;
        }
        int eq = content.indexOf('=');
        int nameStart = firstNonBlank(content, 0);
        if (eq < 0) {
            builder.problem(lineNo, nameStart + 1, "expected 'name = formula'");
            return true;
        }
        String name = content.substring(0, eq).strip();
        int formulaStart = firstNonBlank(content, eq + 1);
        String formula = content.substring(eq + 1).strip();
        if (formula.isEmpty()) {
            builder.problem(lineNo, eq + 2, "missing formula after '='");
            return true;
        }
        if (name.startsWith("@expect") && (name.length() == 7 || Character.isWhitespace(name.charAt(7)))) {
            int targetStart = firstNonBlank(content, nameStart + 7);
            claims.expect(name.substring(7).strip(), formula, lineNo, targetStart + 1, formulaStart + 1, builder);
        } else if (name.equals("@tolerance")) {
            claims.tolerance(formula, lineNo, formulaStart + 1, builder);
        } else if (name.equals("@practice")) {
            claims.practice(formula, lineNo, formulaStart + 1, builder);
        } else if (name.equals("@data")) {
            data.columns(formula, lineNo, formulaStart + 1, builder);
        } else if (name.equals("@row")) {
            data.row(formula, lineNo, formulaStart + 1, builder);
        } else if (name.startsWith("@")) {
            setting(name.substring(1), formula, lineNo, nameStart + 1, formulaStart + 1, builder);
        } else if (name.isEmpty()) {
            builder.problem(lineNo, nameStart + 1, "missing cell name before '='");
        } else {
            builder.cell(name, formula, lineNo, nameStart + 1, formulaStart + 1);
        }
        return true;
    }

    private static void setting(String key, String value, int line, int keyColumn, int valueColumn,
                                SheetBuilder builder) {
        switch (key) {
            case "lr" -> {
                double lr = parseNumber(value);
                if (!(lr > 0) || !Double.isFinite(lr)) {
                    builder.problem(line, valueColumn, "@lr must be a positive number, not " + Messages.quote(value));
                } else {
                    builder.learningRate(lr);
                }
            }
            case "objective" -> builder.objective(value, line, valueColumn);
            default -> builder.problem(line, keyColumn, "unknown setting " + Messages.quote("@" + key)
                    + " (known: @lr, @objective, @tolerance, @practice, @expect, @data, @row)");
        }
    }

    /** Collects {@code @expect}, {@code @tolerance} and {@code @practice} lines. */
    private static final class ClaimLines {
        private final List<Expectation> expectations = new java.util.ArrayList<>();
        private double tolerance = Double.NaN;
        private Practice practice = Practice.OFF;
        private int practiceLine;
        private int practiceColumn;

        void expect(String target, String value, int line, int column, int valueColumn, SheetBuilder builder) {
            if (target.isEmpty()) {
                builder.problem(line, column, "@expect needs a cell: '@expect z.grad = -12' or '@expect f = -12'");
                return;
            }
            double claimed = parseNumber(value);
            if (!Double.isFinite(claimed)) {
                builder.problem(line, valueColumn, "@expect " + target + ": '" + value + "' is not a number");
                return;
            }
            Expectation e = Expectation.of(target, claimed, line, column);
            for (Expectation other : expectations) {
                if (other.target().equals(e.target())) {
                    builder.problem(line, column, "a second claim about " + e.target() + " (first on line "
                            + other.line() + ")");
                    return;
                }
            }
            expectations.add(e);
        }

        void tolerance(String value, int line, int column, SheetBuilder builder) {
            double t = parseNumber(value);
            if (!(t >= 0) || !Double.isFinite(t)) {
                builder.problem(line, column, "@tolerance must be a number >= 0, not '" + value + "'");
            } else {
                tolerance = t;
            }
        }

        void practice(String value, int line, int column, SheetBuilder builder) {
            Practice p = Practice.parse(value);
            if (p == null) {
                builder.problem(line, column, "@practice must be 'gradients' or 'values', optionally followed by"
                        + " 'of' and cell names ('gradients of q, f'), not '" + value + "'");
            } else {
                practice = p;
                practiceLine = line;
                practiceColumn = column;
            }
        }

        Claims claims() {
            return new Claims(expectations, tolerance);
        }

        /** A claim or practice setting naming a cell the sheet lacks is a problem at its line. */
        List<Problem> missingCells(Sheet sheet) {
            List<Problem> out = new java.util.ArrayList<>();
            for (Expectation e : expectations) {
                if (sheet.cell(e.cell()).isEmpty()) {
                    out.add(new Problem(e.line(), e.column(), "@expect names no cell: '" + e.cell() + "'"));
                }
            }
            for (String c : practice.cells()) {
                if (sheet.cell(c).isEmpty()) {
                    out.add(new Problem(practiceLine, practiceColumn, "@practice names no cell: '" + c + "'"));
                }
            }
            return out;
        }
    }

    /** Collects {@code @data} and {@code @row} lines into a table. */
    private static final class DataLines {
        private java.util.List<String> columns;
        private final java.util.List<double[]> rows = new java.util.ArrayList<>();
        private final java.util.List<Integer> columnAt = new java.util.ArrayList<>();
        private int dataLine;
        private int badRows;

        void columns(String value, int line, int column, SheetBuilder builder) {
            if (columns != null) {
                builder.problem(line, column, "a sheet has one @data line");
                return;
            }
            java.util.List<String> names = new java.util.ArrayList<>();
            int offset = 0;
            for (String part : value.split(",", -1)) {
                String name = part.strip();
                columnAt.add(column + offset + (part.length() - part.stripLeading().length()));
                offset += part.length() + 1;
                if (!dev.gradsheet.engine.FormulaParser.isValidName(name) || names.contains(name)) {
                    builder.problem(line, column, "@data lists the input cells its columns bind to, by name, once each; '"
                            + name + "' is not one");
                    return;
                }
                names.add(name);
            }
            columns = names;
            dataLine = line;
        }

        void row(String value, int line, int column, SheetBuilder builder) {
            if (columns == null) {
                builder.problem(line, column, "@row before @data: name the columns first");
                return;
            }
            String[] parts = value.split(",", -1);
            if (parts.length != columns.size()) {
                builder.problem(line, column, "@row has " + parts.length + " numbers for " + columns.size() + " columns");
                badRows++;
                return;
            }
            double[] row = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                row[i] = parseNumber(parts[i].strip());
                if (Double.isNaN(row[i]) || Double.isInfinite(row[i])) {
                    builder.problem(line, column, "@row: " + Messages.quote(parts[i].strip()) + " is not a number");
                    badRows++;
                    return;
                }
            }
            rows.add(row);
        }

        /** Each @data column must name an input cell: problems at the column's place on the @data line. */
        java.util.List<dev.gradsheet.engine.Problem> checkBinding(Sheet sheet) {
            java.util.List<dev.gradsheet.engine.Problem> out = new java.util.ArrayList<>();
            if (columns == null) {
                return out;
            }
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i);
                var cell = sheet.cell(name);
                if (cell.isEmpty()) {
                    out.add(new dev.gradsheet.engine.Problem(dataLine, columnAt.get(i),
                            "@data column " + Messages.quote(name) + " names no cell of the sheet"));
                } else if (!cell.get().isInput()) {
                    out.add(new dev.gradsheet.engine.Problem(dataLine, columnAt.get(i), "@data column "
                            + Messages.quote(name) + " names a " + cell.get().kind() + " cell; data binds only to input cells"));
                }
            }
            return out;
        }

        DataTable table(SheetBuilder builder) {
            if (columns == null) {
                return null;
            }
            if (rows.isEmpty()) {
                if (badRows == 0) { // when every @row was refused, those refusals say it all
                    builder.problem(dataLine, 1, "@data has no @row lines");
                }
                return null;
            }
            return new DataTable(columns, rows.toArray(new double[0][]));
        }
    }

    private static double parseNumber(String s) {
        if (!dev.gradsheet.engine.Numbers.isDecimal(s, true)) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    private static int firstNonBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The sheet as {@code .sheet} text: description, settings, every user cell in order, then the data. */
    public static String format(Sheet sheet, String description, DataTable data) {
        return format(sheet, description, data, Claims.NONE, Practice.OFF);
    }

    /**
     * The sheet as {@code .sheet} text: description, settings ({@code @tolerance} and {@code @practice}
     * included), every user cell in order, the claims ({@code @expect}), then the data.
     */
    public static String format(Sheet sheet, String description, DataTable data, Claims claims, Practice practice) {
        StringBuilder out = new StringBuilder(format(sheet, description));
        int settingsEnd = endOfSettings(out);
        StringBuilder settings = new StringBuilder();
        if (!Double.isNaN(claims.fileTolerance())) {
            settings.append("@tolerance = ").append(Numbers.exact(claims.fileTolerance())).append('\n');
        }
        // Claims and practice cells naming cells deleted or renamed since are dropped: the file must read back.
        List<String> kept = practice.cells().stream().filter(c -> sheet.cell(c).isPresent()).toList();
        if (practice.on() && (practice.cells().isEmpty() || !kept.isEmpty())) {
            settings.append("@practice = ").append(new Practice(practice.hide(), kept).settingText()).append('\n');
        }
        out.insert(settingsEnd, settings);
        for (Expectation e : claims.expectations()) {
            if (sheet.cell(e.cell()).isPresent()) {
                out.append(e.toLine()).append('\n');
            }
        }
        if (data != null) {
            out.append("@data = ").append(String.join(", ", data.columns())).append('\n');
            for (int r = 0; r < data.size(); r++) {
                out.append("@row = ");
                for (int c = 0; c < data.columns().size(); c++) {
                    out.append(c > 0 ? ", " : "").append(Numbers.exact(data.get(r, c)));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The sheet as {@code .sheet} text: description, settings, then every user cell in order. */
    public static String format(Sheet sheet, String description) {
        return sheet.read(() -> {
            StringBuilder out = new StringBuilder();
            if (description != null && !description.isBlank()) {
                for (String line : description.strip().split("\n", -1)) {
                    out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
                }
            }
            if (sheet.learningRate() != Sheet.DEFAULT_LEARNING_RATE) {
                out.append("@lr = ").append(Numbers.exact(sheet.learningRate())).append('\n');
            }
            if (sheet.objective() != null) { // always written: the objective never depends on cell order
                out.append("@objective = ").append(sheet.objective()).append('\n');
            }
            for (Cell c : sheet.cells()) {
                if (!c.generated()) {
                    out.append(c.name()).append(" = ").append(c.formula()).append('\n');
                }
            }
            return out.toString();
        });
    }

    /** Where the description and the {@code @} settings at the top of a formatted sheet end. */
    private static int endOfSettings(CharSequence text) {
        int pos = 0;
        while (pos < text.length() && (text.charAt(pos) == '#' || text.charAt(pos) == '@')) {
            int nl = indexOf(text, '\n', pos);
            pos = nl < 0 ? text.length() : nl + 1;
        }
        return pos;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the sheet to {@code path} atomically: to a temporary file in the same folder, then moved
     * over the old one, so a crash mid-save leaves the old file or the new one, never half of one.
     */
    public static void write(Sheet sheet, String description, Path path) throws IOException {
        writeAtomically(path, format(sheet, description));
    }

    /** Like {@link #write(Sheet, String, Path)}, with everything a file read gave. */
    public static void write(Loaded loaded, Path path) throws IOException {
        writeAtomically(path, format(loaded.sheet(), loaded.description(), loaded.data(), loaded.claims(),
                loaded.practice()));
    }

    /** Like {@link #write(Sheet, String, Path)}, with the sheet's data table. */
    public static void write(Sheet sheet, String description, DataTable data, Path path) throws IOException {
        writeAtomically(path, format(sheet, description, data));
    }

    /** Replaces {@code path}'s content with {@code text} in one atomic, fsynced move ({@link AtomicFile}). */
    public static void writeAtomically(Path path, String text) throws IOException {
        AtomicFile.write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Strict UTF-8 decoding: binary data gets a message naming where it starts. */
    private static String decode(byte[] bytes, String source) throws SheetFormatException {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b <= 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // Nearly every sheet: plain ASCII needs no decoder (which copied a big file twice).
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        int line = 1;
        int col = 1;
        for (byte b : bytes) {
            if (b == 0) {
                throw single(source, line, col, "binary data (a NUL byte): not a .sheet text file");
            }
            if (b == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int l = 1;
            int c = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    l++;
                    c = 1;
                } else {
                    c++;
                }
            }
            throw single(source, l, c, "not valid UTF-8 text (binary data?)");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static SheetFormatException single(String source, int line, int col, String message) {
        return new SheetFormatException(source, List.of(new Problem(line, col, message)));
    }
}
