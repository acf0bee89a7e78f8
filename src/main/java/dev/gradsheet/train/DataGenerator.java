package dev.gradsheet.train;

import dev.gradsheet.sheet.DataTable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * TensorFlow Playground's data sets, generated with a seed, a size and a noise level: columns
 * {@code x1, x2, y} with the class y ∈ {0, 1}, points roughly in [−1, 1]². Noise is the standard
 * deviation of Gaussian jitter added to each coordinate (0: clean shapes). The same seed, size and
 * noise give the same table; numbers are rounded to 3 decimals so saved sheets stay short.
 */
public enum DataGenerator {
    CIRCLE("Circle (a disc inside a ring)"),
    XOR("XOR (four clusters)"),
    GAUSSIANS("Two gaussians"),
    SPIRAL("Spiral (two arms)"),
    MOONS("Two moons");

    /** Most rows a generated table may have. */
    public static final int MAX_SIZE = 5000;
    /** Most noise allowed. */
    public static final double MAX_NOISE = 1;

    private final String title;

    DataGenerator(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The id used in messages and links: {@code circle}, {@code xor}, ... */
    public String id() {
        return name().toLowerCase();
    }

    /**
     * Generates {@code size} points (half of each class, alternating) with Gaussian noise of standard
     * deviation {@code noise}, drawn with {@code seed}.
     *
     * @throws IllegalArgumentException when size is not 2..{@value #MAX_SIZE} or noise not 0..1
     */
    public DataTable generate(int size, double noise, long seed) {
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 2.." + MAX_SIZE + ", not " + size);
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be between 0 and " + (int) MAX_NOISE + ", not " + noise);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[size][];
        for (int i = 0; i < size; i++) {
            int label = i % 2; // classes alternate, so any prefix is balanced
            double[] p = point(label, i / 2, (size + 1) / 2, r);
            rows[i] = new double[] {round(p[0] + noise * gaussian(r)), round(p[1] + noise * gaussian(r)), label};
        }
        return new DataTable(List.of("x1", "x2", "y"), rows);
    }

    /** A clean point of class {@code label}; {@code k} of {@code n} is its place among its class. */
    private double[] point(int label, int k, int n, SplittableRandom r) {
        return switch (this) {
            case CIRCLE -> {
                // class 1 inside radius 0.5, class 0 on the ring 0.7..1
                double radius = label == 1 ? r.nextDouble(0, 0.5) : r.nextDouble(0.7, 1.0);
                double angle = r.nextDouble(0, 2 * Math.PI);
                yield new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            }
            case XOR -> {
                // four clusters: class 1 where x1 and x2 have the same sign
                double x = r.nextDouble(0.1, 1.0);
                double y = r.nextDouble(0.1, 1.0);
                boolean flip = r.nextBoolean();
                double sx = flip ? 1 : -1;
                double sy = label == 1 ? sx : -sx;
                yield new double[] {sx * x, sy * y};
            }
            case GAUSSIANS -> {
                double centre = label == 1 ? 0.5 : -0.5;
                yield new double[] {centre + 0.2 * gaussian(r), centre + 0.2 * gaussian(r)};
            }
            case SPIRAL -> {
                // arm of class `label`, turned by π from the other; radius grows along it
                double t = (double) k / Math.max(1, n) * 1.75 * 2 * Math.PI;
                double radius = (double) k / Math.max(1, n);
                double angle = t + label * Math.PI;
                yield new double[] {radius * Math.sin(angle), radius * Math.cos(angle)};
            }
            case MOONS -> {
                double t = Math.PI * r.nextDouble();
                yield label == 0
                        ? new double[] {Math.cos(t) - 0.5, Math.sin(t) - 0.25}
                        : new double[] {0.5 - Math.cos(t), 0.25 - Math.sin(t)};
            }
        };
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
