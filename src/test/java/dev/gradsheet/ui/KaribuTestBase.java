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

    /** Lets pushed changes (UI.access) and deferred grid work run, as a browser round trip would. */
    protected static void roundtrip() {
        MockVaadin.clientRoundtrip();
    }
}
