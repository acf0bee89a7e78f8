package dev.gradsheet.ui;

import dev.gradsheet.server.ServerLimits;

import dev.gradsheet.sheet.Generators;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher's server with {@code gradsheet.limits.upload} raised opens a big {@code .sheet}
 * file through the page's Open button in a real browser, past every limit on the way (the page's,
 * the servlet container's). The 1.58M-cell MLP (50 MB) is opt-in ({@code -Dspeed.big=true}): its
 * times and the server's heap for the open sheet are printed, never asserted.
 */
@TestPropertySource(properties = "gradsheet.limits.upload=64MB")
class BigUploadIT extends BrowserTestBase {

    @Test
    void aTeachersServerOpensAFileOverTheDefaultLimit() throws Exception {
        String text = Generators.text(w -> Generators.mlp(100, 3, w)); // 60k cells, about twice the default limit
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ServerLimits.DEFAULT_UPLOAD_BYTES);
        WebDriver b = openPage();
        upload(b, write(text, "mlp100.sheet"));
        waitForCell(b, "x_0", FORMULA, text.lines().filter(l -> l.startsWith("x_0 = ")).findFirst().orElseThrow()
                .substring("x_0 = ".length()), 120);
        assertThat(text(b, "upload-errors")).isEmpty();
        assertThat(b.getCurrentUrl()).contains("/sheet/");
    }

    @Test
    @EnabledIfSystemProperty(named = "speed.big", matches = "true")
    void uploadingTheMillionCellMlp() throws Exception {
        String text = Generators.text(w -> Generators.mlp(512, 1, w));
        Path file = write(text, "mlp512.sheet");
        long before = usedHeapAfterGc();
        long withBig = 0;
        for (int i = 0; i < 3; i++) {
            WebDriver b = openPage(); // a visitor of their own each time: the page would reopen their last sheet
            b.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
            ((JavascriptExecutor) b).executeScript("window.gsStart = performance.now()");
            upload(b, file);
            Number ms = (Number) ((JavascriptExecutor) b).executeAsyncScript(
                    SpeedIT.FIRST_ROWS_JS.replace("done(performance.now())", "done(performance.now() - window.gsStart)"), "x_0");
            assertThat(ms.doubleValue()).as("x_0 shown").isPositive();
            System.out.printf("SPEED upload of the 1.58M-cell MLP (%.1f MB), run %d: file chosen to first rows painted %d ms%n",
                    Files.size(file) / 1e6, i, Math.round(ms.doubleValue()));
            if (i == 0) {
                long saving = usedHeapAfterGc(); // the first rows are shown; the database may still be saving
                Thread.sleep(10_000); // the database's writer has finished with the upload's save
                withBig = usedHeapAfterGc(); // one tab on one sheet: what a visitor with the big file costs
                System.out.printf("SPEED server heap at the first rows: %.0f MB%n", saving / 1e6);
            }
            quitBrowsers();
        }
        System.out.printf("SPEED server heap: %.0f MB before, %.0f MB with the 1.58M-cell MLP open in one tab:"
                + " %.0f MB for that sheet and its page%n", before / 1e6, withBig / 1e6, (withBig - before) / 1e6);
    }

    private WebDriver openPage() throws Exception {
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url(""));
        waitForWorkedExample(b);
        return b;
    }

    private static Path write(String text, String name) throws Exception {
        Path file = Files.createTempDirectory("gradsheet-big-upload").resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void upload(WebDriver b, Path file) {
        fileInput(b, "upload").sendKeys(file.toString());
    }

    private static String text(WebDriver b, String id) {
        var found = b.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The server's used heap (this JVM runs it) after a full collection, in bytes. */
    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
