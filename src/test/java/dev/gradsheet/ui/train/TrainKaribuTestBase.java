package dev.gradsheet.ui.train;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.ui.SharedSheet;
import dev.gradsheet.ui.SheetRegistry;
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

/** Browserless tests of the training UI: a Spring context plus a mocked Vaadin UI (Karibu-Testing). */
@SpringBootTest
abstract class TrainKaribuTestBase {
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("gradsheet-train-ui-test");
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
    ApplicationContext ctx;
    @Autowired
    SheetRegistry registry;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /** Creates a shared sheet from {@code .sheet} text, opens its page and returns its training panel. */
    TrainingPanel open(String sheetText) throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(sheetText, "test.sheet"));
        return open(shared);
    }

    TrainingPanel open(SharedSheet shared) {
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        return _get(TrainingPanel.class);
    }

    static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    static void roundtrip() {
        MockVaadin.clientRoundtrip();
    }
}
