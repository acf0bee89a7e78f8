package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/**
 * Pages on one sheet never end up showing a stale value or gradient. The rows a
 * page shows are rebuilt from the row updates the server sends ({@link ClientRows}).
 */
class StaleGradientTest extends KaribuTestBase {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.gradsheet.ui");

    /**
     * The cause, made deterministic: two change sets are handled in one round trip and the sheet
     * changes between them (another tab's push is queued while this tab's own request edits). Both
     * snapshots of x used to be queued for the page in a HashSet and went out in hash order.
     */
    @Test
    void twoChangesInOneRoundTripLeaveTheLatestNumbersOnThePage() throws Exception {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        ClientRows page = new ClientRows(sheet);
        page.roundtrip();
        UI ui = UI.getCurrent();
        for (int i = 1; i <= 24; i++) {
            double other = i * 0.37;
            double mine = -i * 1.91;
            Thread t = new Thread(() -> sheet.setValue("x", other)); // another tab's edit, pushed here
            t.start();
            t.join();
            ui.access(() -> sheet.setValue("x", mine)); // this tab's edit in the same round trip
            page.roundtrip();
            assertThat(page.rows).as("after round %d", i).isEqualTo(ClientRows.expected(sheet));
        }
        assertThat(sheet.value("x")).isEqualTo(-24 * 1.91);
    }

    /**
     * Four sessions on one sheet, 240 mixed edits, SGD steps, undos and redos from four threads at
     * once; afterwards every page's rows equal the engine's cells exactly.
     */
    // A race: five runs give it five chances (it found the toolbar reading the undo state twice).
    @org.junit.jupiter.api.RepeatedTest(value = 5, name = "run {currentRepetition} of {totalRepetitions}")
    void fourConcurrentPagesAgreeWithTheEngineAfterTwoHundredMixedEdits() throws Exception {
        String id = registry.create(Examples.WORKED.load()).id();
        int pages = 4;
        int opsEach = 60;
        CyclicBarrier opened = new CyclicBarrier(pages);
        CyclicBarrier edited = new CyclicBarrier(pages);
        CyclicBarrier settled = new CyclicBarrier(pages);
        AtomicInteger ops = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(pages);
        List<Future<Map<String, String>>> shown = new ArrayList<>();
        try {
            for (int p = 0; p < pages; p++) {
                int seed = p;
                shown.add(threads.submit(() -> {
                    Function0<UI> uiFactory = UI::new;
                    MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
                    try {
                        UI.getCurrent().navigate("sheet/" + id);
                        SheetView view = _get(SheetView.class);
                        SheetPresenter presenter = view.presenter();
                        ClientRows page = new ClientRows(presenter.shared().sheet());
                        page.roundtrip();
                        opened.await(30, TimeUnit.SECONDS);
                        Random random = new Random(seed);
                        for (int i = 0; i < opsEach; i++) {
                            switch (random.nextInt(5)) {
                                case 0 -> presenter.setValue(List.of("x", "y", "z").get(random.nextInt(3)),
                                        Integer.toString(random.nextInt(21) - 10));
                                case 1, 2 -> presenter.sgdStep(0.01, 1 + random.nextInt(3));
                                case 3 -> presenter.undo();
                                default -> presenter.redo();
                            }
                            ops.incrementAndGet();
                            if (random.nextBoolean()) {
                                page.roundtrip();
                            }
                        }
                        edited.await(60, TimeUnit.SECONDS);
                        page.roundtrip(); // the pushes of the last edits of the others
                        settled.await(60, TimeUnit.SECONDS);
                        page.roundtrip();
                        return page.rows;
                    } catch (Throwable t) {
                        // break the barriers so the other pages stop waiting and this failure is reported
                        opened.reset();
                        edited.reset();
                        settled.reset();
                        throw t;
                    } finally {
                        MockVaadin.tearDown();
                    }
                }));
            }
            Sheet sheet = registry.find(id).orElseThrow().sheet();
            List<Map<String, String>> rowsOfPages = new ArrayList<>();
            Throwable brokenBarrier = null;
            for (Future<Map<String, String>> page : shown) {
                try {
                    rowsOfPages.add(page.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    // a page whose barrier broke only echoes another page's failure: report the cause
                    if (!(e.getCause() instanceof java.util.concurrent.BrokenBarrierException)) {
                        throw new AssertionError("a page failed", e.getCause());
                    }
                    brokenBarrier = e.getCause();
                }
            }
            if (brokenBarrier != null) {
                throw new AssertionError("a page's barrier broke without a failing page", brokenBarrier);
            }
            for (Map<String, String> rows : rowsOfPages) {
                assertThat(rows).isEqualTo(ClientRows.expected(sheet));
            }
            assertThat(ops.get()).isEqualTo(pages * opsEach);
            assertThat(sheet.canUndo()).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }
}
