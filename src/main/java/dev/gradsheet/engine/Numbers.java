package dev.gradsheet.engine;

import java.math.BigDecimal;

/** How numbers are written: in formulas (exactly, so they read back bit for bit) and for reading. */
public final class Numbers {
    private Numbers() {
    }

    /** The shortest usual text that parses back to exactly {@code v}: {@code -4}, {@code 0.01}, {@code 1.0E-9}. */
    public static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (v == 0 && 1 / v < 0) ? "-0" : Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** {@code v} rounded to {@code digits} significant digits, without trailing zeros, for tables. */
    public static String readable(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e12) {
            return d.toPlainString();
        }
        return d.toString().replace("E+", "e").replace("E", "e");
    }
}
