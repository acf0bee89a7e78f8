package dev.gradsheet.train;

import dev.gradsheet.engine.Activation;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@link Templates} sheet says it is — the comment at its top, which becomes the sheet's
 * description — as data, so a page can word it in its own language: its {@link Kind} and, for an
 * MLP, the layer sizes, the activation and the seed. {@link #english()} is the comment the template
 * writes (and the command line shows); {@link #of} knows that comment again in a saved sheet, and
 * only it: a description is taken for a template's when writing what was read gives back the same
 * text, so an author's own description is never mistaken for one.
 *
 * @param kind       which template, with its loss
 * @param layers     an MLP's layer sizes, inputs to output ("2-4-1"); "" otherwise
 * @param activation an MLP's activation, as formulas name it ("sigmoid"); "" otherwise
 * @param seed       an MLP's seed; 0 otherwise
 */
public record TemplateDescription(Kind kind, String layers, String activation, long seed) {
    /** The templates' descriptions, each with its English ({@link MessageFormat} when it has arguments). */
    public enum Kind {
        STEP_NEURON("The lesson's threshold neuron (item 2): out = 1 when w1*x1 + w2*x2 + b > theta, else 0.\n"
                + "With both weights 1, bias 0 and theta = 1 it splits the plane by the line x1 + x2 = 1.\n"
                + "It cannot learn by backprop: step's gradient is 0 everywhere (item 7), so every\n"
                + "weight's gradient is 0 and an SGD step moves nothing. Use a sigmoid neuron to learn."),
        SIGMOID_NEURON_MSE("A sigmoid neuron with squared error loss."),
        SIGMOID_NEURON_CROSS_ENTROPY("A sigmoid neuron with cross-entropy loss."),
        /** Arguments: layer sizes, activation, seed. */
        MLP_MSE("MLP {0}, {1}, mse, seed {2}"),
        /** Arguments: layer sizes, activation, seed. */
        MLP_CROSS_ENTROPY("MLP {0}, {1}, cross-entropy, seed {2}");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        /** The English: the text itself for a kind without arguments, else a {@link MessageFormat} pattern. */
        public String english() {
            return english;
        }

        /** Whether descriptions of this kind have arguments (an MLP's). */
        public boolean hasArguments() {
            return this == MLP_MSE || this == MLP_CROSS_ENTROPY;
        }
    }

    /** The step neuron's description. */
    static TemplateDescription stepNeuron() {
        return new TemplateDescription(Kind.STEP_NEURON, "", "", 0);
    }

    /** A sigmoid neuron's description. */
    static TemplateDescription sigmoidNeuron(Templates.Loss loss) {
        return new TemplateDescription(loss == Templates.Loss.MSE ? Kind.SIGMOID_NEURON_MSE
                : Kind.SIGMOID_NEURON_CROSS_ENTROPY, "", "", 0);
    }

    /** An MLP's description: {@code inputs}, the hidden sizes, one output. */
    static TemplateDescription mlp(int inputs, List<Integer> hidden, Activation activation, Templates.Loss loss,
                                   long seed) {
        String sizes = inputs + hidden.stream().map(s -> "-" + s).collect(Collectors.joining()) + "-1";
        return new TemplateDescription(loss == Templates.Loss.MSE ? Kind.MLP_MSE : Kind.MLP_CROSS_ENTROPY, sizes,
                activation.fn(), seed);
    }

    /** The arguments of the kind's wording: layer sizes, activation, seed (in digits); none but for an MLP. */
    public Object[] arguments() {
        return kind.hasArguments() ? new Object[] {layers, activation, Long.toString(seed)} : new Object[0];
    }

    /** The description in English, as the template writes it in the sheet. */
    public String english() {
        return kind.hasArguments() ? new MessageFormat(kind.english, Locale.ROOT).format(arguments()) : kind.english;
    }

    /** The template description {@code description} is, if it is one exactly as a template writes it. */
    public static Optional<TemplateDescription> of(String description) {
        if (description == null) {
            return Optional.empty();
        }
        for (Kind k : Kind.values()) {
            if (!k.hasArguments() && k.english.equals(description)) {
                return Optional.of(new TemplateDescription(k, "", "", 0));
            }
        }
        return mlp(description).filter(d -> d.english().equals(description));
    }

    /** "MLP 2-4-1, sigmoid, cross-entropy, seed 1" in its parts, if it has them. */
    private static Optional<TemplateDescription> mlp(String description) {
        String[] parts = description.split(", ", -1);
        if (parts.length != 4 || !parts[0].startsWith("MLP ") || !parts[3].startsWith("seed ")
                || !parts[0].substring(4).matches("[0-9]+(-[0-9]+)+")) {
            return Optional.empty();
        }
        Kind kind = switch (parts[2]) {
            case "mse" -> Kind.MLP_MSE;
            case "cross-entropy" -> Kind.MLP_CROSS_ENTROPY;
            default -> null;
        };
        boolean activation = java.util.Arrays.stream(Activation.values()).anyMatch(a -> a.fn().equals(parts[1]));
        try {
            return kind == null || !activation ? Optional.empty()
                    : Optional.of(new TemplateDescription(kind, parts[0].substring(4), parts[1],
                            Long.parseLong(parts[3].substring(5))));
        } catch (NumberFormatException notASeed) {
            return Optional.empty();
        }
    }
}
