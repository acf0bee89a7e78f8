package dev.gradsheet.server;


import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabel.Kind;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry of shared sheets and its store: ids, atomic autosave, concurrent edits, restarts. */
class SheetRegistryTest {
    @TempDir
    Path dir;

    @Test
    void idsAreRandomAndNothingElseBecomesAPath() throws Exception {
        String id = SheetStore.newId();
        assertThat(id).matches("[a-z0-9]{16}");
        assertThat(SheetStore.newId()).isNotEqualTo(id);
        SheetStore store = SheetStore.embedded(dir, HistoryPolicy.DEFAULT);
        for (String bad : List.of("../../etc/passwd", "..", "a/b", "", "AAAAAAAAAAAAAAAA", "aaaaaaaaaaaaaaa",
                "aaaaaaaaaaaaaaaa.sheet", "aaaaaaaa\u0000aaaaaaa")) {
            assertThat(SheetStore.isValidId(bad)).as(bad).isFalse();
            assertThat(store.load(bad)).isEmpty();
            assertThatThrownBy(() -> store.save(bad, "x = input(1)\n")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SheetStore.isValidId(null)).isFalse();
        assertThat(store.count()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("gradsheet."));
        }
    }

    @Test
    void aCreatedSheetIsSavedAtItsFirstChangeAndARestartedRegistryFindsIt() throws Exception {
        SheetRegistry registry = new SheetRegistry(dir.toString());
        SharedSheet shared = registry.create(Examples.WORKED.load());
        registry.flush();
        assertThat(registry.store().text(shared.id())).isEmpty(); // a visit that changes nothing writes nothing
        shared.sheet().sgdStep(0.01, 1);
        registry.flush();
        assertThat(registry.store().text(shared.id()).orElseThrow()).contains("z = weight(-3.88)");
        SheetRegistry restarted = new SheetRegistry(dir.toString());
        Sheet again = restarted.find(shared.id()).orElseThrow().sheet();
        assertThat(again.value("z")).isEqualTo(-3.88);
        assertThat(again.value("f")).isCloseTo(-11.64, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(restarted.find(shared.id()).orElseThrow()).isSameAs(restarted.find(shared.id()).orElseThrow());
        assertThat(restarted.store().count()).isEqualTo(1);
    }

    @Test
    void concurrentEditsFromManyTabsNeverCorruptTheSheetOrItsFile() throws Exception {
        SheetRegistry registry = new SheetRegistry(dir.toString());
        SharedSheet shared = registry.create(Examples.WORKED.load());
        Sheet sheet = shared.sheet();
        ExecutorService tabs = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int tab = t;
            done.add(tabs.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    switch ((tab + i) % 4) {
                        case 0 -> sheet.setValue("x", i % 7 - 3);
                        case 1 -> sheet.sgdStep(0.001, 1);
                        case 2 -> sheet.setValue("t", -(i % 5) - 8);
                        default -> sheet.undo();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        tabs.shutdown();
        registry.flush();
        Thread.sleep(SheetRegistry.SAVE_DELAY_MS * 3);
        // the sheet is consistent: f = (x + y)·z and L = (f − t)²
        double f = (sheet.value("x") + sheet.value("y")) * sheet.value("z");
        assertThat(sheet.value("f")).isCloseTo(f, org.assertj.core.data.Offset.offset(1e-9));
        // and the saved file is the sheet
        String saved = registry.store().text(shared.id()).orElseThrow();
        assertThat(saved).isEqualTo(SheetFile.format(sheet, shared.description()));
        assertThat(SheetFile.parse(saved, "saved").sheet().value("L")).isEqualTo(sheet.value("L"));
    }

    @Test
    void aRevisionIsNamedAfterTheEditsSavedTogether() throws Exception {
        SheetRegistry registry = new SheetRegistry(dir.toString());
        SharedSheet shared = registry.create(Examples.WORKED.load());
        Sheet sheet = shared.sheet();
        synchronized (shared) { // the autosave waits for the sheet: these four edits are saved together
            sheet.setValue("z", -3);
            sheet.addCell("h", "f * 2");
            sheet.sgdStep(0.01, 1);
            sheet.undo();
        }
        EditLabel setZ = EditLabel.of(Kind.SET_VALUE, "z", -3);
        assertThat(saved(registry, shared, 1).edit()).isEqualTo(EditLabel.of(Kind.MORE, setZ, 3));

        synchronized (shared) {
            sheet.rename("h", "g");
            registry.setData(shared, new DataTable(List.of("x", "y", "t"), new double[][] {{1, 2, 3}}));
        }
        assertThat(saved(registry, shared, 2).edit()).isEqualTo(EditLabel.of(Kind.THEN,
                EditLabel.of(Kind.RENAME, "h", "g"), EditLabel.of(Kind.DATA_TABLE, 1)));
        assertThat(registry.store().revisions(shared.id()).get(0).edit().english())
                .isEqualTo("rename h to g, then data table (1 row)");

        registry.changed(shared);
        assertThat(saved(registry, shared, 3).edit()).isEqualTo(EditLabel.of(Kind.ANSWERS_OR_PRACTICE));
    }

    /** The sheet's revision {@code number}, once saved (flushed now, or by an autosave already under way). */
    private static Revision saved(SheetRegistry registry, SharedSheet shared, long number) throws InterruptedException {
        registry.flush();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.store().revision(shared.id()) < number && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        List<Revision> revisions = registry.store().revisions(shared.id());
        assertThat(revisions).extracting(Revision::number).startsWith(number);
        return revisions.get(0);
    }
}
