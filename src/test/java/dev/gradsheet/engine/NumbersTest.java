package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast readable formatting agrees with rounding the exact value by BigDecimal. */
class NumbersTest {
    @Test
    void knownValues() {
        assertEquals("16", Numbers.readable(16, 10));
        assertEquals("-11.64", Numbers.readable(-11.64, 10));
        assertEquals("2.6896", Numbers.readable(4 - 1.3104, 10));
        assertEquals("0.761594156", Numbers.readable(Math.tanh(1), 10));
        assertEquals("0.0000123", Numbers.readable(0.0000123, 10));
        assertEquals("1.5e-7", Numbers.readable(1.5e-7, 10));
        assertEquals("1e12", Numbers.readable(1e12, 10));
        assertEquals("-1.234567891e13", Numbers.readable(-12345678912345.0, 10));
        assertEquals("1000", Numbers.readable(999.99999999999, 10));
        assertEquals("0.333", Numbers.readable(1.0 / 3, 3));
        assertEquals("NaN", Numbers.readable(Double.NaN, 10));
        assertEquals("0", Numbers.readable(-0.0, 10));
    }

    @Test
    void isDecimalAcceptsWhatTheOldRegularExpressionsAccepted() {
        String[] texts = {"2", "0.5", ".5", "5.", "1e-3", "1E+10", "-4", "+4", "-.5", "", ".", "e5", "1e", "1e+",
            "1.2.3", "1..2", "--1", "-", "0x10", "1f", "١", "12345678901234567890", "3.14e0", " 1", "1 ", "NaN",
            "Infinity", "1e5e5", ".e1", "0.e1"};
        for (String t : texts) {
            assertEquals(t.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?"), Numbers.isDecimal(t, false), t);
            assertEquals(t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?"), Numbers.isDecimal(t, true), t);
        }
        assertTrue(Numbers.isDecimal("-0.5", true));
        assertFalse(Numbers.isDecimal("-0.5", false));
    }

    @Test
    void agreesWithBigDecimalOnEdgesAndRandomDoubles() {
        double[] edges = {1e-4, 9.99999999995e-5, 1e-6, 9.9999999999e-7, 1e-7, 999999999999.9, 1e12,
            0.5, 0.05, 1.00000000005, 1.000000000050001, 2.00000000005, 123456789.05, 4.9e-324,
            Double.MAX_VALUE, Double.MIN_NORMAL, 0.1, 0.2, 0.30000000000000004, 9.9999999995, 99.999999995};
        for (double v : edges) {
            for (int digits : new int[] {3, 10}) {
                assertEquals(Numbers.readableExact(v, digits), Numbers.readable(v, digits), v + " at " + digits);
                assertEquals(Numbers.readableExact(-v, digits), Numbers.readable(-v, digits), -v + " at " + digits);
            }
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 300_000; i++) {
            double v;
            switch (i % 4) {
                case 0 -> v = Double.longBitsToDouble(random.nextLong()); // any double at all
                case 1 -> v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 16));
                case 2 -> v = Math.round(random.nextDouble() * 1e11) / 1e11 + 5e-11; // ties in the 11th digit
                default -> v = Math.tanh(random.nextGaussian()) * random.nextGaussian();
            }
            if (Double.isFinite(v)) {
                int digits = i % 7 == 0 ? 3 : 10;
                assertEquals(Numbers.readableExact(v, digits), Numbers.readable(v, digits), v + " at " + digits);
            }
        }
    }
}
