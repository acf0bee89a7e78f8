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
        if (digits < 1 || digits > 10) {
            return readableExact(v, digits);
        }
        byte[] text = new byte[READABLE_MAX];
        int n = readable(v, digits, text, 0);
        return new String(text, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Room {@link #readable(double, int, byte[], int)} needs at most (digits 1 to 10). */
    static final int READABLE_MAX = 32;

    /**
     * Writes {@link #readable(double, int)} as ASCII into {@code out} from {@code at} (which has
     * {@link #READABLE_MAX} bytes free; {@code digits} 1 to 10) and returns where it ends: the same
     * text without a String, for tables of millions of numbers.
     */
    static int readable(double v, int digits, byte[] out, int at) {
        double abs = Math.abs(v);
        if (!(abs >= 1e-13 && abs < 1e31)) {
            return ascii(readableExact(v, digits), out, at); // NaN, infinities, 0, subnormals and extremes: rare
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
            return ascii(readableExact(v, digits), out, at);
        }
        if (fraction > 0.5) {
            m++;
            if (m == (long) POWERS[digits]) {
                m /= 10;
                e++;
            }
        }
        // The digits go at the end of the free room first, then are moved into place.
        int d = at + READABLE_MAX - digits;
        for (int k = digits - 1; k >= 0; k--) {
            out[d + k] = (byte) ('0' + m % 10);
            m /= 10;
        }
        int n = digits;
        while (n > 1 && out[d + n - 1] == '0') {
            n--;
        }
        int p = at;
        if (v < 0) {
            out[p++] = '-';
        }
        // BigDecimal's rules: toPlainString in [1e-4, 1e12); below, toString stays plain down to 1e-6.
        if ((abs >= 1e-4 && abs < 1e12) || (abs < 1e-4 && e >= -6)) {
            return plain(out, d, n, e, p);
        }
        out[p++] = out[d];
        if (n > 1) {
            out[p++] = '.';
            for (int k = 1; k < n; k++) {
                out[p++] = out[d + k];
            }
        }
        out[p++] = 'e';
        return ascii(Integer.toString(e), out, p);
    }

    private static int ascii(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); i++) {
            out[at + i] = (byte) s.charAt(i);
        }
        return at + s.length();
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

    /**
     * Writes the {@code n} digits at {@code out[d..]} (first digit of power {@code e}) in plain
     * notation from {@code p}; returns the end. Plain text never reaches the digits' room at the end.
     */
    private static int plain(byte[] out, int d, int n, int e, int p) {
        if (e < 0) {
            out[p++] = '0';
            out[p++] = '.';
            for (int k = -1; k > e; k--) {
                out[p++] = '0';
            }
            System.arraycopy(out, d, out, p, n); // e >= -6 here, so p + n stays below d + n
            return p + n;
        }
        for (int k = 0; k <= e; k++) {
            out[p++] = k < n ? out[d + k] : (byte) '0';
        }
        if (n > e + 1) {
            out[p++] = '.';
            for (int k = e + 1; k < n; k++) {
                out[p++] = out[d + k];
            }
        }
        return p;
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
