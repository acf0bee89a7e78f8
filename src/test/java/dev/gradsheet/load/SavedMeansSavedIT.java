package dev.gradsheet.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.ui.pages.LoadBrowser;
import dev.gradsheet.ui.pages.LoadSheetPage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What is shown as saved is saved: an edit made through a page, once the server says the sheet's
 * edits are saved (what every tab's "saved" shows), survives the server being killed as
 * {@code kill -9} does — at once, 50, 200 and 500 ms later — and is there after a restart on the
 * same data directory. The real jar runs as its own process; the load agent in it answers when the
 * sheet's save state turns to saved.
 */
class SavedMeansSavedIT {
    private static final int[] DELAYS_MS = {0, 50, 200, 500};
    private static final String[] VALUES = {"-3", "-5", "-2", "-6"};

    @Test
    void anEditSaidToBeSavedSurvivesKillMinus9AtEveryDelay() throws Exception {
        Path jar = buildDir().resolve("gradsheet.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "Skipping: " + jar + " is not built (mvn package first)");
        Assumptions.assumeTrue(LoadBrowser.available(), "Skipping: Chromium is not installed");
        Path work = Files.createTempDirectory("gradsheet-kill");
        Path data = work.resolve("data");
        LoadServer server = LoadServer.start(jar, data, work.resolve("server-0.log"), 384, List.of());
        try (LoadBrowser browser = new LoadBrowser()) {
            LoadSheetPage page = new LoadSheetPage(browser);
            page.open(server.url(""), "z");
            String sheet = page.sheetId();
            for (int i = 0; i < DELAYS_MS.length; i++) {
                page.editValue("z", VALUES[i]);
                assertThat(server.agent().awaitSaved(sheet, 30_000)).as("the edit to %s is said to be saved", VALUES[i])
                        .isEqualTo("SAVED");
                Thread.sleep(DELAYS_MS[i]);
                server.kill();

                server = LoadServer.start(jar, data, work.resolve("server-" + (i + 1) + ".log"), 384, List.of());
                page.open(server.url("sheet/" + sheet), "z");
                assertThat(page.cell("z", LoadSheetPage.VALUE))
                        .as("z after kill -9 %d ms after 'saved', and a restart", DELAYS_MS[i]).isEqualTo(VALUES[i]);
            }
        } finally {
            server.close();
        }
    }

    /** The Maven build folder: the parent of the test classes. */
    static Path buildDir() {
        try {
            return Path.of(SavedMeansSavedIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
