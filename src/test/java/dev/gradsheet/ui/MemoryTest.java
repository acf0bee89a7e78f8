package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.stream.Stream;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.Test;

/** Issue 9 item 1: memory and disk stay bounded however many people visit. */
class MemoryTest extends KaribuTestBase {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.gradsheet.ui");

    private static long sheetFiles() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(DATA_DIR)) {
            return files.filter(p -> p.toString().endsWith(".sheet")).count();
        }
    }

    private long afterIdle() {
        return System.nanoTime() + registry.limits().evictAfter().toNanos() + 1_000_000_000L;
    }

    @Test
    void aVisitThatChangesNothingLeavesNoFileAndLeavesMemoryWhenItsTabCloses() throws Exception {
        long files = sheetFiles();
        SheetView view = openStart();
        String id = view.presenter().shared().id();
        UI.getCurrent().navigate("lesson/losses"); // the tab leaves the sheet
        roundtrip();
        registry.flush();
        assertThat(sheetFiles()).isEqualTo(files);
        registry.evictIdle(System.nanoTime());
        assertThat(registry.isLive(id)).isTrue(); // not before its idle time
        registry.evictIdle(afterIdle());
        assertThat(registry.isLive(id)).isFalse();
        assertThat(registry.find(id)).isEmpty(); // never changed, so never kept
        assertThat(sheetFiles()).isEqualTo(files);
    }

    @Test
    void anEditedSheetIsSavedLeavesMemoryWhenIdleAndComesBackFromDisk() throws Exception {
        SheetView view = openStart();
        SharedSheet shared = view.presenter().shared();
        assertThat(view.presenter().setValue("z", "-3").ok()).isTrue();
        registry.flush();
        assertThat(Files.exists(DATA_DIR.resolve(shared.id() + ".sheet"))).isTrue();
        // while a tab shows it, it stays whatever the time
        registry.evictIdle(afterIdle());
        assertThat(registry.isLive(shared.id())).isTrue();
        UI.getCurrent().navigate("lesson/losses");
        roundtrip();
        long undoBefore = registry.undoBudget().used();
        long own = shared.sheet().undoBytes();
        assertThat(own).isPositive();
        registry.evictIdle(afterIdle());
        assertThat(registry.isLive(shared.id())).isFalse();
        assertThat(registry.undoBudget().used()).isLessThanOrEqualTo(undoBefore - own); // its undo memory is given back
        SharedSheet back = registry.find(shared.id()).orElseThrow();
        assertThat(back).isNotSameAs(shared);
        assertThat(back.sheet().value("z")).isEqualTo(-3.0);
        assertThat(back.sheet().canUndo()).isFalse(); // undo lives as long as the sheet is in memory
    }

    @Test
    void theHeapComesBackAfterThreeHundredSessionsEditAndLeave() throws Exception {
        // One servlet for every session, as on a real server (each session is a new visitor).
        Function0<UI> uiFactory = UI::new;
        MockSpringServlet servlet = new MockSpringServlet(ROUTES, ctx, uiFactory);
        visits(servlet, uiFactory, 20); // warm-up: class loading and the framework's caches
        registry.evictIdle(afterIdle());
        long before = usedHeapAfterGc();
        int liveBefore = registry.liveCount();
        visits(servlet, uiFactory, 300);
        registry.flush();
        assertThat(registry.liveCount()).isGreaterThanOrEqualTo(liveBefore + 300);
        long during = usedHeapAfterGc();
        registry.evictIdle(afterIdle());
        assertThat(registry.liveCount()).isLessThanOrEqualTo(liveBefore);
        long after = usedHeapAfterGc();
        assertThat(during - before).as("300 sheets in memory take room (else this test measures nothing)")
                .isGreaterThan(after - before);
        assertThat(after - before).as("heap growth in bytes after eviction").isLessThan(6L << 20);
    }

    /** {@code n} visitors: each opens the start page, edits, takes SGD steps and leaves (its session ends). */
    private void visits(MockSpringServlet servlet, Function0<UI> uiFactory, int n) {
        for (int i = 0; i < n; i++) {
            MockVaadin.tearDown(); // the previous visitor's session ends
            MockVaadin.setup(uiFactory, servlet);
            SheetView view = openStart();
            assertThat(view.presenter().setValue("x", Integer.toString(i)).ok()).isTrue();
            view.presenter().sgdStep(0.01, 3);
        }
        MockVaadin.tearDown();
        MockVaadin.setup(uiFactory, servlet);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
