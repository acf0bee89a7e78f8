package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Generators;
import org.junit.jupiter.api.Test;

/**
 * The full passes walk ids directly when the topological order is 0, 1, 2, … ({@link Graph#identityOrder}),
 * with the same bits as walking the order array, and only then.
 */
class IdentityOrderTest {

    @Test
    void aFileInDependencyOrderWalksIdsWithTheSameBitsAsTheOrderArray() {
        String text = Generators.text(w -> Generators.mlp(16, 3, w));
        Sheet byId = Sheets.of(text);
        Sheet byOrder = Sheets.of(text);
        assertTrue(byId.graph.identityOrder);
        byOrder.graph.identityOrder = false; // the order array says the same: walk it instead
        for (Sheet s : new Sheet[] {byId, byOrder}) {
            s.setValue("x_0", 0.375);
            s.sgdStep(0.05, 2);
        }
        Graph a = byId.graph;
        Graph b = byOrder.graph;
        for (int i = 0; i < a.size; i++) {
            int id = i;
            assertEquals(Double.doubleToRawLongBits(b.value[id]), Double.doubleToRawLongBits(a.value[id]), () -> a.names.nameOf(id));
            assertEquals(Double.doubleToRawLongBits(b.grad[id]), Double.doubleToRawLongBits(a.grad[id]), () -> a.names.nameOf(id));
        }
        assertTrue(a.grad[a.names.idOf("w1_0_0")] != 0);
    }

    @Test
    void aDeletedCellOrAnArgumentDefinedLaterWalksTheOrderArray() {
        Sheet s = Sheets.of("spare = input(1)\n" + Sheets.WORKED); // L, the last cell, is the objective
        assertTrue(s.graph.identityOrder);
        s.delete("spare");
        assertFalse(s.graph.identityOrder); // a dead id is not in the order
        assertEquals(-12, s.grad("z"), 0);
        assertEquals(16, s.grad("x"), 0);
        s.undo();
        assertTrue(s.graph.identityOrder);

        Sheet later = Sheets.of("a = b * 2\nb = input(3)\nL = a + 1\n");
        assertFalse(later.graph.identityOrder); // b, defined after a, comes first
        assertEquals(7, later.value("L"), 0);
        assertEquals(2, later.grad("b"), 0);
    }
}
