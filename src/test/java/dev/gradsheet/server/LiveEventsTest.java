package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Live events reach every server of a cluster: on PostgreSQL, a topic published on one server is heard
 * once on each, its own included (directly, not twice through NOTIFY); a malformed topic is refused.
 */
class LiveEventsTest {
    @Test
    void aTopicPublishedOnOneServerIsHeardOnceOnEach() throws Exception {
        try (TestPostgres pg = TestPostgres.require("live events across servers");
             HikariDataSource ds = pg.migratedPool()) {
            LiveEvents a = new LiveEvents(new SheetStore(ds, HistoryPolicy.DEFAULT));
            LiveEvents b = new LiveEvents(new SheetStore(ds, HistoryPolicy.DEFAULT));
            List<String> heardByA = new CopyOnWriteArrayList<>();
            List<String> heardByB = new CopyOnWriteArrayList<>();
            a.topics().subscribe(heardByA::add);
            b.topics().subscribe(heardByB::add);
            Thread.sleep(500); // both LISTEN by now
            a.publish("assignment:abcdefghijklmnop");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heardByB.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            Thread.sleep(500); // anything late would arrive now
            assertThat(heardByB).containsExactly("assignment:abcdefghijklmnop");
            assertThat(heardByA).containsExactly("assignment:abcdefghijklmnop");
            a.close();
            b.close();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> a.publish("not a topic; DROP TABLE sheet")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
