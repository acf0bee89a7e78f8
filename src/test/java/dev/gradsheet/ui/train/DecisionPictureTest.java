package dev.gradsheet.ui.train;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.DecisionMap;
import dev.gradsheet.train.NetworkStructureTest;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sheets get a decision picture, and over which cells (any layered sheet, whatever its names). */
class DecisionPictureTest extends TrainKaribuTestBase {
    private static final DataTable AB = new DataTable(List.of("a", "b", "target"),
            new double[][] {{0, 0, 0}, {1, 1, 1}, {-1, 2, 0}});

    @Test
    void aHandWrittenNetworkIsDrawnOverItsOwnTwoInputsAndItsOutputNeuron() throws Exception {
        Sheet sheet = SheetFile.parse(NetworkStructureTest.HAND_WRITTEN_2_3_1, "net.sheet").sheet();

        assertThat(DecisionPicture.axes(sheet)).isEqualTo(new DecisionPicture.Axes("a", "b", "o"));
        assertThat(DecisionPicture.why(sheet, AB)).isNull();
        // the picture's corner is the network's output there: o computed with a, b at the corner
        DecisionMap map = DecisionMap.compute(sheet, "a", "b", "o", AB, 4);
        assertThat(map.xName()).isEqualTo("a");
        assertThat(map.yName()).isEqualTo("b");
    }

    @Test
    void theTemplatesNamesStillWin() throws Exception {
        Sheet sheet = SheetFile.parse("""
                x1 = input(0)
                x2 = input(0)
                w1 = weight(1)
                w2 = weight(1)
                out = sigmoid(w1 * x1 + w2 * x2)
                """, "t.sheet").sheet();
        assertThat(DecisionPicture.axes(sheet)).isEqualTo(new DecisionPicture.Axes("x1", "x2", "out"));
    }

    @Test
    void dataWithoutTheInputsColumnsOrASheetWithoutANetworkGetsTheReason() throws Exception {
        Sheet net = SheetFile.parse(NetworkStructureTest.HAND_WRITTEN_2_3_1, "net.sheet").sheet();
        DataTable other = new DataTable(List.of("x1", "x2"), new double[][] {{0, 0}});
        assertThat(Heatmap.words(DecisionPicture.why(net, other))).contains("two inputs");

        Sheet worked = SheetFile.parse("""
                x = input(-2)
                y = input(5)
                z = weight(-4)
                f = (x + y) * z
                """, "w.sheet").sheet();
        assertThat(DecisionPicture.axes(worked)).isNull();
        assertThat(Heatmap.words(DecisionPicture.why(worked, AB))).contains("two inputs");
    }
}
