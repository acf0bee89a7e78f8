package dev.gradsheet.engine;

/**
 * The rows of a sheet's table — name (the objective's marked {@code " *"}), kind, formula, value and
 * gradient, numbers rounded to a number of significant digits — as ASCII text in one byte array with
 * each field's end and each column's widest field. It is what {@code eval} prints, made without a
 * String or a {@link Cell} per row: a million-row table was mostly object churn before.
 *
 * <p>{@link #of(Sheet, int, int)} can split the rows between threads (each part formats its own
 * stretch of the display order), since formatting only reads the sheet.
 */
public final class TableRows {
    /** Fields a row has: name, kind, formula, value, gradient. */
    public static final int FIELDS = 5;

    private final AsciiText text;
    private int[] ends;
    private int count;
    /** Fields ended so far. */
    private int filled;
    private final int[] width = new int[FIELDS];

    private TableRows(int rows) {
        text = new AsciiText(rows * 48);
        ends = new int[Math.max(rows, 1) * FIELDS];
    }

    /**
     * Every cell's row in display order ({@link Sheet#cells()}), as {@code parts} consecutive parts
     * formatted by that many threads (the caller's and {@code parts - 1} more) under the sheet's read lock.
     */
    public static TableRows[] of(Sheet sheet, int digits, int parts) {
        if (digits < 1 || digits > 10) {
            throw new IllegalArgumentException("digits 1..10, not " + digits);
        }
        checkParts(parts);
        return sheet.read(() -> {
            Graph g = sheet.graph;
            g.materializeDense(false);
            return format(g, g.displayOrder(), digits, null, parts, g.objective);
        });
    }

    /** Receives the rows of one block of cells (see {@link #exactBlocks}). */
    public interface BlockWriter {
        void write(TableRows[] parts) throws java.io.IOException;
    }

    /**
     * Every cell's row in display order with full precision — numbers as {@link Double#toString}
     * ({@code NaN}, {@code Infinity} as such), no objective mark, as JSON writes them — given to
     * {@code out} {@code block} cells at a time, each block in {@code parts} parts as
     * {@link #of(Sheet, int, int)}; all under the sheet's read lock, so no edit lands between blocks.
     */
    public static void exactBlocks(Sheet sheet, int block, int parts, BlockWriter out) throws java.io.IOException {
        exactBlocks(sheet, block, parts, Double::toString, out);
    }

    /**
     * {@link #exactBlocks(Sheet, int, int, BlockWriter)} writing each number as {@code exact} does,
     * which must give text that reads back as the same double and be safe to call from two threads
     * at once. (The command line's JSON uses Jackson's Schubfach writer: Java 17's
     * {@code Double.toString} is 3.5 times slower, a third of a million-cell {@code eval --json}.)
     */
    public static void exactBlocks(Sheet sheet, int block, int parts, java.util.function.DoubleFunction<String> exact,
                                   BlockWriter out) throws java.io.IOException {
        java.util.Objects.requireNonNull(exact, "exact");
        if (block < 1) {
            throw new IllegalArgumentException("block >= 1, not " + block);
        }
        checkParts(parts);
        try {
            sheet.read(() -> {
                Graph g = sheet.graph;
                g.materializeDense(false);
                int[] order = g.displayOrder();
                for (int from = 0; from < order.length; from += block) {
                    int[] ids = java.util.Arrays.copyOfRange(order, from, (int) Math.min(order.length, (long) from + block));
                    try {
                        out.write(format(g, ids, EXACT, exact, parts, -1));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return null;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code digits} meaning "every digit": as the exact formatter writes it ({@link Double#toString}). */
    private static final int EXACT = 0;

    private static void checkParts(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts >= 1, not " + parts);
        }
    }

    /** The rows of {@code order}'s cells in {@code parts} parts, each formatted by its own thread. */
    private static TableRows[] format(Graph g, int[] order, int digits, java.util.function.DoubleFunction<String> exact,
                                      int parts, int objective) {
        TableRows[] out = new TableRows[parts];
        Thread[] helpers = new Thread[parts - 1];
        Throwable[] failure = new Throwable[parts];
        for (int p = 1; p < parts; p++) {
            int part = p;
            helpers[p - 1] = new Thread(() -> {
                try {
                    out[part] = format(g, order, from(order, part, parts), from(order, part + 1, parts),
                            objective, digits, exact);
                } catch (Throwable t) {
                    failure[part] = t;
                }
            }, "table-rows-" + p);
            helpers[p - 1].start();
        }
        out[0] = format(g, order, 0, from(order, 1, parts), objective, digits, exact);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting the table", e);
            }
        }
        for (Throwable t : failure) {
            if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error e) {
                throw e;
            }
        }
        return out;
    }

    private static int from(int[] order, int part, int parts) {
        return (int) ((long) order.length * part / parts);
    }

    private static TableRows format(Graph g, int[] order, int from, int to, int objective, int digits,
                                    java.util.function.DoubleFunction<String> exact) {
        TableRows rows = new TableRows(to - from);
        AsciiText t = rows.text;
        for (int i = from; i < to; i++) {
            int id = order[i];
            int start = t.used;
            t.appendName(g.names, id);
            if (id == objective) {
                t.append(" *");
            }
            rows.end(start);
            start = t.used;
            t.append(g.opOf(id).label());
            rows.end(start);
            start = t.used;
            if (!FormulaText.writeFlat(g, id, t)) {
                t.append(FormulaText.of(g, id));
            }
            rows.end(start);
            start = t.used;
            t.appendNumber(g.value[id], digits, exact);
            rows.end(start);
            start = t.used;
            t.appendNumber(g.grad[id], digits, exact);
            rows.end(start);
            rows.count++;
        }
        return rows;
    }

    /** Records the end of the next field, which started at {@code start}, and widens its column. */
    private void end(int start) {
        int k = filled++;
        ends[k] = text.used;
        int field = k % FIELDS;
        width[field] = Math.max(width[field], text.used - start);
    }

    /** Rows in this part. */
    public int count() {
        return count;
    }

    /** The widest text of {@code field} in this part. */
    public int width(int field) {
        return width[field];
    }

    /** The length of a field's text. */
    public int length(int row, int field) {
        int k = row * FIELDS + field;
        return ends[k] - (k == 0 ? 0 : ends[k - 1]);
    }

    /** Character {@code i} of a field's text. */
    public char charAt(int row, int field, int i) {
        int k = row * FIELDS + field;
        return (char) text.bytes[(k == 0 ? 0 : ends[k - 1]) + i];
    }

    /** Copies a field's text into {@code out} at {@code at}, one char a byte; returns the end. */
    public int copy(int row, int field, char[] out, int at) {
        int k = row * FIELDS + field;
        byte[] b = text.bytes;
        int from = k == 0 ? 0 : ends[k - 1];
        int to = ends[k];
        for (int i = from; i < to; i++) {
            out[at++] = (char) b[i];
        }
        return at;
    }
}
