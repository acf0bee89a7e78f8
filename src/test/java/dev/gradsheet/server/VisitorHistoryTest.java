package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sheet's history through the live registry, as the page makes it, on H2 and on PostgreSQL: a
 * second visitor's 110 SGD clicks cannot erase the owner's first and last revisions; a training run
 * is saved every few seconds and leaves one revision; a history at its size budget is said to every
 * tab and in the log.
 */
class VisitorHistoryTest {
    private static final Actor OWNER = Actor.browser("owner0000000000000000000000000000");
    private static final Actor VISITOR = Actor.browser("visitor00000000000000000000000000");

    /** A browser tab acting for a person in a visit, as a page's presenter does. */
    private record Tab(Actor actor, String visit) implements ActsFor {
    }

    @TempDir
    Path dir;
    private SheetRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.shutdown();
        }
    }

    private SheetRegistry registry(DataSource ds, HistoryPolicy policy) {
        registry = new SheetRegistry(new SheetStore(ds, policy), ServerLimits.defaults(), new JobPool(2, 4));
        return registry;
    }

    private static Set<Long> range(long from, long to) {
        Set<Long> out = new TreeSet<>();
        LongStream.rangeClosed(from, to).forEach(out::add);
        return out;
    }

    private static Set<Long> numbers(SheetStore store, String id) {
        Set<Long> out = new TreeSet<>();
        store.revisions(id).forEach(r -> out.add(r.number()));
        return out;
    }

    // ---- a visitor cannot erase the owner's past ------------------------------------------------------

    @Test
    void aVisitorsHundredAndTenClicksCannotEraseTheOwnersFirstAndLastRevisionsOnH2() {
        hundredAndTenClicks(SheetStore.embeddedDataSource(dir));
    }

    @Test
    void aVisitorsHundredAndTenClicksCannotEraseTheOwnersFirstAndLastRevisionsOnPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("the visitor's clicks on PostgreSQL");
             HikariDataSource pool = postgres.migratedPool()) {
            hundredAndTenClicks(pool);
            registry.shutdown();
            registry = null;
        }
    }

    private void hundredAndTenClicks(DataSource ds) {
        SheetRegistry registry = registry(ds, HistoryPolicy.DEFAULT);
        SharedSheet shared = registry.create(Examples.WORKED.load(), SheetOwner.of(OWNER.key()));
        Tab owner = new Tab(OWNER, "ownervisit000001");
        for (int i = 1; i <= 10; i++) { // the owner's visit: revisions #1 to #10
            int z = -i;
            shared.sheet().actingAs(owner, () -> shared.sheet().setValue("z", z));
            registry.flush();
        }
        Tab visitor = new Tab(VISITOR, "visitorvisit0001");
        for (int click = 0; click < 110; click++) { // "Apply SGD step", 110 times in a minute
            shared.sheet().actingAs(visitor, () -> shared.sheet().sgdStep(0.001, 1));
            registry.flush();
        }

        SheetStore store = registry.store();
        assertThat(store.revision(shared.id())).isEqualTo(120);
        Set<Long> expected = new TreeSet<>(List.of(1L, 10L, 11L)); // the owner's visit's ends, the visitor's first
        expected.addAll(range(21, 120)); // the newest 100
        assertThat(numbers(store, shared.id())).isEqualTo(expected);
        Map<Long, String> authors = store.revisionAuthors(shared.id());
        assertThat(authors.get(1L)).isEqualTo(OWNER.key());
        assertThat(authors.get(10L)).isEqualTo(OWNER.key());
        assertThat(authors.get(120L)).isEqualTo(VISITOR.key());
        assertThat(store.revisionText(shared.id(), 10).orElseThrow()).contains("z = weight(-10)");
        // each revision records its visit
        assertThat(JdbcClient.create(ds).sql("SELECT visit FROM sheet_revision WHERE sheet_id = ? AND revision = 10")
                .param(shared.id()).query(String.class).single()).isEqualTo("ownervisit000001");
        assertThat(store.historyFull(shared.id())).isFalse();
    }

    // ---- a training run leaves one revision --------------------------------------------------------------

    @Test
    void aTrainingRunIsSavedEveryFewSecondsIntoOneRevisionOnH2() throws Exception {
        trainingRunLeavesOneRevision(SheetStore.embeddedDataSource(dir));
    }

    @Test
    void aTrainingRunIsSavedEveryFewSecondsIntoOneRevisionOnPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("a training run's revision on PostgreSQL");
             HikariDataSource pool = postgres.migratedPool()) {
            trainingRunLeavesOneRevision(pool);
            registry.shutdown();
            registry = null;
        }
    }

    private static final Duration EVERY = Duration.ofMillis(300);

    private void trainingRunLeavesOneRevision(DataSource ds) throws Exception {
        SheetRegistry registry = registry(ds, HistoryPolicy.DEFAULT.withRunSaveEvery(EVERY));
        SharedSheet shared = registry.create(Examples.WORKED.load(), SheetOwner.of(OWNER.key()));
        Tab owner = new Tab(OWNER, "ownervisit000001");
        shared.sheet().actingAs(owner, () -> shared.sheet().setValue("x", 1));
        registry.flush(); // revision #1: the sheet as the run starts

        AtomicInteger saves = new AtomicInteger();
        List<Integer> revisionsDuring = new CopyOnWriteArrayList<>();
        var counting = registry.saves().subscribe(id -> {
            saves.incrementAndGet();
            revisionsDuring.add(registry.store().revisions(id).size());
        });
        long started = System.nanoTime();
        TrainingJob run = shared.training().start(owner, () -> TrainingJob.sgd(shared.sheet(), 1e-9, Integer.MAX_VALUE,
                registry.jobs(), TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS));
        Thread.sleep(2_000);
        run.stop();
        run.result().get(10, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        registry.flush();
        Thread.sleep(SheetRegistry.SAVE_DELAY_MS * 2); // the run's end, saved at once, not a run-interval later
        counting.dispose();

        // saved while it ran, but at most once per interval (and its end)
        assertThat(saves.get()).as("saves in %.1f s", seconds).isBetween(3, (int) (seconds / 0.3) + 2);
        assertThat(revisionsDuring).as("revisions while it ran: the one before it and the run's one").allMatch(n -> n == 2);
        List<Revision> revisions = registry.store().revisions(shared.id());
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1).number()).isEqualTo(1);
        Revision end = revisions.get(0);
        assertThat(end.edit().kind()).isEqualTo(EditLabel.Kind.STOPPED);
        assertThat(end.number()).isEqualTo(registry.store().revision(shared.id()));
        assertThat(registry.store().revisionAuthors(shared.id()).get(end.number())).isEqualTo(OWNER.key());
        assertThat(registry.store().revisionText(shared.id(), end.number()).orElseThrow()).isEqualTo(shared.text());
    }

    @Test
    void editsWaitingWhenARunStartsStayARevisionOfTheirOwnTheRunsStart() throws Exception {
        SheetRegistry registry = registry(SheetStore.embeddedDataSource(dir), HistoryPolicy.DEFAULT.withRunSaveEvery(EVERY));
        SharedSheet shared = registry.create(Examples.WORKED.load(), SheetOwner.of(OWNER.key()));
        Tab owner = new Tab(OWNER, "ownervisit000001");
        shared.sheet().actingAs(owner, () -> shared.sheet().setValue("x", 1));
        registry.flush(); // #1
        shared.sheet().actingAs(owner, () -> shared.sheet().setValue("y", 4)); // not saved yet when the run starts
        TrainingJob run = shared.training().start(owner, () -> TrainingJob.sgd(shared.sheet(), 1e-9, Integer.MAX_VALUE,
                registry.jobs(), TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS));
        Thread.sleep(1_500);
        run.stop();
        run.result().get(10, TimeUnit.SECONDS);
        registry.flush();

        List<Revision> revisions = registry.store().revisions(shared.id());
        assertThat(revisions).hasSize(3); // #1, the edit (with the run's first steps, if they came before its save), the run's end
        EditLabel start = revisions.get(1).edit();
        EditLabel first = start.kind() == EditLabel.Kind.THEN || start.kind() == EditLabel.Kind.MORE ? start.label(0) : start;
        assertThat(first).isEqualTo(EditLabel.of(EditLabel.Kind.SET_VALUE, "y", 4));
        assertThat(registry.store().revisionText(shared.id(), revisions.get(1).number()).orElseThrow()).contains("y = input(4)");
        assertThat(revisions.get(0).edit().kind()).isEqualTo(EditLabel.Kind.STOPPED);
    }

    // ---- the size budget ----------------------------------------------------------------------------------

    @Test
    void aHistoryAtItsSizeBudgetIsSaidToEveryTabAndInTheLog() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(SheetStore.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            var worked = Examples.WORKED.load();
            int chars = new SharedSheet("w", worked.sheet(), worked.description()).text().length() + 10; // room for four
            SheetRegistry registry = registry(SheetStore.embeddedDataSource(dir), new HistoryPolicy(100, true, 4L * chars));
            SharedSheet shared = registry.create(Examples.WORKED.load(), SheetOwner.of(OWNER.key()));
            List<SaveState> heard = new CopyOnWriteArrayList<>();
            registry.saveState(shared).subscribe(heard::add);
            Tab owner = new Tab(OWNER, "ownervisit000001");
            for (int i = 1; i <= 4; i++) {
                int x = i;
                shared.sheet().actingAs(owner, () -> shared.sheet().setValue("x", x));
                registry.flush();
            }
            assertThat(heard.get(heard.size() - 1)).isEqualTo(SaveState.SAVED);
            assertThat(registry.store().historyFull(shared.id())).isFalse();

            shared.sheet().actingAs(owner, () -> shared.sheet().setValue("x", 5)); // a fifth does not fit
            registry.flush();
            assertThat(heard.get(heard.size() - 1)).isEqualTo(SaveState.FULL);
            assertThat(registry.store().historyFull(shared.id())).isTrue();
            // the owner's visit's first revision stayed; the newest three beside it
            assertThat(numbers(registry.store(), shared.id())).containsExactly(1L, 3L, 4L, 5L);
            Function<ILoggingEvent, String> line = ILoggingEvent::getFormattedMessage;
            assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(line)
                    .containsExactly("sheet " + shared.id() + ": its history reached its size budget of " + 4L * chars
                            + " characters (gradsheet.history.max-chars); older revisions are removed early to stay within it");
            shared.sheet().actingAs(owner, () -> shared.sheet().setValue("x", 6));
            registry.flush();
            assertThat(logged.list).as("said once, when it happened").filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
        } finally {
            log.detachAppender(logged);
        }
    }
}
