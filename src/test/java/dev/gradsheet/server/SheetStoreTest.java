package dev.gradsheet.server;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database store: revisions, how many are kept, the one-time import, deleting unopened sheets. */
public class SheetStoreTest {
    private static EditLabel set(String cell, double value) {
        return EditLabel.of(EditLabel.Kind.SET_VALUE, cell, value);
    }

    @TempDir
    Path dir;

    /** A clock the test moves by hand (the classroom's tests use it too). */
    public static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));

        public void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void everySaveIsARevisionWithItsEditAndObjectiveNewestFirst() {
        SheetStore store = SheetStore.embedded(dir, HistoryPolicy.DEFAULT);
        String id = SheetStore.newId();
        assertThat(store.save(id, Examples.WORKED.text(), EditLabel.of(EditLabel.Kind.KEPT), "L", 4)).isEqualTo(1);
        assertThat(store.save(id, "x = input(1)\n", set("x", 1), "x", 1)).isEqualTo(2);
        List<Revision> revisions = store.revisions(id);
        assertThat(revisions).extracting(Revision::number).containsExactly(2L, 1L);
        assertThat(revisions.get(1).edit()).isEqualTo(EditLabel.of(EditLabel.Kind.KEPT));
        assertThat(revisions.get(0).edit()).isEqualTo(set("x", 1));
        assertThat(revisions.get(1).objective()).isEqualTo("L");
        assertThat(revisions.get(1).objectiveValue()).isEqualTo(4.0);
        assertThat(store.text(id)).contains("x = input(1)\n");
        assertThat(store.revisionText(id, 1)).contains(Examples.WORKED.text());
        assertThat(store.revisionText(id, 3)).isEmpty();
        // a non-finite objective is kept as "not a number", not refused
        store.save(id, "x = input(1)\n", set("x", 1), "L", Double.NaN);
        assertThat(store.revisions(id).get(0).objectiveValue()).isNaN();
    }

    @Test
    void aSaveMadeFromAnOlderRevisionIsNamedMergedOrConflicted() {
        SheetStore store = SheetStore.embedded(dir, HistoryPolicy.DEFAULT);
        String base = SheetMergeTest.BASE;
        String merging = SheetStore.newId();
        String clashing = SheetStore.newId();
        for (String id : List.of(merging, clashing)) {
            store.save(id, base, EditLabel.of(EditLabel.Kind.KEPT), "L", 4);
        }
        // another server saved revision 2 from revision 1; this one saves from revision 1 too
        store.saveFrom(merging, base.replace("t = input(-10)", "t = input(-20)"), 1, base, set("t", -20), "L", 0);
        assertThat(store.saveFrom(merging, base.replace("x = input(-2)", "x = input(0)"), 1, base, set("x", 0), "L", 0)
                .merged()).isTrue();
        assertThat(store.revisions(merging).get(0).edit())
                .isEqualTo(EditLabel.of(EditLabel.Kind.MERGED, set("x", 0)));

        String noZ = base.replace("z = weight(-4)\n", "").replace("f = (x + y) * z", "f = (x + y) * 2");
        store.saveFrom(clashing, noZ, 1, base, EditLabel.of(EditLabel.Kind.DELETE, "z"), "L", 0);
        EditLabel addGa = EditLabel.of(EditLabel.Kind.ADD, "ga");
        store.saveFrom(clashing, base + "ga = z * 2\n", 1, base, addGa, "L", 4);
        assertThat(store.revisions(clashing).get(0).edit()).isEqualTo(EditLabel.of(EditLabel.Kind.CONFLICTED, addGa));
        assertThat(store.revisions(clashing).get(0).edit().english())
                .isEqualTo("add ga (conflicted with another server's; theirs kept)");
        assertThat(store.text(clashing).orElseThrow()).isEqualTo(noZ);
    }

    @Test
    void keepsTheLastNAndTheNewestOfEachDayBeyondThem() {
        HandClock clock = new HandClock();
        DataSource ds = SheetStore.embeddedDataSource(dir);
        SheetStore store = new SheetStore(ds, new HistoryPolicy(3, true), clock);
        String id = SheetStore.newId();
        // day 1: revisions 1..4, day 2: 5..7, day 3: 8..10 (an hour apart within a day)
        for (int r = 1; r <= 10; r++) {
            if (r == 5 || r == 8) {
                clock.advance(Duration.ofDays(1));
            }
            store.save(id, "x = input(" + r + ")\n", set("x", r), "x", r);
            clock.advance(Duration.ofHours(1));
        }
        // the last 3 (10, 9, 8), then the newest of day 2 (7) and of day 1 (4)
        assertThat(store.revisions(id)).extracting(Revision::number).containsExactly(10L, 9L, 8L, 7L, 4L);

        SheetStore lastOnly = new SheetStore(ds, new HistoryPolicy(3, false), clock);
        lastOnly.save(id, "x = input(11)\n", set("x", 11), "x", 11);
        assertThat(lastOnly.revisions(id)).extracting(Revision::number).containsExactly(11L, 10L, 9L);
    }

    /** A big sheet's revisions stay within the text budget, oldest first out; the newest always stays. */
    @Test
    void bigSheetsKeepOnlyAsManyRevisionsAsTheTextBudgetHolds() {
        SheetStore store = SheetStore.embedded(dir, new HistoryPolicy(100, true, 1_000));
        String id = SheetStore.newId();
        String big = "x = input(1)\n" + "# padding\n".repeat(30); // 313 characters
        for (int r = 1; r <= 6; r++) {
            store.save(id, big.replace("input(1)", "input(" + r + ")"), set("x", r), "x", r);
        }
        // 3 × 313 = 939 fit in 1,000 characters, a fourth does not
        assertThat(store.revisions(id)).extracting(Revision::number).containsExactly(6L, 5L, 4L);
        assertThat(store.text(id).orElseThrow()).contains("x = input(6)");

        String huge = "y = input(0)\n" + "#".repeat(5_000) + "\n";
        store.save(id, huge, EditLabel.of(EditLabel.Kind.FORMULA, "y", "input(0)"), "y", 0);
        assertThat(store.revisions(id)).extracting(Revision::number).containsExactly(7L); // alone over budget, kept
        assertThatThrownBy(() -> new HistoryPolicy(3, true, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradsheet.history.max-chars");
    }

    @Test
    void oldSheetFilesAreImportedOnceAndLeftInPlace() throws Exception {
        String id = "abcdefgh12345678";
        Files.writeString(dir.resolve(id + ".sheet"), Examples.WORKED.text());
        Files.writeString(dir.resolve("notes.sheet"), "x = input(1)\n"); // not an id: no link reaches it
        SheetStore store = SheetStore.embedded(dir, HistoryPolicy.DEFAULT);
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.text(id)).contains(Examples.WORKED.text());
        assertThat(store.revisions(id).get(0).edit()).isEqualTo(EditLabel.of(EditLabel.Kind.IMPORTED, id + ".sheet"));
        assertThat(Files.exists(dir.resolve(id + ".sheet"))).isTrue();
        // a later change of the old file is not imported again: the database is the store now
        Files.writeString(dir.resolve(id + ".sheet"), "x = input(99)\n");
        assertThat(store.importOnce(dir)).isZero();
        SheetRegistry restarted = new SheetRegistry(dir.toString());
        assertThat(restarted.find(id).orElseThrow().sheet().value("L")).isEqualTo(4.0);
        assertThat(restarted.store().revisions(id)).hasSize(1);
    }

    @Test
    void sheetsNobodyOpenedForTheSetTimeAreDeletedWithTheirHistoryUnlessOpenNow() {
        HandClock clock = new HandClock();
        SheetStore store = new SheetStore(SheetStore.embeddedDataSource(dir), HistoryPolicy.DEFAULT, clock);
        String old = SheetStore.newId();
        String opened = SheetStore.newId();
        String live = SheetStore.newId();
        for (String id : List.of(old, opened, live)) {
            store.save(id, "x = input(1)\n");
        }
        clock.advance(Duration.ofDays(20));
        store.opened(opened);
        clock.advance(Duration.ofDays(15));
        // 30 days: "old" and "live" were last opened 35 days ago, "opened" 15 days ago; "live" is open in a tab
        List<String> deleted = store.deleteNotOpenedSince(clock.instant().minus(Duration.ofDays(30)), live::equals);
        assertThat(deleted).containsExactly(old);
        assertThat(store.text(old)).isEmpty();
        assertThat(store.revisions(old)).isEmpty();
        assertThat(store.text(opened)).isPresent();
        assertThat(store.text(live)).isPresent();
    }

    @Test
    void theCleanupIsOffByDefault() {
        SheetRegistry registry = new SheetRegistry(dir.toString());
        String id = SheetStore.newId();
        registry.store().save(id, "x = input(1)\n");
        DataConfig.UnopenedSheetCleanup off = new DataConfig.UnopenedSheetCleanup(registry.store(), registry, Duration.ZERO);
        assertThat(off.run(Instant.now().plus(Duration.ofDays(10_000)))).isEmpty();
        DataConfig.UnopenedSheetCleanup on = new DataConfig.UnopenedSheetCleanup(registry.store(), registry, Duration.ofDays(30));
        assertThat(on.run(Instant.now().plus(Duration.ofDays(29)))).isEmpty();
        assertThat(on.run(Instant.now().plus(Duration.ofDays(31)))).containsExactly(id);
        assertThat(registry.store().count()).isZero();
    }
}
