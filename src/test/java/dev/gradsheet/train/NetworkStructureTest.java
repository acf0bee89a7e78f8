package dev.gradsheet.train;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.NetworkStructure.Edge;
import dev.gradsheet.train.NetworkStructure.Neuron;
import dev.gradsheet.train.NetworkStructure.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The network view's layers and edges are found from the formulas, whatever the names. */
public class NetworkStructureTest {

    static Stream<Arguments> builderSheets() {
        return Stream.of(
                Arguments.of(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, Templates.Penalty.NONE),
                Arguments.of(2, List.of(8, 8), Activation.TANH, Templates.Loss.MSE, Templates.Penalty.NONE),
                Arguments.of(3, List.of(5, 2, 3), Activation.RELU, Templates.Loss.MSE, Templates.Penalty.L2),
                Arguments.of(1, List.of(1), Activation.TANH, Templates.Loss.CROSS_ENTROPY, Templates.Penalty.L1),
                Arguments.of(2, List.of(3), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY, Templates.Penalty.L2));
    }

    /**
     * The MLP builder's sheets, checked against the builder's own naming (x&lt;i&gt;, h&lt;layer&gt;_&lt;j&gt;, out,
     * w&lt;layer&gt;_&lt;to&gt;_&lt;from&gt;), which the structure does not read: a linear output (MSE) is a neuron too,
     * and the penalty's uses of the weights are not connections.
     */
    @ParameterizedTest
    @MethodSource("builderSheets")
    void theBuildersNetworksAreFoundWithEveryEdge(int inputs, List<Integer> hidden, Activation activation,
                                                  Templates.Loss loss, Templates.Penalty penalty) throws Exception {
        Sheet sheet = sheet(Templates.mlp(inputs, hidden, activation, loss, false, 3, penalty, 0.01));
        NetworkStructure net = NetworkStructure.of(sheet);
        assertThat(net.refusal()).isEmpty();
        List<List<String>> expected = new ArrayList<>();
        List<String> column = new ArrayList<>();
        for (int i = 1; i <= inputs; i++) {
            column.add("x" + i);
        }
        expected.add(column);
        for (int l = 1; l <= hidden.size(); l++) {
            column = new ArrayList<>();
            for (int j = 1; j <= hidden.get(l - 1); j++) {
                column.add("h" + l + "_" + j);
            }
            expected.add(column);
        }
        expected.add(List.of("out"));
        assertThat(names(net)).isEqualTo(expected);
        int count = 0;
        for (int l = 1; l < expected.size(); l++) {
            count += expected.get(l).size() * expected.get(l - 1).size();
        }
        assertThat(net.edges()).hasSize(count);
        for (Edge e : net.edges()) {
            String[] parts = e.weight().substring(1).split("_"); // w<layer>_<to>_<from>
            int layer = Integer.parseInt(parts[0]);
            assertThat(e.to().layer()).as(e.weight()).isEqualTo(layer);
            assertThat(e.from().layer()).as(e.weight()).isEqualTo(layer - 1);
            assertThat(e.to().cell()).as(e.weight()).isEqualTo(expected.get(layer).get(Integer.parseInt(parts[1]) - 1));
            assertThat(e.from().cell()).as(e.weight()).isEqualTo(expected.get(layer - 1).get(Integer.parseInt(parts[2]) - 1));
            assertThat(e.value()).isEqualTo(sheet.value(e.weight()));
            assertThat(e.grad()).isEqualTo(sheet.grad(e.weight()));
        }
        for (Neuron n : net.neurons()) {
            assertThat(n.row()).isEqualTo(expected.get(n.layer()).indexOf(n.cell()));
            assertThat(n.value()).isEqualTo(sheet.value(n.cell()));
        }
    }

    /** The same 2-3-1 network written by hand: other names, sums in any order, sum(…), chains, a copy, a constant. */
    @Test
    void aHandWrittenNetworkWithOtherNamesAndCompoundFormulas() throws Exception {
        Sheet sheet = sheet(HAND_WRITTEN_2_3_1);
        NetworkStructure net = NetworkStructure.of(sheet);
        assertThat(net.refusal()).isEmpty();
        assertThat(names(net)).containsExactly(List.of("a", "b"), List.of("g", "k", "m"), List.of("o"));
        assertThat(net.inputs()).containsExactly("a", "b");
        assertThat(edges(net)).containsExactlyInAnyOrder(
                "p:a>g", "q:b>g", "r:b>k", "s:a>k", "t:a>m", "u:b>m", "v1:g>o", "v2:k>o", "v3:m>o");
        assertThat(net.edges()).extracting(Edge::value).contains(0.5, -0.25);
    }

    public static final String HAND_WRITTEN_2_3_1 = """
            a = input(0.5)
            b = input(-1)
            p = weight(0.5)
            q = weight(-0.25)
            c = weight(0.1)
            g = tanh(p * a + q * b + c)
            r = weight(0.3)
            s = weight(-0.7)
            k = sigmoid(sum(b * r, 1, s * a))
            t = weight(0.2)
            u = weight(0.9)
            bb = b
            part = t * a
            whole = part + bb * u
            m = relu(whole + c2)
            c2 = weight(0)
            v1 = weight(1.5)
            v2 = weight(-1.1)
            v3 = weight(0.4)
            d = weight(0)
            o = sigmoid(v3 * m + (v1 * g + v2 * k) + d)
            target = input(1)
            E = bce(o, target)
            """;

    @Test
    void aLinearOutputWrittenByHandIsTheLastNeuron() throws Exception {
        NetworkStructure net = NetworkStructure.of(sheet("""
                x = input(1)
                w = weight(2)
                h = leaky_relu(w * x)
                v = weight(-1)
                z = v * h
                y = input(0)
                L = (z - y) * (z - y)
                """));
        assertThat(net.refusal()).isEmpty();
        assertThat(names(net)).containsExactly(List.of("x"), List.of("h"), List.of("z"));
        assertThat(edges(net)).containsExactly("w:x>h", "v:h>z");
    }

    @Test
    void theTemplatesSingleNeuronsAreNetworksOfOneNeuron() throws Exception {
        NetworkStructure sigmoid = NetworkStructure.of(sheet(Templates.sigmoidNeuron(Templates.Loss.MSE, 1, 2, 0)));
        assertThat(names(sigmoid)).containsExactly(List.of("x1", "x2"), List.of("p"));
        assertThat(edges(sigmoid)).containsExactly("w1:x1>p", "w2:x2>p");
        NetworkStructure step = NetworkStructure.of(sheet(Templates.stepNeuron())); // theta is not an input of the network
        assertThat(names(step)).containsExactly(List.of("x1", "x2"), List.of("out"));
    }

    /** Every bundled example but the worked one is a small network, read from its formulas. */
    @Test
    void theBundledExamplesAreNetworksOfTheirOwnNames() throws Exception {
        NetworkStructure twoLayer = NetworkStructure.of(sheet(Examples.byId("two-layer").text()));
        assertThat(names(twoLayer)).containsExactly(List.of("x1", "x2"), List.of("h1", "h2"), List.of("y"));
        assertThat(edges(twoLayer)).containsExactly("w11:x1>h1", "w12:x2>h1", "w21:x1>h2", "w22:x2>h2", "v1:h1>y", "v2:h2>y");
        assertThat(names(NetworkStructure.of(sheet(Examples.byId("cs231n-neuron").text()))))
                .containsExactly(List.of("x0", "x1"), List.of("f"));
        assertThat(names(NetworkStructure.of(sheet(Examples.byId("sigmoid-bce").text()))))
                .containsExactly(List.of("x"), List.of("p"));
        assertThat(names(NetworkStructure.of(sheet(Examples.byId("saturation").text()))))
                .containsExactly(List.of("x"), List.of("p"));
    }

    /**
     * Item 9's worked example, f = (x + y)·z: z multiplies q = x + y, which is neither an input nor a
     * neuron, so there is no network; drawing x and y as two edges of z would show one weight as two.
     */
    @Test
    void theWorkedExampleIsNoNetworkAndSaysWhy() throws Exception {
        NetworkStructure net = NetworkStructure.of(sheet(Examples.WORKED.text()));
        assertThat(net.refusal()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.WEIGHT_ON_NON_NEURON);
            assertThat(r.arguments()).containsExactly("z", "q");
        });
        assertThat(net.layers()).isEmpty();
        assertThat(net.edges()).isEmpty();
        assertThat(NetworkStructure.of(sheet("x = input(1)\ny = sigmoid(x)\n")).refusal().orElseThrow().reason())
                .isEqualTo(Reason.NO_NEURONS);
    }

    @Test
    void aWeightSharedByTwoConnectionsOrTwoBiasesIsRefused() throws Exception {
        assertRefused("""
                a = input(0)
                b = input(0)
                w = weight(1)
                h1 = tanh(w * a)
                h2 = tanh(w * b)
                """, Reason.SHARED_WEIGHT, "w", "h1", "h2");
        assertRefused("""
                a = input(0)
                w1 = weight(1)
                w2 = weight(1)
                c = weight(0)
                h1 = tanh(w1 * a + c)
                h2 = tanh(w2 * a + c)
                """, Reason.SHARED_WEIGHT, "c", "h1", "h2");
        // a partial sum taken by two neurons puts its weight in both
        assertRefused("""
                a = input(0)
                w = weight(1)
                c1 = weight(0)
                c2 = weight(0)
                s = w * a
                h1 = tanh(s + c1)
                h2 = tanh(s + c2)
                """, Reason.SHARED_WEIGHT, "w", "h1", "h2");
    }

    @Test
    void irregularGraphsAreRefusedWithTheCellsConcerned() throws Exception {
        assertRefused("""
                a = input(0)
                b = input(0)
                w = weight(1)
                h = tanh(w * a + b)
                """, Reason.IRREGULAR_TERM, "h", "b");
        // an activation taking a neuron in without a weight would be a hidden layer: not drawn without it
        assertRefused("""
                a = input(0)
                w = weight(1)
                c = weight(0)
                s = w * a
                h = tanh(s - c)
                """, Reason.IRREGULAR_TERM, "h", "h.1");
        assertRefused("""
                a = input(0)
                w = weight(1)
                h = tanh(w * a)
                g = relu(h)
                """, Reason.IRREGULAR_TERM, "g", "h");
        assertRefused("""
                a = input(0)
                w = weight(1)
                u = weight(1)
                v = weight(1)
                h = tanh(w * a)
                o = sigmoid(v * h + u * a)
                """, Reason.SKIPS_LAYER, "u", "a", "o", "0", "2");
        assertRefused("""
                a = input(0)
                w1 = weight(1)
                w2 = weight(1)
                h = tanh(w1 * a + w2 * a)
                """, Reason.TWO_EDGES, "a", "h", "w1", "w2");
        // a product inside a loss, not a neuron's sum: the picture would drop it
        assertRefused("""
                a = input(0)
                w = weight(1)
                y = input(0)
                L = mse(w * a, y)
                """, Reason.STRAY_EDGE, "w", "a");
        // a sum subtracting its bias is not a sum of + and sum(…): the weighted part would be a stray edge
        assertRefused("""
                a = input(0)
                w = weight(1)
                c = weight(1)
                h = tanh(w * a - c)
                """, Reason.STRAY_EDGE, "w", "a");
    }

    private static void assertRefused(String text, Reason reason, String... arguments) throws Exception {
        NetworkStructure net = NetworkStructure.of(sheet(text));
        assertThat(net.refusal()).as(text).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.arguments()).containsExactly(arguments);
        });
        assertThat(net.neurons()).isEmpty();
        assertThat(net.edges()).isEmpty();
    }

    static Sheet sheet(String text) throws Exception {
        return SheetFile.parse(text, "net.sheet").sheet();
    }

    private static List<List<String>> names(NetworkStructure net) {
        return net.layers().stream().map(l -> l.stream().map(Neuron::cell).toList()).toList();
    }

    private static List<String> edges(NetworkStructure net) {
        return net.edges().stream().map(e -> e.weight() + ":" + e.from().cell() + ">" + e.to().cell()).toList();
    }
}
