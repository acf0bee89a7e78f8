package dev.gradsheet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;

/** The dense floor computes what the sheet computes: its loss bit for bit, its gradients, its SGD steps. */
class DenseFloorTest {

    @Test
    void theFloorComputesTheSheetsLossGradientsAndSteps() throws Exception {
        for (int n : new int[] {16, 64}) { // 64: the sheet runs its layers as loops
            Sheet sheet = SheetFile.parse(Generators.text(w -> Generators.mlp(n, 1, w)), "mlp.sheet").sheet();
            DenseFloor floor = DenseFloor.of(sheet, n);
            for (int step = 0; step < 3; step++) {
                assertEquals(Double.doubleToLongBits(sheet.value("L")), Double.doubleToLongBits(floor.loss()));
                for (int i = 0; i < n; i += 5) {
                    assertEquals(sheet.grad("x_" + i), floor.inputGradient(i), 0);
                    assertEquals(sheet.grad("w1_3_" + i), floor.weightGradient(1, 3, i), 0);
                    assertEquals(sheet.grad("w2_" + i + "_7"), floor.weightGradient(2, i, 7), 0);
                    assertEquals(sheet.grad("w3_0_" + i), floor.weightGradient(3, 0, i), 0);
                }
                sheet.sgdStep(0.01, 1);
                floor.step(0.01);
            }
        }
    }
}
