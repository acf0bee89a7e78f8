package dev.gradsheet.server;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.sheet.Examples;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL share live sheets. Each "server" is a registry with its
 * own connection pool, store and LISTEN connection, as two app instances have (both in this JVM).
 * PostgreSQL: {@code GRADSHEET_TEST_PG_URL} (default jdbc:postgresql://localhost:5432/gradsheet_it,
 * user and password {@code gradsheet}; .ci/run installs, starts and creates it).
 */
class ClusterIT {
    final List<HikariDataSource> pools = new ArrayList<>();
    final List<SheetRegistry> servers = new ArrayList<>();
    TestPostgres postgres;

    @BeforeEach
    void requirePostgres() {
        postgres = TestPostgres.require("the two-server test");
    }

    @AfterEach
    void stop() throws SQLException {
        servers.forEach(SheetRegistry::shutdown);
        pools.forEach(HikariDataSource::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One more app server on the test's database. */
    SheetRegistry server() {
        HikariDataSource ds = postgres.migratedPool();
        pools.add(ds);
        SheetStore store = new SheetStore(ds, HistoryPolicy.DEFAULT);
        assertThat(store.isPostgres()).isTrue();
        SheetRegistry registry = new SheetRegistry(store, ServerLimits.defaults(), new JobPool(1, 4));
        servers.add(registry);
        return registry;
    }

    /** The sheet's saved lines, in order of name: servers may list added cells in another order. */
    static List<String> lines(SharedSheet shared) {
        String[] lines = shared.text().split("\n");
        Arrays.sort(lines);
        return List.of(lines);
    }

    @Test
    void anEditOnServerAReachesTheViewersOfServerB() throws Exception {
        SheetRegistry a = server();
        SheetRegistry b = server();
        SharedSheet onA = a.create(Examples.WORKED.load());
        onA.sheet().setValue("z", -3);
        a.flush();
        SharedSheet onB = b.find(onA.id()).orElseThrow();
        assertThat(onB.sheet().value("z")).isEqualTo(-3.0);
        assertThat(onB.sheet().objectiveValue()).isEqualTo(1.0); // f = -9, L = (−9 + 10)² = 1

        // a viewer on B is told of A's edit through its sheet's change stream (what Vaadin pushes)
        CountDownLatch seen = new CountDownLatch(1);
        var watch = onB.sheet().valueOf("x").filter(v -> v == 0.0).subscribe(v -> seen.countDown());
        long start = System.nanoTime();
        onA.sheet().setValue("x", 0); // q = 5, f = -15, L = 25
        assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
        System.out.printf("ClusterIT: A's edit reached B's viewers after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        watch.dispose();
        assertThat(onB.sheet().value("f")).isEqualTo(-15.0);
        assertThat(onB.sheet().objectiveValue()).isEqualTo(25.0);
    }

    @Test
    void aBurstOfConcurrentEditsOnBothServersKeepsEveryEditAndEndsIdentical() throws Exception {
        SheetRegistry a = server();
        SheetRegistry b = server();
        SharedSheet onA = a.create(Examples.WORKED.load());
        a.keep(onA);
        SharedSheet onB = b.find(onA.id()).orElseThrow();
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        // A's students edit x and y, B's edit t; each also adds a cell of its own
        done.add(tabs.submit(() -> edits(onA.sheet(), "x", "y", "ga", "q + 1")));
        done.add(tabs.submit(() -> edits(onB.sheet(), "t", null, "gb", "f * 2")));
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        tabs.shutdown();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            a.flush();
            b.flush();
            return lines(onA).equals(lines(onB));
        });
        for (SharedSheet s : List.of(onA, onB)) { // no edit lost: each cell holds the last value given to it
            assertThat(s.sheet().value("x")).as("x").isEqualTo(39.0);
            assertThat(s.sheet().value("y")).as("y").isEqualTo(-39.0);
            assertThat(s.sheet().value("t")).as("t").isEqualTo(39.0);
            assertThat(s.sheet().cell("ga").orElseThrow().formula()).isEqualTo("q + 1");
            assertThat(s.sheet().cell("gb").orElseThrow().formula()).isEqualTo("f * 2");
            assertThat(s.sheet().value("ga")).isEqualTo(1.0); // q = 39 - 39 = 0
        }
        assertThat(SheetFileLines.of(a.store().text(onA.id()).orElseThrow())).isEqualTo(lines(onA));
        // the servers really did save at the same time: some revisions are merges of both
        assertThat(a.store().revisions(onA.id())).anyMatch(r -> r.edit().english().contains("merged with another server's"));
        // then both change the same weight at once: the later save wins, and both end the same
        Thread one = new Thread(() -> onA.sheet().setValue("z", 1));
        Thread two = new Thread(() -> onB.sheet().setValue("z", 2));
        one.start();
        two.start();
        one.join();
        two.join();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            a.flush();
            b.flush();
            return lines(onA).equals(lines(onB)) && SheetFileLines.of(a.store().text(onA.id()).orElseThrow()).equals(lines(onA));
        });
        assertThat(onA.sheet().value("z")).isIn(1.0, 2.0).isEqualTo(onB.sheet().value("z"));
    }

    /** 40 edits of {@code cell} (and {@code other}, negated), a few ms apart, with a cell added halfway. */
    static Void edits(Sheet sheet, String cell, String other, String added, String formula) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            sheet.setValue(cell, i);
            if (other != null) {
                sheet.setValue(other, -i);
            }
            if (i == 20) {
                sheet.addCell(added, formula);
            }
            Thread.sleep(i % 3 == 0 ? 37 : 11); // some edits fall in one autosave, some in the next
        }
        return null;
    }

    /** A stored text's lines, sorted as {@link #lines} sorts them. */
    static final class SheetFileLines {
        static List<String> of(String text) {
            String[] lines = text.split("\n");
            Arrays.sort(lines);
            return List.of(lines);
        }
    }
}
