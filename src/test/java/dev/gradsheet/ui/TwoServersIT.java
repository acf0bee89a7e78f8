package dev.gradsheet.ui;

import dev.gradsheet.server.TestPostgres;

import dev.gradsheet.server.SheetStore;

import static dev.gradsheet.ui.pages.GridPart.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * End to end: two app servers ({@code java -jar target/gradsheet.jar}, two processes) on one
 * PostgreSQL, a browser on each. An edit in one browser shows in the other; edits typed in both at
 * once end the same in both. Needs PostgreSQL as {@link ClusterIT} does (skipped without it, except
 * under {@code CI=true}).
 */
class TwoServersIT extends BrowserTestBase {
    final List<Process> servers = new ArrayList<>();
    TestPostgres postgres;

    @AfterEach
    void stopServers() throws Exception {
        for (Process p : servers) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Starts one more server on the test's schema; returns its port. */
    int server() throws IOException {
        Path jar = buildDir().resolve("gradsheet.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "Skipping: " + jar + " is not built (mvn package first)");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
                "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("GRADSHEET_DATA_DIR", Files.createTempDirectory("gradsheet-node").toString());
        builder.environment().put("SPRING_DATASOURCE_URL", postgres.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", TestPostgres.USER);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD);
        builder.environment().put("SPRING_FLYWAY_SCHEMAS", postgres.schema());
        Process p = builder.start();
        servers.add(p);
        return dev.gradsheet.launch.ServerLog.awaitPort(p);
    }

    @Test
    void anEditOnOneServerShowsOnTheOtherAndConcurrentEditsEndTheSame() throws Exception {
        postgres = TestPostgres.require("the two-server test");
        int portA = server();
        int portB = server();

        SheetPage a = StartPage.workedExample(newBrowser(), "http://localhost:" + portA + "/");
        a.grid().editValue("z", "-3"); // the first change saves the sheet: f = -9, L = 1
        a.grid().waitFor("L", VALUE, "1", 20);
        String link = a.link().replaceAll(".*/sheet/", "");
        assertThat(SheetStore.isValidId(link)).as(a.link()).isTrue();

        SheetPage b = SheetPage.open(newBrowser(), "http://localhost:" + portB + "/sheet/" + link);
        b.grid().waitFor("z", VALUE, "-3", 90);
        a.access().letAnyoneWithTheLinkEdit(b); // the sheet is a's; its link is view-only until a opens it (b hears it from server A)

        a.grid().editValue("x", "0"); // on server A: q = 5, f = -15, L = 25
        b.grid().waitFor("x", VALUE, "0", 10);
        b.grid().waitFor("L", VALUE, "25", 10);
        screenshot(b, "two-servers-b-sees-a");

        // both browsers type at once, each into its own cells: every edit is kept on both servers
        a.grid().editValue("y", "1");
        b.grid().editValue("t", "-20");
        a.grid().editValue("x", "2");
        b.grid().editValue("z", "2");
        for (SheetPage tab : List.of(a, b)) {
            GridPart grid = tab.grid();
            grid.waitFor("x", VALUE, "2", 10);
            grid.waitFor("y", VALUE, "1", 10);
            grid.waitFor("z", VALUE, "2", 10);
            grid.waitFor("t", VALUE, "-20", 10);
            grid.waitFor("L", VALUE, "676", 10); // f = (2 + 1)·2 = 6, L = (6 + 20)² = 676
        }
    }
}
