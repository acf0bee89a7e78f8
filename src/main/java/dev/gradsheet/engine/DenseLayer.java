package dev.gradsheet.engine;

import java.util.Arrays;
import java.util.List;

/**
 * One dense layer of a sheet ({@link DenseFinder}) run as one loop: {@code k} neurons over the same
 * {@code m} inputs, whose weights are one row-major block of cell ids ({@code wBase + j·m + i}), so
 * their values and gradients are contiguous in the graph's arrays.
 *
 * <p>Forward is a matrix–vector product; backward its transpose plus an outer product for the
 * weights' gradients. The products' and partial sums' own values and gradients are not stored during
 * the loop: {@link #value} and {@link #grad} compute one when it is read, {@link #materialize} all of
 * them. Each is computed as the per-cell engine computes it — the same operations in the same order,
 * so the same bits: an output is {@code ((w0·x0 + w1·x1) + w2·x2) + …}, a weight's gradient
 * {@code 0 + g·x} (the per-cell engine adds into a zero), an input's gradient accumulates the
 * neurons' terms from the last neuron to the first (the per-cell backward's reverse order), and a
 * neuron whose output has gradient 0 passes nothing back, as a per-cell backward skips it.
 */
final class DenseLayer {
    final int m;
    final int k;
    /** Id of the weight of neuron 0, input 0; neuron j's weight for input i is {@code wBase + j·m + i}. */
    final int wBase;
    final int[] inputs;
    final int[] outputs;
    /** Product cells, row-major ({@code j·m + i}). */
    final int[] products;
    /** Partial sums, row-major ({@code j·(m−1) + i − 1} is p0 + … + pi); the last of a row is the output. */
    final int[] sums;
    /** The output the passes run the layer at: the first in topological order. */
    int marker;
    /** This layer's first code in {@link DenseLayers}' numbering of the cells loops stand for. */
    int termBase;
    private final double[] x;
    private final double[] gx;
    private final double[] z;

    DenseLayer(int[] inputs, List<DenseFinder.Neuron> neurons) {
        this.m = inputs.length;
        this.k = neurons.size();
        this.inputs = inputs.clone();
        this.outputs = new int[k];
        this.products = new int[k * m];
        this.sums = new int[k * (m - 1)];
        this.wBase = neurons.get(0).weights()[0];
        for (int j = 0; j < k; j++) {
            DenseFinder.Neuron n = neurons.get(j);
            outputs[j] = n.output();
            System.arraycopy(n.products(), 0, products, j * m, m);
            System.arraycopy(n.sums(), 0, sums, j * (m - 1), m - 1);
        }
        this.x = new double[m];
        this.gx = new double[m];
        this.z = new double[k];
    }

    /** How many cells the layer stands for in a pass: every product and partial sum, outputs included. */
    long cellsPerPass() {
        return (long) k * (2L * m - 1);
    }

    // ---- the loops -------------------------------------------------------------------------------

    /**
     * Computes every output from the weights and the inputs. Writes each output but the marker whose
     * value changed, recording it as the passes do ({@link Graph#trackChanges}) and scheduling its
     * users (a plain pass clears the marks after it); returns the marker's new value, which the pass
     * stores.
     */
    double forward(Graph g) {
        final double[] v = g.value;
        final double[] in = x;
        final double[] sums = z;
        final int n = m;
        for (int i = 0; i < n; i++) {
            in[i] = v[inputs[i]];
        }
        // Four rows at a time: each row's sum is still added term by term in order (the same bits),
        // but four independent sums keep the adder busy where one waits for its last addition.
        int j = 0;
        for (; j + 3 < k; j += 4) {
            int r0 = wBase + j * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            double x0 = in[0];
            double a0 = v[r0] * x0;
            double a1 = v[r1] * x0;
            double a2 = v[r2] * x0;
            double a3 = v[r3] * x0;
            for (int i = 1; i < n; i++) {
                double xi = in[i];
                a0 += v[r0 + i] * xi;
                a1 += v[r1 + i] * xi;
                a2 += v[r2 + i] * xi;
                a3 += v[r3 + i] * xi;
            }
            sums[j] = a0;
            sums[j + 1] = a1;
            sums[j + 2] = a2;
            sums[j + 3] = a3;
        }
        for (; j < k; j++) {
            int row = wBase + j * n;
            double acc = v[row] * in[0];
            for (int i = 1; i < n; i++) {
                acc += v[row + i] * in[i];
            }
            sums[j] = acc;
        }
        double markerValue = 0;
        for (j = 0; j < k; j++) {
            double acc = sums[j];
            int out = outputs[j];
            if (out == marker) {
                markerValue = acc;
            } else if (Double.doubleToRawLongBits(acc) != Double.doubleToRawLongBits(v[out])) {
                v[out] = acc;
                if (g.trackChanges) {
                    g.changedValues.add(out);
                }
                g.markUsersDirty(out);
            }
        }
        g.recomputations += cellsPerPass() - 1; // the pass counts the marker itself
        return markerValue;
    }

    /**
     * Passes the outputs' gradients back: each weight's gradient is set (the weight has no other
     * user), each input's accumulated into what its later users gave it.
     */
    void backward(Graph g) {
        final double[] v = g.value;
        final double[] d = g.grad;
        final double[] in = x;
        final double[] gin = gx;
        final int n = m;
        for (int i = 0; i < n; i++) {
            in[i] = v[inputs[i]];
            gin[i] = d[inputs[i]];
        }
        int j = k - 1;
        // Four rows at a time where all four pass a gradient back: each input's gradient still adds
        // their terms one by one, last row first (the same bits), but is read and written once.
        for (; j >= 3; j -= 4) {
            double g0 = d[outputs[j]];
            double g1 = d[outputs[j - 1]];
            double g2 = d[outputs[j - 2]];
            double g3 = d[outputs[j - 3]];
            if (g0 == 0 || g1 == 0 || g2 == 0 || g3 == 0) {
                for (int r = j; r > j - 4; r--) {
                    backwardRow(v, d, r);
                }
                continue;
            }
            int r0 = wBase + j * n;
            int r1 = r0 - n;
            int r2 = r1 - n;
            int r3 = r2 - n;
            for (int i = 0; i < n; i++) {
                double xi = in[i];
                d[r0 + i] = 0.0 + g0 * xi;
                d[r1 + i] = 0.0 + g1 * xi;
                d[r2 + i] = 0.0 + g2 * xi;
                d[r3 + i] = 0.0 + g3 * xi;
                gin[i] = (((gin[i] + g0 * v[r0 + i]) + g1 * v[r1 + i]) + g2 * v[r2 + i]) + g3 * v[r3 + i];
            }
        }
        for (; j >= 0; j--) {
            backwardRow(v, d, j);
        }
        for (int i = 0; i < n; i++) {
            d[inputs[i]] = gin[i];
        }
    }

    /** One neuron's backward step (the scratch arrays hold the inputs and their gradients so far). */
    private void backwardRow(double[] v, double[] d, int j) {
        final double[] in = x;
        final double[] gin = gx;
        final int n = m;
        double gz = d[outputs[j]];
        int row = wBase + j * n;
        if (gz != 0) {
            for (int i = 0; i < n; i++) {
                d[row + i] = 0.0 + gz * in[i];
                gin[i] += gz * v[row + i];
            }
        } else {
            Arrays.fill(d, row, row + n, 0.0);
        }
    }

    /** Whether every output's value is a finite number: then so is every weight (see {@link Sgd#update}). */
    boolean outputsFinite(Graph g) {
        for (int out : outputs) {
            if (!Double.isFinite(g.value[out])) {
                return false;
            }
        }
        return true;
    }

    /** Sets every weight's gradient to 0: the backward pass did not reach the layer. */
    void clearWeightGradients(double[] d) {
        Arrays.fill(d, wBase, wBase + k * m, 0.0);
    }

    // ---- the cells the loop stands for -----------------------------------------------------------

    /** The value of the product ({@code !sum}) or partial sum of neuron {@code j}, term {@code i}. */
    double value(Graph g, int j, int i, boolean sum) {
        final double[] v = g.value;
        int row = wBase + j * m;
        if (!sum) {
            return v[row + i] * v[inputs[i]];
        }
        double acc = v[row] * v[inputs[0]];
        for (int r = 1; r <= i; r++) {
            acc += v[row + r] * v[inputs[r]];
        }
        return acc;
    }

    /** The gradient of any product or partial sum of neuron {@code j}: its output's, or 0 where that is 0. */
    double grad(Graph g, int j) {
        double gz = g.grad[outputs[j]];
        return gz != 0 ? 0.0 + gz : 0.0;
    }

    /**
     * Writes every product's and partial sum's value and gradient into the graph's arrays; with
     * {@code record}, first adds to {@link Graph#changedValues} each whose stored value differs.
     */
    void materialize(Graph g, boolean record) {
        final double[] v = g.value;
        final double[] d = g.grad;
        for (int i = 0; i < m; i++) {
            x[i] = v[inputs[i]];
        }
        for (int j = 0; j < k; j++) {
            int row = wBase + j * m;
            double gz = d[outputs[j]];
            double grad = gz != 0 ? 0.0 + gz : 0.0;
            double acc = 0;
            for (int i = 0; i < m; i++) {
                double p = v[row + i] * x[i];
                store(g, products[j * m + i], p, grad, record);
                if (i == 0) {
                    acc = p;
                } else {
                    acc += p;
                    if (i < m - 1) {
                        store(g, sums[j * (m - 1) + i - 1], acc, grad, record);
                    }
                }
            }
        }
    }

    private static void store(Graph g, int id, double value, double grad, boolean record) {
        if (record && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(g.value[id])) {
            g.changedValues.add(id);
        }
        g.value[id] = value;
        g.grad[id] = grad;
    }
}
