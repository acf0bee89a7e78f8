package dev.gradsheet.engine;

import java.util.Arrays;

/**
 * A growable run of ASCII text in a byte array: where table rows are written without a String per
 * field. Everything a table shows is ASCII (names, operation labels and symbols, numbers), so one
 * byte a character halves the memory a million-row table takes as chars.
 */
final class AsciiText {
    byte[] bytes;
    int used;

    AsciiText(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** Makes room for {@code n} more bytes. */
    void ensure(int n) {
        if (used + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), used + n));
        }
    }

    void append(char c) {
        ensure(1);
        bytes[used++] = (byte) c;
    }

    /** Appends {@code s}, which must be ASCII. */
    void append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[used + i] = (byte) s.charAt(i);
        }
        used += n;
    }

    void appendName(NameTable names, int id) {
        ensure(names.lengthOf(id));
        used = names.copyName(id, bytes, used);
    }

    /**
     * {@code v} rounded to {@code digits} ({@link Numbers#readable}), or for 0 every digit, as
     * {@code exact} writes it ({@link Double#toString} or its equal).
     */
    void appendNumber(double v, int digits, java.util.function.DoubleFunction<String> exact) {
        if (digits == 0) {
            append(exact.apply(v));
            return;
        }
        ensure(Numbers.READABLE_MAX);
        used = Numbers.readable(v, digits, bytes, used);
    }
}
