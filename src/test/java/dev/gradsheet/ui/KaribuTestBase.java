package dev.gradsheet.ui;

import dev.gradsheet.server.SheetRegistry;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/**
 * Browserless UI tests: a Spring context plus a mocked Vaadin UI (Karibu-Testing). Public so the
 * tests of {@code ui.train} share it (and its Spring context).
 */
@SpringBootTest
public abstract class KaribuTestBase {
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("gradsheet-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.gradsheet.ui");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gradsheet.data-dir", DATA_DIR::toString);
    }

    @Autowired
    protected ApplicationContext ctx;
    @Autowired
    protected SheetRegistry registry;

    @BeforeEach
    protected void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
        // English unless a test asks for Korean, whatever the JVM's own locale
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
    }

    @AfterEach
    protected void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /** Opens the start page: a fresh worked example for a new session. */
    SheetView openStart() {
        UI.getCurrent().navigate("");
        MockVaadin.clientRoundtrip();
        return _get(SheetView.class);
    }

    /**
     * Lets pushed changes (UI.access) and deferred grid work run, as a browser round trip would: the
     * page's tasks are handed to it off the thread that made them, and its pictures computed on the
     * server's picture threads, so this waits (at most 10 s) until everything the test caused so far
     * has reached the page — every task handed and run, every picture drawn from a state at least as
     * new as now.
     */
    protected static void roundtrip() {
        MockVaadin.clientRoundtrip();
        settle(MockVaadin::clientRoundtrip, true);
    }

    /**
     * Runs {@code roundtrip} (which runs the page's queue) until the page has caught up: every task
     * posted before it ran was handed to the page first, it posted nothing new but pictures, and (with
     * {@code pictures}) every picture asked for before the first round shows a state at least that new
     * — which may wait for the tab's pace, a tenth of a second after the last picture.
     */
    static void settle(Runnable roundtrip, boolean pictures) {
        UI ui = UI.getCurrent();
        java.util.Optional<dev.gradsheet.ui.frames.Tab> found = ui == null ? java.util.Optional.empty()
                : dev.gradsheet.ui.common.TabAccess.existing(ui);
        if (found.isEmpty()) {
            return;
        }
        dev.gradsheet.ui.frames.Tab tab = found.get();
        dev.gradsheet.ui.frames.Tab.Mark first = tab.mark();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            dev.gradsheet.ui.frames.Tab.Mark now = tab.mark();
            boolean handed = waitUntil(() -> tab.handed(now), deadline);
            roundtrip.run();
            if (handed && tab.quietSince(now) && (!pictures || tab.drawn(first)) || System.nanoTime() >= deadline) {
                return;
            }
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long deadline) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
