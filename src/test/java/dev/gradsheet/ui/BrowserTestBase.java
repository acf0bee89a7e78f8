package dev.gradsheet.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.gradsheet.ui.pages.GridPart;
import dev.gradsheet.ui.pages.PagePart;
import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End-to-end tests in real headless Chromium (Debian's {@code chromium} + {@code chromium-driver},
 * nothing downloads a browser) against the app on a random port. Without Chromium they skip with a
 * message saying how to install it, except under {@code CI=true}, where they must run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("gradsheet-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns of the grid, for {@link #cell} and {@link #waitForCell}. */
    static final int NAME = GridPart.NAME;
    static final int FORMULA = GridPart.FORMULA;
    static final int VALUE = GridPart.VALUE;
    static final int GRAD = GridPart.GRAD;

    @LocalServerPort
    int port;
    final List<WebDriver> drivers = new ArrayList<>();
    final List<Path> profiles = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gradsheet.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void requireChromium() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Chromium is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Skipping browser test: Chromium not found. Install it with "
                + "`apt-get install -y chromium chromium-driver` (gives /usr/bin/chromium and /usr/bin/chromedriver).");
    }

    @AfterEach
    void quitBrowsers() {
        for (WebDriver d : drivers) {
            try {
                d.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        drivers.clear();
        for (Path profile : profiles) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
        profiles.clear();
    }

    /** A fresh headless Chromium with its own profile (so its own cookies and Vaadin session). */
    WebDriver newBrowser() throws IOException {
        return newBrowser(null);
    }

    /**
     * The same, speaking {@code language} (its UI language and Accept-Language, e.g. "ko"), or the
     * machine's default when null.
     */
    WebDriver newBrowser(String language) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        Path profile = Files.createTempDirectory("gradsheet-chromium");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1400,950",
                "--user-data-dir=" + profile);
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        }
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        return driver;
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** A new visitor's browser on the start page, once it shows the worked example. */
    SheetPage workedExample() throws IOException {
        return StartPage.workedExample(newBrowser(), url(""));
    }

    /** The same in a window of {@code width} × {@code height} CSS pixels. */
    SheetPage workedExample(int width, int height) throws IOException {
        WebDriver driver = newBrowser();
        viewport(driver, width, height);
        return StartPage.workedExample(driver, url(""));
    }

    /** Opens sheet {@code id}'s link in {@code driver} (the page is not drawn yet: wait for a cell). */
    SheetPage openSheet(WebDriver driver, String id) {
        return SheetPage.open(driver, url("sheet/" + id));
    }

    /** Makes the page's viewport {@code width} × {@code height} CSS pixels (a laptop, a tablet …). */
    static void viewport(WebDriver driver, int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    // Shorthands for the grid, kept for tests written before the page objects; they ask GridPart.

    static WebDriverWait waitFor(WebDriver driver, int seconds) {
        return PagePart.waitUpTo(driver, seconds);
    }

    /** The text in a grid cell, or null while the row is not rendered. */
    static String cell(WebDriver driver, String name, int column) {
        return new SheetPage(driver).grid().text(name, column);
    }

    /** Waits until the grid shows {@code expected} in the cell. */
    static void waitForCell(WebDriver driver, String name, int column, String expected, int seconds) {
        new SheetPage(driver).grid().waitFor(name, column, expected, seconds);
    }

    /** Waits for the sheet page of the worked example to be drawn. */
    static void waitForWorkedExample(WebDriver driver) {
        new SheetPage(driver).waitForWorkedExample();
    }

    /** Types {@code text} into the value cell of row {@code name} and presses Enter. */
    static void editValue(WebDriver driver, String name, String text) {
        new SheetPage(driver).grid().editValue(name, text);
    }

    /** Saves a screenshot under the build folder's {@code screenshots/}. */
    static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    static Path screenshot(PagePart page, String name) throws IOException {
        return screenshot(page.driver(), name);
    }

    /**
     * Takes a screenshot and, with {@code -Dreadme.screenshots=true}, copies it to src/site/screenshots
     * for the README and docs/ (so ordinary test runs leave the sources alone).
     */
    static void readme(PagePart page, String name) throws IOException {
        Path shot = screenshot(page, name);
        Path site = buildDir().getParent().resolve("src/site/screenshots");
        if (Boolean.getBoolean("readme.screenshots") && Files.isDirectory(site.getParent().getParent())) {
            Files.createDirectories(site);
            Files.copy(shot, site.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The Maven build folder (target-ui, target, ...): the parent of the test classes. */
    static Path buildDir() {
        try {
            Path classes = Path.of(BrowserTestBase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
