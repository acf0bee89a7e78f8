package dev.gradsheet.engine;

import java.math.BigDecimal;
import java.math.MathContext;

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

    /**
     * Whether {@code s} is a plain decimal number: digits with an optional point and fraction (or a
     * point and digits), then an optional exponent ({@code 2}, {@code 0.5}, {@code .5}, {@code 1e-3});
     * with {@code signed}, a leading {@code +} or {@code -} is allowed. Written out by hand instead
     * of a regular expression, which a million-line file compiled and ran once per number.
     */
    public static boolean isDecimal(String s, boolean signed) {
        int i = 0;
        int n = s.length();
        if (signed && i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code v} rounded to {@code digits} significant digits (half up), without trailing zeros, for
     * tables: plain from 1e-6 to below 1e12 ({@code 0.0000123}, {@code 16}), else {@code 1.5e-7}.
     * Equal to rounding the exact binary value with {@link BigDecimal}, which is what
     * {@link #readableExact} does; this path scales by a power of ten in double arithmetic instead
     * (BigDecimal only for near-ties and extremes) because a million-row table spent most of its
     * time building BigDecimals.
     */
    public static String readable(double v, int digits) {
        double abs = Math.abs(v);
        if (!(abs >= 1e-13 && abs < 1e31) || digits < 1 || digits > 10) {
            return readableExact(v, digits); // NaN, infinities, 0, subnormals and extremes: rare
        }
        int e = (int) Math.floor(Math.log10(abs)); // the power of ten of the first digit, maybe off by one
        double x = scaled(abs, digits - 1 - e);
        if (x >= POWERS[digits]) {
            e++;
            x = scaled(abs, digits - 1 - e);
        } else if (x < POWERS[digits - 1]) {
            e--;
            x = scaled(abs, digits - 1 - e);
        }
        // x = |v| · 10^(digits-1-e) with one rounding error (powers of ten up to 1e22 are exact doubles),
        // at most about 1e-6 at x < 1e10, so only a fraction this close to one half needs the exact value.
        long m = (long) x;
        double fraction = x - m;
        if (Math.abs(fraction - 0.5) < 1e-5 || !(x >= POWERS[digits - 1] && x < POWERS[digits])) {
            return readableExact(v, digits);
        }
        if (fraction > 0.5) {
            m++;
            if (m == (long) POWERS[digits]) {
                m /= 10;
                e++;
            }
        }
        char[] d = new char[digits];
        int n = digits;
        for (int k = digits - 1; k >= 0; k--) {
            d[k] = (char) ('0' + m % 10);
            m /= 10;
        }
        while (n > 1 && d[n - 1] == '0') {
            n--;
        }
        StringBuilder out = new StringBuilder(n + 10);
        if (v < 0) {
            out.append('-');
        }
        // BigDecimal's rules: toPlainString in [1e-4, 1e12); below, toString stays plain down to 1e-6.
        if ((abs >= 1e-4 && abs < 1e12) || (abs < 1e-4 && e >= -6)) {
            plain(d, n, e, out);
        } else {
            out.append(d[0]);
            if (n > 1) {
                out.append('.').append(d, 1, n - 1);
            }
            out.append('e').append(e);
        }
        return out.toString();
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** {@code abs · 10^k} with a single rounding: one multiplication or division by an exact power. */
    private static double scaled(double abs, int k) {
        if (k >= 0) {
            return k < POWERS.length ? abs * POWERS[k] : Double.NaN;
        }
        return -k < POWERS.length ? abs / POWERS[-k] : Double.NaN;
    }

    private static void plain(char[] d, int n, int e, StringBuilder out) {
        if (e < 0) {
            out.append("0.");
            for (int k = -1; k > e; k--) {
                out.append('0');
            }
            out.append(d, 0, n);
            return;
        }
        for (int k = 0; k <= e; k++) {
            out.append(k < n ? d[k] : '0');
        }
        if (n > e + 1) {
            out.append('.').append(d, e + 1, n - e - 1);
        }
    }

    /** {@link #readable} by rounding the exact binary value with {@link BigDecimal} (slow, exact). */
    static String readableExact(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e12) {
            return d.toPlainString();
        }
        return d.toString().replace("E+", "e").replace("E", "e");
    }
}
