package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The name table answers like a map of names to ids through growth, trimming, renames and removals
 * (its slots keep each name's hash beside its id; removal shifts entries back), by name and by span.
 */
class NameTableTest {
    @Test
    void agreesWithAMapThroughPutsRenamesAndRemovals() {
        NameTable table = new NameTable();
        Map<String, Integer> byName = new HashMap<>();
        Map<Integer, String> byId = new HashMap<>();
        Random random = new Random(5);
        for (int step = 0; step < 200_000; step++) {
            int id = random.nextInt(20_000);
            String name = "n" + random.nextInt(40_000) + (random.nextBoolean() ? "_x" : "");
            int action = random.nextInt(10);
            if (action < 6 && !byName.containsKey(name)) { // name (or rename) id
                String old = byId.remove(id);
                if (old != null) {
                    byName.remove(old);
                }
                table.put(id, name);
                byName.put(name, id);
                byId.put(id, name);
            } else if (action < 8) {
                String old = byId.remove(id);
                if (old != null) {
                    byName.remove(old);
                }
                table.remove(id);
            }
            if (step % 50_000 == 25_000) {
                table.trimToSize(20_000); // a loaded table packs its slots tighter; puts grow it again
            }
            if (step % 1000 == 0 || step % 50_000 == 25_000) {
                assertEquals(byName.size(), table.count());
                for (Map.Entry<String, Integer> e : byName.entrySet()) {
                    assertEquals(e.getValue(), table.idOf(e.getKey()), e.getKey());
                    String padded = "(" + e.getKey() + ")";
                    assertEquals(e.getValue(), table.idOf(padded, 1, padded.length() - 1), e.getKey());
                    assertEquals(e.getKey(), table.nameOf(e.getValue()));
                }
            }
        }
        for (int id = 0; id < 20_000; id++) {
            if (!byId.containsKey(id)) {
                assertNull(table.nameOf(id));
            }
        }
        assertEquals(-1, table.idOf("missing"));
        assertEquals(-1, table.idOf("xmissingx", 1, 8));
    }
}
