package dev.gradsheet.ui;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Templates;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph picture's layered layout and the selected cell's paths to the objective. */
class GraphLayersTest {
    private static Sheet mlp(List<Integer> hidden) throws Exception {
        String text = Templates.mlp(2, hidden, Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, false, 1);
        return SheetFile.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "mlp.sheet").sheet();
    }

    private static Map<String, GraphLayers.Place> places(GraphModel.Picture p) {
        return p.places().stream().collect(Collectors.toMap(GraphLayers.Place::id, Function.identity()));
    }

    @Test
    void anMlpsLayersAreColumnsLeftToRight() throws Exception {
        GraphModel.Picture p = new GraphModel(mlp(List.of(8, 8))).picture(null, true, false);
        Map<String, GraphLayers.Place> at = places(p);
        // weights hidden: 2 inputs, 8 + 8 neurons, out, y, L
        assertThat(p.nodes()).hasSize(21);
        assertThat(p.neighbourhood()).isFalse();
        int inputs = at.get("x1").layer();
        int first = at.get("h1_1").layer();
        int second = at.get("h2_1").layer();
        assertThat(at.get("x2").layer()).isEqualTo(inputs);
        for (int j = 1; j <= 8; j++) {
            assertThat(at.get("h1_" + j).layer()).as("h1_" + j).isEqualTo(first);
            assertThat(at.get("h2_" + j).layer()).as("h2_" + j).isEqualTo(second);
        }
        assertThat(inputs).isLessThan(first);
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(at.get("out").layer());
        assertThat(at.get("out").layer()).isLessThan(at.get("L").layer());
        // rows within a column are distinct
        assertThat(p.places().stream().filter(q -> q.layer() == first).map(GraphLayers.Place::row).distinct())
                .hasSize(8);
    }

    @Test
    void weightsShownSitInTheColumnBeforeTheirNeuron() throws Exception {
        GraphModel.Picture p = new GraphModel(mlp(List.of(4))).picture(null, true, true);
        Map<String, GraphLayers.Place> at = places(p);
        int neurons = at.get("h1_1").layer();
        assertThat(at.get("w1_1_1").layer()).isEqualTo(neurons - 1);
        assertThat(at.get("b1_4").layer()).isEqualTo(neurons - 1);
        assertThat(at.get("x1").layer()).isLessThan(neurons - 1); // data and parameters do not share a column
        assertThat(at.get("w2_1_1").layer()).isEqualTo(at.get("out").layer() - 1);
        // each neuron's weights are grouped together (barycentre order): w1_1_* above w1_4_*
        assertThat(at.get("w1_1_2").row()).isLessThan(at.get("w1_4_1").row());
    }

    /**
     * With weights hidden, w is drawn as part of a, its first user, so w's use by c becomes an edge
     * a → c against the order the engine computes in (c, h, a): the columns follow the engine's order,
     * so that edge is not mistaken for a dependency (it closes a loop a → c → h → a in the picture).
     */
    @Test
    void columnsFollowTheEnginesOrderWhenAHiddenWeightPointsBack() throws Exception {
        Sheet sheet = SheetFile.parse("w = weight(0.5)\nx = input(1)\na = w * h\nc = w * x\nh = tanh(c)\nL = a + c\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "shared.sheet").sheet();
        assertThat(sheet.evaluationOrder()).containsSubsequence("c", "h", "a", "L");
        GraphModel.Picture p = new GraphModel(sheet).picture(null, true, false);
        assertThat(p.edges()).contains(new GraphModel.Edge("a", "c"));
        Map<String, GraphLayers.Place> at = places(p);
        assertThat(at.get("x").layer()).isLessThan(at.get("c").layer());
        assertThat(at.get("c").layer()).isLessThan(at.get("h").layer());
        assertThat(at.get("h").layer()).isLessThan(at.get("a").layer());
        assertThat(at.get("a").layer()).isLessThan(at.get("L").layer());
    }

    @Test
    void theSelectedCellsPathsToTheObjectiveAreMarked() throws Exception {
        Sheet sheet = SheetFile.parse("x = input(-2)\ny = input(5)\nz = weight(-4)\nf = (x + y) * z\nt = input(-10)\nL = mse(f, t)\nu = x * 2\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "w.sheet").sheet();
        sheet.setObjective("L");
        GraphModel model = new GraphModel(sheet);
        GraphModel.Picture p = model.picture("x", true, true);
        assertThat(p.path()).containsExactlyInAnyOrder("x", "f", "L"); // f's step f.1 is drawn as f
        assertThat(p.select("z").path()).containsExactlyInAnyOrder("z", "f", "L");
        assertThat(p.select("u").path()).isEmpty(); // L does not depend on u
        GraphModel.Picture steps = model.picture("x", false, true);
        assertThat(steps.path()).containsExactlyInAnyOrder("x", "f.1", "f", "L");
        assertThat(steps.path()).doesNotContain("y", "z", "t");
    }
}
