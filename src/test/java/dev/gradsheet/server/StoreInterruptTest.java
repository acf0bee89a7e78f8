package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting the threads that save (an RxJava subscription disposed mid-query, a pool shutting
 * down) loses nothing and never closes the database: every save that returned is in it, and it
 * keeps answering. Embedded H2 closed its file at such an interrupt before storage had threads of
 * its own.
 */
class StoreInterruptTest {
    @TempDir
    Path dir;

    @Test
    void interruptedSavesOnTheEmbeddedDatabaseLoseNothing() throws Exception {
        SheetStore store = SheetStore.embedded(dir, HistoryPolicy.DEFAULT);
        saveWhileInterrupted(store);
    }

    @Test
    void interruptedSavesOnPostgresLoseNothing() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("the interrupt test on PostgreSQL");
             HikariDataSource pool = postgres.migratedPool()) {
            saveWhileInterrupted(new SheetStore(pool, HistoryPolicy.DEFAULT));
        }
    }

    private static void saveWhileInterrupted(SheetStore store) throws Exception {
        Map<String, Long> returned = new ConcurrentHashMap<>();
        String text = "x = input(1)\n# " + "padding ".repeat(2000) + "\n";
        List<Thread> savers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread saver = new Thread(() -> {
                for (int i = 0; i < 40; i++) {
                    String id = SheetStore.newId();
                    long revision = store.save(id, text.replace("input(1)", "input(" + i + ")"));
                    returned.put(id, revision);
                    store.revisions(id); // a read as the History tab does
                }
            });
            savers.add(saver);
            saver.start();
        }
        int interrupts = 0;
        while (savers.stream().anyMatch(Thread::isAlive)) {
            for (Thread saver : savers) {
                saver.interrupt();
                interrupts++;
            }
            Thread.sleep(1);
        }
        for (Thread saver : savers) {
            saver.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(interrupts).isGreaterThan(10);
        assertThat(returned).hasSize(120);
        for (Map.Entry<String, Long> saved : returned.entrySet()) {
            assertThat(store.revision(saved.getKey())).isEqualTo(saved.getValue());
        }
        String id = SheetStore.newId();
        assertThat(store.save(id, "y = input(2)\n")).isEqualTo(1); // still answering
        assertThat(store.text(id)).contains("y = input(2)\n");
    }
}
