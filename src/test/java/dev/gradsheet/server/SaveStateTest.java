package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page is told about saving, and that it is true: "saving" until an edit is in the database,
 * "saved" after; when the database fails, every tab hears so at once, the edits stay in memory, and
 * they are saved when it answers again.
 */
class SaveStateTest {
    @TempDir
    Path dir;
    private SheetRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.shutdown();
        }
    }

    /** A database that stops answering while {@code down} is set (a full disk, a lost connection). */
    static DataSource failingWhile(DataSource real, AtomicBoolean down) {
        return FailingDatabase.failingWhile(real, down);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void aPageHearsSavingThenSavedAndTheEditIsInTheDatabaseByThen() throws Exception {
        registry = new SheetRegistry(dir.toString());
        SharedSheet shared = registry.create(Examples.WORKED.load());
        List<SaveState> heard = new CopyOnWriteArrayList<>();
        List<Long> savedRevisionWhenToldSaved = new CopyOnWriteArrayList<>();
        registry.saveState(shared).subscribe(state -> {
            heard.add(state);
            if (state == SaveState.SAVED) {
                savedRevisionWhenToldSaved.add(registry.store().revision(shared.id()));
            }
        });
        shared.sheet().setValue("z", -3);
        await(() -> heard.size() >= 3, "saving, then saved");
        assertThat(heard).containsExactly(SaveState.SAVED, SaveState.SAVING, SaveState.SAVED);
        assertThat(savedRevisionWhenToldSaved).containsExactly(0L, 1L); // "saved" came after revision 1 was written
        assertThat(registry.store().text(shared.id()).orElseThrow()).contains("z = weight(-3)");
    }

    @Test
    void aFailingDatabaseIsSaidAtOnceAndTheEditsMadeMeanwhileAreSavedWhenItAnswersAgain() throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        SheetStore store = new SheetStore(failingWhile(SheetStore.embeddedDataSource(dir), down), HistoryPolicy.DEFAULT);
        ServerLimits limits = ServerLimits.defaults();
        registry = new SheetRegistry(store, limits, new JobPool(2, 2));
        SharedSheet shared = registry.create(Examples.WORKED.load());
        List<SaveState> heard = new CopyOnWriteArrayList<>();
        registry.saveState(shared).subscribe(heard::add);

        down.set(true);
        shared.sheet().setValue("z", -3);
        await(() -> heard.contains(SaveState.FAILING), "told the edits are not being saved");
        shared.sheet().setValue("x", 2); // made while the database is down
        Thread.sleep(SheetRegistry.SAVE_DELAY_MS * 3);
        assertThat(heard.get(heard.size() - 1)).as("still failing, never 'saved'").isEqualTo(SaveState.FAILING);
        assertThat(heard).doesNotContainSequence(SaveState.FAILING, SaveState.SAVED);

        down.set(false);
        await(() -> heard.get(heard.size() - 1) == SaveState.SAVED, "saved once the database answers");
        String saved = store.text(shared.id()).orElseThrow();
        assertThat(saved).contains("z = weight(-3)").contains("x = input(2)");
        assertThat(saved).isEqualTo(shared.text());
    }

    @Test
    void aSheetWhoseSaveFailsStaysInMemoryInsteadOfBeingEvicted() throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        SheetStore store = new SheetStore(failingWhile(SheetStore.embeddedDataSource(dir), down), HistoryPolicy.DEFAULT);
        ServerLimits limits = new ServerLimits(10_000, 1_000_000, 2, 2, java.time.Duration.ZERO, 1 << 20);
        registry = new SheetRegistry(store, limits, new JobPool(2, 2));
        SharedSheet shared = registry.create(Examples.WORKED.load());
        down.set(true);
        shared.sheet().setValue("z", -3);
        assertThat(registry.evictIdle(System.nanoTime() + TimeUnit.HOURS.toNanos(1))).isZero();
        assertThat(registry.isLive(shared.id())).isTrue();
        down.set(false);
        registry.flush();
        assertThat(store.text(shared.id()).orElseThrow()).contains("z = weight(-3)");
    }
}
