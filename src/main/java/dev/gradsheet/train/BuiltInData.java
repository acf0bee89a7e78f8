package dev.gradsheet.train;

import dev.gradsheet.sheet.DataTable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Data sets to learn from without a file. The 2-D ones have columns {@code x1, x2, y} (y the 0/1
 * class); the regression line has {@code x1, y}. The random ones are generated from a fixed seed.
 */
public enum BuiltInData {
    AND("AND (4 points)"),
    OR("OR (4 points)"),
    XOR("XOR (4 points, not linearly separable)"),
    LINE_SEPARATION("Points split by the line x1 + x2 = 1"),
    NOISY_LINE("Noisy line y = 2x + 1 (regression)"),
    TWO_MOONS("Two moons"),
    CIRCLES("Circles");

    private final String title;

    BuiltInData(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The id used on the command line and in links: {@code xor}, {@code two-moons}, ... */
    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    public static BuiltInData byId(String id) {
        for (BuiltInData d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }

    public DataTable table() {
        SplittableRandom r = new SplittableRandom(42);
        return switch (this) {
            case AND -> logic(0, 0, 0, 1);
            case OR -> logic(0, 1, 1, 1);
            case XOR -> logic(0, 1, 1, 0);
            case LINE_SEPARATION -> {
                double[][] rows = new double[40][];
                for (int i = 0; i < rows.length; i++) {
                    double a = r.nextDouble(0, 1.5);
                    double b = r.nextDouble(0, 1.5);
                    rows[i] = new double[] {round(a), round(b), a + b > 1 ? 1 : 0};
                }
                yield new DataTable(List.of("x1", "x2", "y"), rows);
            }
            case NOISY_LINE -> {
                double[][] rows = new double[30][];
                for (int i = 0; i < rows.length; i++) {
                    double x = -1 + 2.0 * i / (rows.length - 1);
                    rows[i] = new double[] {round(x), round(2 * x + 1 + 0.2 * gaussian(r))};
                }
                yield new DataTable(List.of("x1", "y"), rows);
            }
            case TWO_MOONS -> {
                double[][] rows = new double[100][];
                for (int i = 0; i < rows.length; i++) {
                    boolean upper = i % 2 == 0;
                    double t = Math.PI * r.nextDouble();
                    double x = upper ? Math.cos(t) : 1 - Math.cos(t);
                    double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
                    rows[i] = new double[] {round(x + 0.1 * gaussian(r)), round(y + 0.1 * gaussian(r)), upper ? 0 : 1};
                }
                yield new DataTable(List.of("x1", "x2", "y"), rows);
            }
            case CIRCLES -> {
                double[][] rows = new double[100][];
                for (int i = 0; i < rows.length; i++) {
                    boolean inner = i % 2 == 0;
                    double t = 2 * Math.PI * r.nextDouble();
                    double radius = (inner ? 0.4 : 1.0) + 0.08 * gaussian(r);
                    rows[i] = new double[] {round(radius * Math.cos(t)), round(radius * Math.sin(t)), inner ? 1 : 0};
                }
                yield new DataTable(List.of("x1", "x2", "y"), rows);
            }
        };
    }

    private static DataTable logic(double y00, double y01, double y10, double y11) {
        return new DataTable(List.of("x1", "x2", "y"), new double[][] {
            {0, 0, y00}, {0, 1, y01}, {1, 0, y10}, {1, 1, y11}});
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
