package dev.gradsheet.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A template's description is typed: the comment each template writes (what the command line's
 * {@code new} prints) is its {@link TemplateDescription}'s English, and a saved sheet's description is
 * known again as that template's — only when it is exactly what the template wrote.
 */
class TemplateDescriptionTest {
    private static String description(String sheetText) throws Exception {
        return SheetFile.parse(sheetText, "template.sheet").description();
    }

    @Test
    void eachTemplateWritesItsDescriptionAndASavedSheetIsKnownAgainByIt() throws Exception {
        String mlp = description(Templates.mlp(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, true, 1));
        assertThat(mlp).isEqualTo("MLP 2-4-1, sigmoid, cross-entropy, seed 1");
        assertThat(TemplateDescription.of(mlp)).contains(new TemplateDescription(
                TemplateDescription.Kind.MLP_CROSS_ENTROPY, "2-4-1", "sigmoid", 1));

        String deep = description(Templates.mlp(3, List.of(8, 4), Activation.TANH, Templates.Loss.MSE, false, 42,
                Templates.Penalty.L2, 0.01));
        assertThat(deep).isEqualTo("MLP 3-8-4-1, tanh, mse, seed 42");
        assertThat(TemplateDescription.of(deep)).contains(new TemplateDescription(
                TemplateDescription.Kind.MLP_MSE, "3-8-4-1", "tanh", 42));

        String sigmoid = description(Templates.sigmoidNeuron(Templates.Loss.MSE, 0.5, -0.5, 0));
        assertThat(sigmoid).isEqualTo("A sigmoid neuron with squared error loss.");
        assertThat(TemplateDescription.of(sigmoid).orElseThrow().kind()).isEqualTo(TemplateDescription.Kind.SIGMOID_NEURON_MSE);
        assertThat(TemplateDescription.of(description(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0, 0, 0)))
                .orElseThrow().kind()).isEqualTo(TemplateDescription.Kind.SIGMOID_NEURON_CROSS_ENTROPY);

        String step = description(Templates.stepNeuron());
        assertThat(step).startsWith("The lesson's threshold neuron (item 2)").contains("\nWith both weights 1");
        assertThat(TemplateDescription.of(step).orElseThrow().kind()).isEqualTo(TemplateDescription.Kind.STEP_NEURON);
    }

    @Test
    void anAuthorsOwnDescriptionIsNeverTakenForATemplates() {
        assertThat(TemplateDescription.of(null)).isEmpty();
        assertThat(TemplateDescription.of("MLP 2-4-1, sigmoid, cross-entropy, seed 1 (my own)")).isEmpty();
        assertThat(TemplateDescription.of("MLP 2-4-1, softmax, cross-entropy, seed 1")).isEmpty();
        assertThat(TemplateDescription.of("MLP 2-4-1, sigmoid, hinge, seed 1")).isEmpty();
        assertThat(TemplateDescription.of("MLP 2-4-1, sigmoid, mse, seed one")).isEmpty();
        assertThat(TemplateDescription.of("MLP 2-x-1, sigmoid, mse, seed 1")).isEmpty();
        assertThat(TemplateDescription.of("MLP 2-4-1, sigmoid, mse, seed 01")).isEmpty(); // not as written
        assertThat(TemplateDescription.of("A sigmoid neuron with squared error loss")).isEmpty();
    }
}
