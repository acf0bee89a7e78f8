package dev.gradsheet.train;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sheets that build a model's cells for you, as {@code .sheet} text; everything stays editable.
 * Inputs are {@code x1, x2, ...}, the target is {@code y}, the loss {@code L}; each declares the data
 * columns it needs with {@code @data}-style binding by name.
 */
public final class Templates {

    /** The loss of a template: squared error or (binary) cross-entropy. */
    public enum Loss {
        MSE, CROSS_ENTROPY;

        String fn() {
            return this == MSE ? "mse" : "bce";
        }
    }

    /**
     * A weight penalty added to the loss as cells: L2 is λ·Σ w², L1 is λ·Σ |w| (abs, whose
     * gradient is the sign of w). Biases are not penalised.
     */
    public enum Penalty {
        NONE, L2, L1
    }

    private Templates() {
    }

    /**
     * The lesson's threshold neuron (item 2): inputs x1, x2, weights 1, bias 0, threshold θ = 1. It
     * separates the plane by the line x1 + x2 = 1, but cannot learn by backprop: step's gradient is 0.
     */
    public static String stepNeuron() {
        return comment(TemplateDescription.stepNeuron()) + """
                x1 = input(1)
                x2 = input(0.5)
                w1 = weight(1)
                w2 = weight(1)
                b = weight(0)
                theta = input(1)
                out = step(w1 * x1 + w2 * x2 + b, theta)
                y = input(1)
                L = mse(out, y)
                """;
    }

    /** A sigmoid neuron on two inputs, z = w1·x1 + w2·x2 + b, p = σ(z), with the given loss. */
    public static String sigmoidNeuron(Loss loss, double w1, double w2, double b) {
        return comment(TemplateDescription.sigmoidNeuron(loss))
                + "x1 = input(0)\nx2 = input(0)\n"
                + "w1 = weight(" + Numbers.exact(w1) + ")\nw2 = weight(" + Numbers.exact(w2) + ")\nb = weight("
                + Numbers.exact(b) + ")\n"
                + "z = w1 * x1 + w2 * x2 + b\np = sigmoid(z)\ny = input(0)\nL = " + loss.fn() + "(p, y)\n";
    }

    /**
     * An MLP: {@code inputs} inputs, hidden layers of the given sizes with {@code activation}, one
     * output — sigmoid for cross-entropy, and for squared error sigmoid or linear as asked — weights
     * drawn uniformly from ±1.5/√fan-in with {@code seed}, and biases 0. Names: {@code w<layer>_<to>_<from>},
     * {@code b<layer>_<to>}, {@code h<layer>_<to>}, output {@code out}.
     */
    public static String mlp(int inputs, List<Integer> hidden, Activation activation, Loss loss,
                             boolean sigmoidOutput, long seed) {
        return mlp(inputs, hidden, activation, loss, sigmoidOutput, seed, Penalty.NONE, 0);
    }

    /**
     * The MLP of {@link #mlp(int, List, Activation, Loss, boolean, long)} with a weight penalty as
     * cells: {@code lambda = input(λ)}, {@code reg = lambda * sum(...)} over every weight (not the
     * biases) and the objective {@code J = L + reg}, so each weight's gradient in the grid includes
     * the penalty's (2λw for L2, λ·sign(w) for L1) and {@code reg}'s own cells show it apart.
     */
    public static String mlp(int inputs, List<Integer> hidden, Activation activation, Loss loss,
                             boolean sigmoidOutput, long seed, Penalty penalty, double lambda) {
        if (penalty != Penalty.NONE && !(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be a number of at least 0, not " + lambda);
        }
        if (inputs < 1) {
            throw new IllegalArgumentException("an MLP needs at least one input");
        }
        if (activation == Activation.STEP) {
            throw new IllegalArgumentException("step cannot learn by backprop (its gradient is 0); use sigmoid,"
                    + " tanh or relu");
        }
        for (int size : hidden) {
            if (size < 1 || size > 256) {
                throw new IllegalArgumentException("hidden layer sizes must be 1..256, not " + size);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder();
        List<Integer> sizes = new ArrayList<>(hidden);
        out.append(comment(TemplateDescription.mlp(inputs, sizes, activation, loss, seed)));
        List<String> previous = new ArrayList<>();
        for (int i = 1; i <= inputs; i++) {
            out.append("x").append(i).append(" = input(0)\n");
            previous.add("x" + i);
        }
        int layer = 1;
        for (int size : sizes) {
            List<String> next = new ArrayList<>();
            for (int j = 1; j <= size; j++) {
                String sum = neuron(out, random, layer, j, previous);
                String h = "h" + layer + "_" + j;
                out.append(h).append(" = ").append(activation.fn()).append('(').append(sum).append(")\n");
                next.add(h);
            }
            previous = next;
            layer++;
        }
        String sum = neuron(out, random, layer, 1, previous);
        boolean sigmoid = loss == Loss.CROSS_ENTROPY || sigmoidOutput;
        out.append("out = ").append(sigmoid ? "sigmoid(" + sum + ")" : sum).append('\n');
        out.append("y = input(0)\n");
        out.append("L = ").append(loss.fn()).append("(out, y)\n");
        if (penalty != Penalty.NONE) {
            List<String> terms = new ArrayList<>();
            for (String line : out.toString().split("\n")) {
                if (line.startsWith("w") && line.contains(" = weight(")) {
                    String w = line.substring(0, line.indexOf(' '));
                    terms.add(penalty == Penalty.L2 ? w + " * " + w : "abs(" + w + ")");
                }
            }
            out.append("# ").append(penalty == Penalty.L2 ? "L2 penalty: lambda * sum of w^2" : "L1 penalty: lambda * sum of |w|")
                    .append(" over the weights (not the biases)\n");
            out.append("lambda = input(").append(Numbers.exact(lambda)).append(")\n");
            out.append("reg = lambda * sum(").append(String.join(", ", terms)).append(")\n");
            out.append("J = L + reg\n");
            out.append("@objective = J\n");
        }
        return out.toString();
    }

    /** The description as the sheet's leading comment, a {@code # } line each. */
    private static String comment(TemplateDescription description) {
        StringBuilder out = new StringBuilder();
        for (String line : description.english().split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        return out.toString();
    }

    /** Writes a neuron's weights and bias; returns its weighted sum as a formula. */
    private static String neuron(StringBuilder out, SplittableRandom random, int layer, int j, List<String> in) {
        double scale = 1.5 / Math.sqrt(in.size());
        StringBuilder sum = new StringBuilder();
        for (int i = 1; i <= in.size(); i++) {
            String w = "w" + layer + "_" + j + "_" + i;
            out.append(w).append(" = weight(").append(Numbers.exact(Math.round(random.nextDouble(-scale, scale) * 1e4) / 1e4))
                    .append(")\n");
            sum.append(w).append(" * ").append(in.get(i - 1)).append(" + ");
        }
        String b = "b" + layer + "_" + j;
        out.append(b).append(" = weight(0)\n");
        return sum.append(b).toString();
    }
}
