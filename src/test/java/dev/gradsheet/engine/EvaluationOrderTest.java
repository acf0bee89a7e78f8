package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.RandomSheets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Sheet#evaluationOrder()} is the order the engine's forward pass really computes cells in,
 * also on sheets whose cells were created out of dependency order and then re-wired by edits.
 */
class EvaluationOrderTest {
    /** A NaN whose payload no operation makes from finite numbers: every formula cell changes away from it. */
    private static final double UNCOMPUTED = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);

    @Test
    void theWorkedExampleIsComputedInFileOrder() {
        Sheet s = Sheets.of(Sheets.WORKED);
        assertEquals(List.of("x", "y", "z", "q", "f", "t", "L"), s.evaluationOrder());
        assertEquals(3, s.evaluationPosition("q"));
        assertEquals(-1, s.evaluationPosition("nobody"));
    }

    @Test
    void aCellDefinedAfterItsUserComesBeforeIt() {
        Sheet s = Sheets.of("a = b * 2\nb = input(3)\nL = a + 1\n"); // a.1 and L.1 are the constants
        assertEquals(List.of("b", "a.1", "a", "L.1", "L"), s.evaluationOrder());
        assertEquals(List.of("a", "L"), computedOrder(s));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theOrderIsTheOneTheForwardPassComputesIn(long seed) {
        Sheet s = RandomSheets.outOfOrder(seed);
        List<String> order = s.evaluationOrder();
        assertEquals(s.size(), order.size());
        assertArgumentsComeFirst(s, order);
        for (int k = 0; k < order.size(); k++) {
            assertEquals(k, s.evaluationPosition(order.get(k)), order.get(k));
        }
        List<String> formulaCells = new ArrayList<>();
        for (String name : order) {
            if (s.graph.argCount[s.graph.names.idOf(name)] > 0) {
                formulaCells.add(name);
            }
        }
        assertEquals(formulaCells, computedOrder(s));
    }

    @Test
    void randomlyEditedSheetsAreNotComputedInTheOrderTheyAreListedIn() {
        // Otherwise the test above would say nothing a sheet written in dependency order does not.
        Sheet s = RandomSheets.outOfOrder(1);
        List<String> listed = s.cells().stream().map(Cell::name).toList();
        assertNotEquals(listed, s.evaluationOrder());
    }

    /** The formula cells in the order a full forward pass recomputes them. */
    private static List<String> computedOrder(Sheet s) {
        Graph g = s.graph;
        for (int id = 0; id < g.size; id++) {
            if (g.isLive(id) && g.argCount[id] > 0) {
                g.value[id] = UNCOMPUTED;
            }
        }
        g.changedValues.clear();
        g.trackChanges = true;
        g.forwardAll(); // every formula cell changes, and is recorded as it is computed
        g.trackChanges = false;
        List<String> out = new ArrayList<>();
        g.changedValues.forEach(id -> out.add(g.names.nameOf(id)));
        return out;
    }

    private static void assertArgumentsComeFirst(Sheet s, List<String> order) {
        Map<String, Integer> at = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            at.put(order.get(k), k);
        }
        s.arguments().forEach((cell, args) -> {
            for (String a : args) {
                assertTrue(at.get(a) < at.get(cell), a + " is computed after its user " + cell);
            }
        });
    }
}
