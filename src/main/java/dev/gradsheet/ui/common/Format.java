package dev.gradsheet.ui.common;

import dev.gradsheet.engine.Numbers;

/** How the web sheet writes numbers: short for reading, exact on hover and in editors. */
public final class Format {
    /** Significant digits shown in grid cells and graph nodes. */
    public static final int DIGITS = 6;

    private Format() {
    }

    /** A number for reading, e.g. {@code -11.64} or {@code 0.327093}. */
    public static String readable(double v) {
        String text = Numbers.readable(v, DIGITS);
        // 3.95804e-6 rather than 0.00000395804: short enough for a grid column, never broken in two
        if (text.startsWith("0.0000") || text.startsWith("-0.0000")) {
            java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS))
                    .stripTrailingZeros();
            int exponent = d.precision() - d.scale() - 1;
            return d.movePointRight(-exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
        }
        return text;
    }

    /** A number with every digit, e.g. {@code 0.3270933767451}. */
    public static String exact(double v) {
        return Numbers.exact(v);
    }

    /**
     * Parses a number a person typed: accepts the typographic minus (−), surrounding spaces and
     * exponent notation. Returns null when the text is not a finite number.
     */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('\u2212', '-').replace(',', '.');
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }

    /**
     * The colour bucket of a gradient: {@code grad-pos-1..5} (the objective rises with the cell),
     * {@code grad-neg-1..5} (it falls), or null for 0. Buckets are decades of |g|, so sign and size
     * read at a glance.
     */
    public static String gradBucket(double g) {
        if (!(Math.abs(g) > 1e-12) || Double.isNaN(g)) {
            return null;
        }
        double a = Math.abs(g);
        int level = a < 0.01 ? 1 : a < 0.1 ? 2 : a < 1 ? 3 : a < 10 ? 4 : 5;
        return (g > 0 ? "grad-pos-" : "grad-neg-") + level;
    }
}
