package dev.gradsheet.ui;

import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.ui.pages.GridTimings;
import dev.gradsheet.ui.pages.SheetPage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A probe, run with {@code -Pspeed -Dspeed.big=true}, not by {@code mvn verify}: a teacher's server
 * ({@code gradsheet.limits.upload} raised) takes the 1.58M-cell MLP (50 MB) through the page's Open
 * button. Its times and the server's heap for the open sheet are printed, never asserted.
 */
@TestPropertySource(properties = "gradsheet.limits.upload=64MB")
class BigUploadProbe extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    @Test
    @EnabledIfSystemProperty(named = "speed.big", matches = "true")
    void uploadingTheMillionCellMlp() throws Exception {
        String text = Generators.text(w -> Generators.mlp(512, 1, w));
        Path file = BigUploadIT.write(text, "mlp512.sheet");
        long before = usedHeapAfterGc();
        long withBig = 0;
        for (int i = 0; i < 3; i++) {
            // a visitor of their own each time: the page would reopen their last sheet
            SheetPage sheet = workedExample(1366, 768);
            sheet.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
            GridTimings timings = new GridTimings(sheet.driver());
            timings.markStart();
            sheet.upload(file);
            double ms = timings.untilRowPainted("x_0");
            assertThat(ms).as("x_0 shown").isPositive();
            System.out.printf("SPEED upload of the 1.58M-cell MLP (%.1f MB), run %d: file chosen to first rows painted %d ms%n",
                    Files.size(file) / 1e6, i, Math.round(ms));
            if (i == 0) {
                long shown = usedHeapAfterGc(); // the first rows are shown
                // an upload is saved before the page goes to it, and a save is on the disk before it counts
                String id = sheet.link().replaceAll(".*/sheet/", "");
                assertThat(registry.store().revision(id)).as("the upload's first revision").isPositive();
                long settling = System.nanoTime();
                withBig = settledHeap(); // one tab on one sheet: what a visitor with the big file costs
                System.out.printf("SPEED server heap at the first rows: %.0f MB; settled after %.1f s%n", shown / 1e6,
                        (System.nanoTime() - settling) / 1e9);
            }
            quitBrowsers();
        }
        System.out.printf("SPEED server heap: %.0f MB before, %.0f MB with the 1.58M-cell MLP open in one tab:"
                + " %.0f MB for that sheet and its page%n", before / 1e6, withBig / 1e6, (withBig - before) / 1e6);
    }

    /**
     * The server's used heap once it has settled: just after a big upload the server holds hundreds
     * of MB more than a few seconds later (the save is on the disk by then; what lets go meanwhile
     * tells no one). Read after full collections, once a second, until three readings in a row are
     * within 1% of each other.
     */
    private static long settledHeap() {
        List<Long> readings = new ArrayList<>();
        return new FluentWait<>(readings).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
                .withMessage(() -> "the heap did not settle: " + readings)
                .until(r -> {
                    r.add(usedHeapAfterGc());
                    if (r.size() < 3) {
                        return null;
                    }
                    List<Long> last = r.subList(r.size() - 3, r.size());
                    long low = last.stream().min(Long::compare).orElseThrow();
                    long high = last.stream().max(Long::compare).orElseThrow();
                    return high - low <= high / 100 ? last.get(2) : null;
                });
    }

    /**
     * The server's used heap (this JVM runs it) after full collections, in bytes: collected again
     * while a collection still frees more than 1 MB (what one frees can make more collectable).
     */
    private static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            boolean settled = used - now < 1_000_000;
            used = Math.min(used, now);
            if (settled) {
                break;
            }
        }
        return used;
    }
}
