package dev.gradsheet.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringWriter;
import java.util.SplittableRandom;

/**
 * Generated {@code .sheet} files of any size, for benchmarks, tests and demonstrations: a scalar MLP
 * with every weight, product and partial sum its own cell; a long chain; stacked diamonds; a random
 * DAG. Each writes text, so loading it exercises the real file reader.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * A scalar MLP n → n → n → 1 with tanh hidden units and MSE on one sample: about 6n² cells
     * (n = 64: 25k, 256: 400k, 512: 1.6M). Weights {@code w<layer>_<to>_<from>}, products
     * {@code p<layer>_<to>_<from>}, partial sums {@code s<layer>_<to>_<from>}, activations
     * {@code h<layer>_<to>}, output {@code y}, target {@code t}, loss {@code L}.
     */
    public static void mlp(int n, long seed, Writer out) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            out.write("# scalar MLP " + n + " -> " + n + " -> " + n + " -> 1, tanh, mse (seed " + seed + ")\n");
            for (int i = 0; i < n; i++) {
                out.write("x_" + i + " = input(" + round(random.nextDouble(-1, 1)) + ")\n");
            }
            String[] in = new String[n];
            for (int i = 0; i < n; i++) {
                in[i] = "x_" + i;
            }
            double scale = 1 / Math.sqrt(n);
            for (int layer = 1; layer <= 2; layer++) {
                String[] next = new String[n];
                for (int j = 0; j < n; j++) {
                    String sum = neuron(out, random, scale, layer, j, in);
                    next[j] = "h" + layer + "_" + j;
                    out.write(next[j] + " = tanh(" + sum + ")\n");
                }
                in = next;
            }
            String sum = neuron(out, random, scale, 3, 0, in);
            out.write("y = " + sum + "\n");
            out.write("t = input(0.5)\n");
            out.write("L = mse(y, t)\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one neuron's weights, products and partial sums; returns the name of the full sum. */
    private static String neuron(Writer out, SplittableRandom random, double scale, int layer, int j,
                                 String[] in) throws IOException {
        String prev = null;
        for (int i = 0; i < in.length; i++) {
            String w = "w" + layer + "_" + j + "_" + i;
            String p = "p" + layer + "_" + j + "_" + i;
            out.write(w + " = weight(" + round(random.nextDouble(-scale, scale) * 1.7) + ")\n");
            out.write(p + " = " + w + " * " + in[i] + "\n");
            if (prev == null) {
                prev = p;
            } else {
                String s = "s" + layer + "_" + j + "_" + i;
                out.write(s + " = " + prev + " + " + p + "\n");
                prev = s;
            }
        }
        return prev;
    }

    /** A chain of {@code n} cells: {@code c0 = weight(0.5)}, {@code c_k = tanh(c_(k-1))}, {@code L = c²} at the end. */
    public static void chain(int n, Writer out) {
        try {
            out.write("c0 = weight(0.5)\n");
            for (int k = 1; k < n - 1; k++) {
                out.write("c" + k + " = tanh(c" + (k - 1) + ")\n");
            }
            out.write("L = c" + (n - 2) + " * c" + (n - 2) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code levels} diamonds stacked on each other: {@code d0 = weight(0.5)}, inputs {@code h} and
     * {@code g} (both 0.5); each level {@code a_k = d_(k-1) * h}, {@code b_k = d_(k-1) * g},
     * {@code d_k = a_k + b_k}. Every cell has two paths to the next level — the case where chained
     * {@code combineLatest} emits intermediate states and its work doubles per level — and an edit of
     * d0 changes every cell exactly (d_k = d0). 3·levels + 3 cells.
     */
    public static void diamonds(int levels, Writer out) {
        try {
            out.write("d0 = weight(0.5)\nh = input(0.5)\ng = input(0.5)\n");
            for (int k = 1; k <= levels; k++) {
                out.write("a" + k + " = d" + (k - 1) + " * h\n");
                out.write("b" + k + " = d" + (k - 1) + " * g\n");
                out.write("d" + k + " = a" + k + " + b" + k + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A random DAG of {@code n} lines over {@code inputs} weights (in [−1, 1]), each computed cell
     * applying a smooth operation to one or two earlier cells (chosen near it, so depth grows with n),
     * the last one's square the objective. One line in six is compound ({@code 0.5 * (a + b)}, three
     * cells). Every value and gradient stays finite at any size: the mix is of operations that do not
     * blow up along a deep chain — products (two kinds in six, which shrink values below 1), tanh,
     * sigmoid and the halved sum — and one difference; plain sums, which double magnitudes, made a
     * million-cell sheet all NaN.
     */
    public static void randomDag(int n, int inputs, long seed, Writer out) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            for (int i = 0; i < inputs; i++) {
                out.write("r" + i + " = weight(" + round(random.nextDouble(-1, 1)) + ")\n");
            }
            for (int i = inputs; i < n - 1; i++) {
                String a = "r" + pick(random, i);
                String b = "r" + pick(random, i);
                String formula = switch (random.nextInt(6)) {
                    case 0, 2 -> a + " * " + b;
                    case 1 -> a + " - " + b;
                    case 3 -> "tanh(" + a + ")";
                    case 4 -> "sigmoid(" + a + ")";
                    default -> "0.5 * (" + a + " + " + b + ")";
                };
                out.write("r" + i + " = " + formula + "\n");
            }
            out.write("L = mse(r" + (n - 2) + ", 0)\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #randomDag}'s cells with their lines in a random order, the loss still last (so it stays
     * the objective): a cell is often used before the line that defines it, so the order cells are
     * created in, the order they are listed in and an order they can be computed in all differ.
     */
    public static void randomDagShuffled(int n, int inputs, long seed, Writer out) {
        String[] lines = text(w -> randomDag(n, inputs, seed, w)).split("\n");
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = lines.length - 2; i > 0; i--) { // Fisher–Yates over every line but the loss
            int j = random.nextInt(i + 1);
            String swap = lines[i];
            lines[i] = lines[j];
            lines[j] = swap;
        }
        try {
            for (String line : lines) {
                out.write(line + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pick(SplittableRandom random, int below) {
        return Math.max(0, below - 1 - random.nextInt(Math.min(below, 16)));
    }

    /** Any generator's text as a string, for small sheets. */
    public static String text(java.util.function.Consumer<Writer> generator) {
        StringWriter out = new StringWriter();
        generator.accept(out);
        return out.toString();
    }

    private static String round(double v) {
        return Double.toString(Math.round(v * 1e6) / 1e6);
    }
}
