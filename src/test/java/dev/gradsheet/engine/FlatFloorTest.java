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
        Sheet s = Sheets.of(Generators.text(w -> Generators.mlp(100, 3, w)));
        for (int i = 0; i < 400; i++) {
            s.sgdStep(0.0001, 1);
        }
        // 20,100 weights: each step keeps their values before it (~241 kB), so the 64 MB budget holds
        // ~278 steps of the 500-edit limit
        int depth = EngineProbe.undoDepth(s);
        assertEquals(true, depth > 250 && depth < 300, "depth " + depth);
        // and undoing the latest step still restores exactly, redo exactly again
        double after = s.objectiveValue();
        s.undo();
        s.redo();
        assertEquals(after, s.objectiveValue(), 0);
    }
}
