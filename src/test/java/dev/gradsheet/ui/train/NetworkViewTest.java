package dev.gradsheet.ui.train;

import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.ui.CellGrid;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The network view of any layered sheet, found from its formulas rather than its names. */
class NetworkViewTest extends TrainKaribuTestBase {

    /** The hand-written 2-3-1 network of {@code NetworkStructureTest}: inputs a, b; hidden g, k, m; output o. */
    static final String HAND_WRITTEN = dev.gradsheet.train.NetworkStructureTest.HAND_WRITTEN_2_3_1;

    @Test
    void aHandWrittenDifferentlyNamedNetworkIsDrawnAndClicksSelectCells() throws Exception {
        TrainingPanel panel = open(HAND_WRITTEN);
        DataTable data = new DataTable(List.of("a", "b", "target"),
                new double[][] {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}});
        assertThat(panel.data.use(data, "four points")).isTrue();
        roundtrip();
        Sheet sheet = panel.shared().sheet();
        NetworkView network = panel.network();
        assertThat(network.message()).isEmpty();
        assertThat(network.neurons().stream().filter(n -> n.layer() == 0).map(NetworkView.Neuron::cell))
                .containsExactly("a", "b");
        assertThat(network.neurons().stream().filter(n -> n.layer() == 1).map(NetworkView.Neuron::cell))
                .containsExactly("g", "k", "m");
        assertThat(network.neurons().stream().filter(n -> n.layer() == 2).map(NetworkView.Neuron::cell))
                .containsExactly("o");
        assertThat(network.edges()).extracting(e -> e.weight() + ":" + e.from().cell() + ">" + e.to().cell())
                .containsExactlyInAnyOrder("p:a>g", "q:b>g", "r:b>k", "s:a>k", "t:a>m", "u:b>m", "v1:g>o", "v2:k>o", "v3:m>o");
        String svg = network.getElement().getProperty("innerHTML");
        for (String cell : List.of("a", "b", "g", "k", "m", "o", "p", "q", "r", "s", "t", "u", "v1", "v2", "v3")) {
            assertThat(svg).contains("data-cell='" + cell + "'");
        }
        assertThat(svg).doesNotContain("data-cell='c'").doesNotContain("data-cell='target'"); // a bias, the target
        // v2 = -1.1 is drawn blue, v1 = 1.5 orange; the tooltip gives value and gradient
        assertThat(svg).containsPattern("data-cell='v2'[^>]*stroke='#0877bd'")
                .containsPattern("data-cell='v1'[^>]*stroke='#f59322'")
                .contains("<title>v2 = -1.1 (gradient " + dev.gradsheet.ui.common.Format.readable(sheet.grad("v2")) + ")</title>");
        // every neuron's own picture, over the plane of this network's two inputs (not x1, x2)
        assertThat(svg.split("data:image/png;base64,", -1)).hasSize(1 + 2 * 6);
        assertThat(svg).contains(">a →, b ↑<").contains("aria-label='The network: 2-3-1 neurons by layer, 9 connections'");

        // a click in the browser arrives as a DOM click whose target carries data-cell
        CellGrid grid = _get(CellGrid.class);
        click(network, "k");
        assertThat(grid.selectedName()).isEqualTo("k");
        click(network, "v2");
        assertThat(grid.selectedName()).isEqualTo("v2");
        click(network, ""); // the background: nothing changes
        assertThat(grid.selectedName()).isEqualTo("v2");
    }

    /** What the browser sends for a click on the element with {@code data-cell='cell'}. */
    static void click(NetworkView network, String cell) {
        elemental.json.JsonObject data = elemental.json.Json.createObject();
        data.put("event.target.dataset.cell", cell);
        com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent(network, "click", data);
        roundtrip();
    }

    @Test
    void aSheetThatIsNotLayeredGetsTheReasonInEnglishOrKorean() throws Exception {
        TrainingPanel panel = open("""
                a = input(0)
                b = input(0)
                w = weight(1)
                h1 = tanh(w * a)
                h2 = tanh(w * b)
                """);
        NetworkView network = panel.network();
        assertThat(network.neurons()).isEmpty();
        assertThat(network.edges()).isEmpty();
        assertThat(network.message())
                .isEqualTo("Not drawn as a network: the weight w is used twice, in h1 and in h2, and a shared weight is not one line.");
        assertThat(network.getElement().getProperty("innerHTML")).startsWith("<p").doesNotContain("<svg");

        UI.getCurrent().setLocale(Locale.KOREAN);
        network.show(NetworkPicture.of(panel.shared().sheet(), null));
        assertThat(network.message())
                .isEqualTo("신경망으로 그리지 않습니다. 가중치 w이(가) h1과(와) h2 두 곳에서 쓰이는데, 공유된 가중치는 선 하나로 그릴 수 없습니다.");
    }

    @Test
    void theWorkedExampleSaysWhyItIsNoNetwork() throws Exception {
        TrainingPanel panel = open(dev.gradsheet.sheet.Examples.WORKED.text());
        assertThat(panel.network().message()).isEqualTo("No network to draw: the weight z multiplies q, which is neither an"
                + " input nor a neuron (an activation of a weighted sum). The network view draws layered sheets such as the"
                + " MLP from Templates….");
    }

    @Test
    void aLayerTooTallToDrawIsSaidNotOverdrawn() throws Exception {
        TrainingPanel panel = open(dev.gradsheet.train.Templates.mlp(2, List.of(20), dev.gradsheet.engine.Activation.TANH,
                dev.gradsheet.train.Templates.Loss.CROSS_ENTROPY, false, 1));
        assertThat(panel.network().message())
                .isEqualTo("The network view draws up to 16 neurons in a layer; this network has a layer of 20.");
        assertThat(panel.network().neurons()).isEmpty();
        // ten columns (8 hidden layers) would leave edges too short to read
        NetworkView network = panel.network();
        network.show(NetworkPicture.of(dev.gradsheet.sheet.SheetFile.parse(dev.gradsheet.train.Templates.mlp(2, List.of(2, 2, 2, 2, 2, 2, 2, 2),
                dev.gradsheet.engine.Activation.TANH, dev.gradsheet.train.Templates.Loss.MSE, false, 1), "deep.sheet").sheet(), null));
        assertThat(network.message()).isEqualTo("The network view draws up to 8 layers; this network has 10.");
        // a sheet beyond 5,000 cells is not read on every redraw
        StringBuilder chain = new StringBuilder("c0 = input(1)\n");
        for (int i = 1; i <= 5_000; i++) {
            chain.append('c').append(i).append(" = c").append(i - 1).append(" + c0\n");
        }
        Sheet big = dev.gradsheet.sheet.SheetFile.parse(chain.toString(), "big.sheet").sheet();
        network.show(NetworkPicture.of(big, null));
        assertThat(network.message()).isEqualTo("The network view reads sheets of up to 5,000 cells; this one has 5,001.");
    }
}
