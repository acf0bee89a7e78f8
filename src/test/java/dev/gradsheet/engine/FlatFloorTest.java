package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradsheet.sheet.Generators;
import org.junit.jupiter.api.Test;

/** The benchmark floor computes what the engine computes, so comparing their speed is fair. */
class FlatFloorTest {
    @Test
    void floorAgreesWithTheEngineOnAnMlp() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.mlp(8, 3, w)));
        FlatFloor floor = FlatFloor.of(s);
        assertEquals(s.objectiveValue(), floor.forwardBackward(), 0);
        assertEquals(s.objectiveValue(), EngineProbe.fullPass(s), 0);
    }

    @Test
    void undoKeepsWithinItsMemoryBudgetOnBigSheets() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.mlp(64, 3, w)));
        for (int i = 0; i < 600; i++) {
            s.sgdStep(0.001, 1);
        }
        // 8.2k weights: each step keeps ~165 kB, so the 64 MB budget holds ~400 of the 500-step limit
        int depth = EngineProbe.undoDepth(s);
        assertEquals(true, depth > 300 && depth < 500, "depth " + depth);
    }
}
