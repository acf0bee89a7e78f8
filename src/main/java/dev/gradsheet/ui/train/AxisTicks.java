package dev.gradsheet.ui.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Readable ticks for a logarithmic axis: 1-2-5 steps (0.05, 0.1, 0.2, 0.5, 1) over wide ranges,
 * whole decades when those would crowd, and evenly spaced round numbers when the data spans less
 * than a factor of 3 (late in a long run). Labels carry just enough digits to tell neighbours apart,
 * so no two ticks read the same.
 */
public record AxisTicks(double min, double max, List<Double> values, List<String> labels) {
    /** At most this many ticks before 1-2-5 steps thin out to decades. */
    static final int MAX_TICKS = 8;
    private static final double[] STEPS = {1, 2, 5};

    /** Ticks for positive data between {@code lo} and {@code hi}. */
    public static AxisTicks log(double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
            return new AxisTicks(0.1, 1, List.of(0.1, 0.2, 0.5, 1.0), List.of("0.1", "0.2", "0.5", "1"));
        }
        if (hi / lo >= 3) {
            List<Double> ticks = new ArrayList<>();
            double below = niceBelow(lo);
            double above = niceAbove(hi);
            for (int e = (int) Math.floor(Math.log10(below)) - 1; e <= (int) Math.ceil(Math.log10(above)); e++) {
                for (double s : STEPS) {
                    double v = round(s * Math.pow(10, e));
                    if (v >= below * 0.999 && v <= above * 1.001) {
                        ticks.add(v);
                    }
                }
            }
            if (ticks.size() > MAX_TICKS) {
                List<Double> decades = ticks.stream().filter(v -> leading(v) == 1).toList();
                int every = (int) Math.ceil(decades.size() / (double) MAX_TICKS);
                List<Double> thinned = new ArrayList<>();
                for (int i = 0; i < decades.size(); i += every) {
                    thinned.add(decades.get(i));
                }
                ticks = thinned;
                below = Math.min(below, ticks.get(0));
                above = Math.max(above, ticks.get(ticks.size() - 1));
            }
            return new AxisTicks(below, above, ticks, labels(ticks));
        }
        // a narrow range: evenly spaced round numbers, about four steps
        double span = hi > lo ? hi - lo : Math.abs(hi) * 0.2;
        double step = niceAbove(span / 4);
        double from = Math.floor(lo / step) * step;
        double to = Math.ceil(hi / step) * step;
        if (from <= 0) {
            from = lo;
        }
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; from + i * step <= to * (1 + 1e-9) && i <= 20; i++) {
            ticks.add(round(from + i * step));
        }
        return new AxisTicks(ticks.get(0), ticks.get(ticks.size() - 1), ticks, labels(ticks));
    }

    /** The largest 1-2-5 number not above {@code v}. */
    static double niceBelow(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double best = decade;
        for (double s : STEPS) {
            if (s * decade <= v * (1 + 1e-12)) {
                best = s * decade;
            }
        }
        return round(best);
    }

    /** The smallest 1-2-5 number not below {@code v}. */
    static double niceAbove(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double s : STEPS) {
            if (s * decade >= v * (1 - 1e-12)) {
                return round(s * decade);
            }
        }
        return round(10 * decade);
    }

    private static int leading(double v) {
        return (int) Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));
    }

    private static double round(double v) {
        return new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }

    /** The fewest significant digits (at least 1) that give every tick a different label. */
    static List<String> labels(List<Double> ticks) {
        for (int digits = 1; digits <= 12; digits++) {
            List<String> out = new ArrayList<>();
            for (double v : ticks) {
                out.add(label(v, digits));
            }
            if (new HashSet<>(out).size() == out.size()) {
                return out;
            }
        }
        return ticks.stream().map(v -> label(v, 15)).toList();
    }

    private static String label(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return d.toPlainString();
        }
        // 4.1e-6 rather than 4.1E-6
        int exponent = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
