package dev.gradsheet.sheet;

import java.util.Arrays;
import java.util.List;

/**
 * A table of samples a sheet learns from: named columns, each bound to the input cell of the same
 * name, and rows of numbers. Immutable. In a {@code .sheet} file it is written as
 * {@code @data = x1, x2, y} followed by one {@code @row = 0, 1, 1} line per sample.
 */
public final class DataTable {
    private final List<String> columns;
    private final double[][] rows;

    /** A table; every row must have one number per column. */
    public DataTable(List<String> columns, double[][] rows) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a data table needs at least one column");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rows[i].length
                        + " numbers for " + columns.size() + " columns");
            }
        }
        this.columns = List.copyOf(columns);
        this.rows = Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
    }

    public List<String> columns() {
        return columns;
    }

    /** The number of samples, M. */
    public int size() {
        return rows.length;
    }

    public double get(int row, int column) {
        return rows[row][column];
    }

    /** A copy of one sample. */
    public double[] row(int row) {
        return rows[row].clone();
    }

    /** The index of column {@code name}, or -1. */
    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataTable d && d.columns.equals(columns) && Arrays.deepEquals(d.rows, rows);
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        return "DataTable(" + columns + ", " + rows.length + " rows)";
    }
}
