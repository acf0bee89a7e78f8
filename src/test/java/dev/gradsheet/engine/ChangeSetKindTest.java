package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.ChangeSet.Kind;
import dev.gradsheet.engine.ChangeSet.Origin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Change sets say what they are (kind, origin) and who made them, not through flags or label text. */
class ChangeSetKindTest {
    @Test
    void eachEditSaysItsKindAndOrigin() {
        Sheet s = Sheets.of(Sheets.WORKED);
        List<ChangeSet> seen = new ArrayList<>();
        s.changes().subscribe(seen::add);
        s.setValue("z", -3);
        s.addCell("h", "f * 2");
        s.sgdStep(0.01, 1);
        s.undo();
        s.redo();
        assertEquals(List.of(Kind.VALUES, Kind.STRUCTURE, Kind.VALUES, Kind.VALUES, Kind.VALUES),
                seen.stream().map(ChangeSet::kind).toList());
        assertEquals(List.of(Origin.EDIT, Origin.EDIT, Origin.SGD_STEP, Origin.UNDO, Origin.REDO),
                seen.stream().map(ChangeSet::origin).toList());
        assertTrue(seen.get(0).contains("f") && seen.get(0).contains("z"));
        assertTrue(seen.get(1).structural() && seen.get(1).rereadAll());
        assertTrue(!seen.get(2).rereadAll() && seen.get(2).contains("z"));
        seen.forEach(c -> assertNull(c.source()));
    }

    @Test
    void trainingProgressIsAReloadOfNumbersNotAStructuralChange() {
        Sheet s = Sheets.of(Sheets.WORKED);
        List<ChangeSet> seen = new ArrayList<>();
        s.changes().subscribe(seen::add);
        TrainingSession t = s.startTraining(List.of("x", "y", "t"));
        t.step(0.01, new double[] {-12});
        EditLabel run = EditLabel.of(EditLabel.Kind.TRAIN_EPOCHS, 1, 1, 0.01);
        t.publish(EditLabel.progress(run, 1));
        t.finish(run);
        assertEquals(2, seen.size());
        for (ChangeSet c : seen) {
            assertEquals(Kind.RELOAD, c.kind());
            assertEquals(Origin.TRAINING, c.origin());
            assertTrue(c.rereadAll() && !c.structural());
            assertEquals(0, c.size());
        }
        assertEquals(-3.88, s.value("z"), 1e-12);
        s.undo();
        assertEquals(-4, s.value("z"), 0);
    }

    @Test
    void theSourceTellsOneTabsUndoFromAnothersHoweverCloseTogether() {
        Sheet s = Sheets.of(Sheets.WORKED);
        Object tabA = new Object();
        Object tabB = new Object();
        List<ChangeSet> seen = new ArrayList<>();
        s.changes().subscribe(seen::add);
        s.actingAs(tabA, () -> s.setValue("z", -3));
        s.actingAs(tabB, () -> s.setValue("x", 1));
        assertTrue(s.actingAs(tabA, s::undo));
        assertTrue(s.actingAs(tabB, s::undo));
        s.setValue("y", 2); // no token: a command, a background job
        assertEquals(5, seen.size());
        assertSame(tabA, seen.get(0).source());
        assertSame(tabB, seen.get(1).source());
        assertSame(tabA, seen.get(2).source());
        assertEquals(Origin.UNDO, seen.get(2).origin());
        assertEquals("undo set x = 1", seen.get(2).label().english()); // A undid B's edit: the history is shared
        assertSame(tabB, seen.get(3).source());
        assertNull(seen.get(4).source());
    }
}
