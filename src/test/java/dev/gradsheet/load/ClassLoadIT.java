package dev.gradsheet.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.ui.pages.LoadBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The load test in small, in every {@code mvn verify}: one Chromium page and five mocked students
 * (two editing their own sheets, one training XOR, one training 2-8-8-1 on Circles, one sharing
 * the Chromium page's sheet) work the real jar for 15 s. The latencies are not asserted (a shared
 * machine's load decides them); the invariants are: every page's numbers equal {@code eval} of its
 * downloaded sheet, no run stuck, no heartbeat refused, no resynchronisation, no error in the
 * server's log, and UIs, push channels, runs, sheets, heap and threads back to their baseline once
 * the students have left.
 */
class ClassLoadIT {
    @Test
    void aSmallClassWorksAndTheServerReturnsToItsBaseline() throws Exception {
        Path jar = SavedMeansSavedIT.buildDir().resolve("gradsheet.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "Skipping: " + jar + " is not built (mvn package first)");
        Assumptions.assumeTrue(LoadBrowser.available(), "Skipping: Chromium is not installed");
        LoadPlan plan = new LoadPlan(2, 2, 2, 1, 15, false, jar, 768, LoadPlan.QUICK_CLEANUP);
        LoadOutcome outcome = new ClassLoad(plan, Files.createTempDirectory("gradsheet-load")).run();
        outcome.print(System.out);
        assertThat(outcome.pagesChecked).isEqualTo(6);
        assertThat(outcome.runs("XOR")).hasSize(1);
        assertThat(outcome.runs("CIRCLES")).hasSize(1);
        assertThat(outcome.problems()).isEmpty();
    }
}
