package dev.gradsheet.bench;

import dev.gradsheet.engine.Sheet;

/**
 * The dense floor: the generated MLP n → n → n → 1 ({@code Generators.mlp}: tanh, MSE on one
 * sample) as plain {@code double[]} arithmetic in one thread — what PyTorch runs for it, in plain
 * Java loops (four rows at a time, as the engine's own layer loop): forward is three matrix–vector
 * products, backward their transposes and an outer product per weight matrix, an SGD step the update
 * then both. It computes every number the
 * sheet shows except its products' and partial sums' own (every value, and the gradient of every
 * weight, input and activation), adds in the sheet's order (so its loss equals the sheet's bit for
 * bit), and keeps nothing else: no cells, no names, no undo, no observers.
 */
public final class DenseFloor {
    private final int n;
    private final double[] x;
    private final double[][] w = new double[3][];
    private final double[][] gw = new double[3][];
    private final double[] z1;
    private final double[] h1;
    private final double[] z2;
    private final double[] h2;
    private final double[] gh1;
    private final double[] gh2;
    private final double[] gx;
    private final double[] out = new double[1];
    private final double[] gOut = new double[1];
    private final double target;
    private double y;
    private double loss;

    private DenseFloor(int n, double target) {
        this.n = n;
        this.target = target;
        x = new double[n];
        z1 = new double[n];
        h1 = new double[n];
        z2 = new double[n];
        h2 = new double[n];
        gh1 = new double[n];
        gh2 = new double[n];
        gx = new double[n];
        for (int layer = 0; layer < 3; layer++) {
            int rows = layer == 2 ? 1 : n;
            w[layer] = new double[rows * n];
            gw[layer] = new double[rows * n];
        }
    }

    /** The floor of an MLP sheet of width {@code n}, with the sheet's current inputs, weights and target. */
    public static DenseFloor of(Sheet sheet, int n) {
        DenseFloor f = new DenseFloor(n, sheet.value("t"));
        for (int i = 0; i < n; i++) {
            f.x[i] = sheet.value("x_" + i);
        }
        for (int layer = 0; layer < 3; layer++) {
            int rows = layer == 2 ? 1 : n;
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < n; i++) {
                    f.w[layer][j * n + i] = sheet.value("w" + (layer + 1) + "_" + j + "_" + i);
                }
            }
        }
        f.forwardBackward();
        return f;
    }

    /** Forward then backward; returns the loss. */
    public double forwardBackward() {
        forward();
        backward();
        return loss;
    }

    /** One SGD step: every weight against its gradient, then forward and backward; returns the loss. */
    public double step(double lr) {
        for (int layer = 0; layer < 3; layer++) {
            double[] a = w[layer];
            double[] g = gw[layer];
            for (int k = 0; k < a.length; k++) {
                a[k] -= lr * g[k];
            }
        }
        return forwardBackward();
    }

    private void forward() {
        matVec(w[0], x, z1, n);
        for (int j = 0; j < n; j++) {
            h1[j] = Math.tanh(z1[j]);
        }
        matVec(w[1], h1, z2, n);
        for (int j = 0; j < n; j++) {
            h2[j] = Math.tanh(z2[j]);
        }
        matVec(w[2], h2, out, 1);
        y = out[0];
        double e = y - target;
        loss = e * e;
    }

    private void backward() {
        double gy = 2 * (y - target);
        gOut[0] = gy;
        backLayer(w[2], gw[2], h2, gOut, gh2, 1);
        for (int j = 0; j < n; j++) {
            gh2[j] *= 1 - h2[j] * h2[j]; // now the gradient of z2
        }
        backLayer(w[1], gw[1], h1, gh2, gh1, n);
        for (int j = 0; j < n; j++) {
            gh1[j] *= 1 - h1[j] * h1[j]; // now the gradient of z1
        }
        backLayer(w[0], gw[0], x, gh1, gx, n);
    }

    /**
     * out = W·in for a row-major {@code rows × n} matrix, each row summed from its first term on. Four
     * rows at a time, as the engine's layer loop runs them: each row is still added term by term in
     * order (the same bits), but four independent sums keep the adder busy. Written the one-row way,
     * the floor was twice as slow at n = 512, and the engine's loop measured "faster than the floor".
     */
    private void matVec(double[] m, double[] in, double[] out, int rows) {
        int j = 0;
        for (; j + 3 < rows; j += 4) {
            int r0 = j * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            double x0 = in[0];
            double a0 = m[r0] * x0;
            double a1 = m[r1] * x0;
            double a2 = m[r2] * x0;
            double a3 = m[r3] * x0;
            for (int i = 1; i < n; i++) {
                double xi = in[i];
                a0 += m[r0 + i] * xi;
                a1 += m[r1 + i] * xi;
                a2 += m[r2 + i] * xi;
                a3 += m[r3 + i] * xi;
            }
            out[j] = a0;
            out[j + 1] = a1;
            out[j + 2] = a2;
            out[j + 3] = a3;
        }
        for (; j < rows; j++) {
            int row = j * n;
            double acc = m[row] * in[0];
            for (int i = 1; i < n; i++) {
                acc += m[row + i] * in[i];
            }
            out[j] = acc;
        }
    }

    /**
     * gW = gz ⊗ in (outer product), gIn = Wᵀ·gz, last row first. Four rows at a time, as the
     * engine's loop: each input's gradient adds the rows' terms one by one in the same order, but is
     * read and written once per four rows.
     */
    private void backLayer(double[] m, double[] gm, double[] in, double[] gz, double[] gin, int rows) {
        java.util.Arrays.fill(gin, 0.0);
        int j = rows - 1;
        for (; j >= 3; j -= 4) {
            double g0 = gz[j];
            double g1 = gz[j - 1];
            double g2 = gz[j - 2];
            double g3 = gz[j - 3];
            int r0 = j * n;
            int r1 = r0 - n;
            int r2 = r1 - n;
            int r3 = r2 - n;
            for (int i = 0; i < n; i++) {
                double xi = in[i];
                gm[r0 + i] = g0 * xi;
                gm[r1 + i] = g1 * xi;
                gm[r2 + i] = g2 * xi;
                gm[r3 + i] = g3 * xi;
                gin[i] = (((gin[i] + g0 * m[r0 + i]) + g1 * m[r1 + i]) + g2 * m[r2 + i]) + g3 * m[r3 + i];
            }
        }
        for (; j >= 0; j--) {
            double g = gz[j];
            int row = j * n;
            for (int i = 0; i < n; i++) {
                gm[row + i] = g * in[i];
                gin[i] += g * m[row + i];
            }
        }
    }

    /** The loss after the last pass. */
    public double loss() {
        return loss;
    }

    /** ∂loss/∂(weight {@code i} of neuron {@code j} in layer {@code layer}, 1 to 3) after the last pass. */
    public double weightGradient(int layer, int j, int i) {
        return gw[layer - 1][j * n + i];
    }

    /** ∂loss/∂x_i after the last pass. */
    public double inputGradient(int i) {
        return gx[i];
    }
}
