package dev.gradsheet.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

    /** JS: the text of column {@code arguments[1]} in the grid row whose name is {@code arguments[0]}. */
    static final String CELL_JS = """
            const grid = document.getElementById('cells');
            if (!grid || !grid.shadowRoot) return null;
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (tds.length > arguments[1] && tds[0]._content
                  && tds[0]._content.textContent.trim() === arguments[0]) {
                return arguments[2] ? tds[arguments[1]]._content : tds[arguments[1]]._content.textContent.trim();
              }
            }
            return null;
            """;
    static final int NAME = 0;
    static final int FORMULA = 1;
    static final int VALUE = 3;
    static final int GRAD = 4;

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

    /**
     * A new sheet's link is view-only for other browsers; its owner ({@code owner}, showing it)
     * lets anyone with the link edit, as for group work. {@code others} wait until their page says so.
     */
    static void letTheLinkEdit(WebDriver owner, WebDriver... others) {
        owner.findElement(By.id("link-mode")).click();
        WebElement edit = waitFor(owner, 10).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals("Link: anyone can edit")).findFirst().orElse(null));
        edit.click();
        for (WebDriver other : others) {
            waitFor(other, 20).until(d -> d.findElements(By.id("access-text")).stream()
                    .anyMatch(e -> e.getText().equals("Anyone with the link can edit this sheet.")));
        }
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    static WebDriverWait waitFor(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** The text in a grid cell, or null while the row is not rendered. */
    static String cell(WebDriver driver, String name, int column) {
        return (String) ((JavascriptExecutor) driver).executeScript(CELL_JS, name, column, false);
    }

    static WebElement cellElement(WebDriver driver, String name, int column) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript(CELL_JS, name, column, true);
    }

    /** Waits until the grid shows {@code expected} in the cell. */
    static void waitForCell(WebDriver driver, String name, int column, String expected, int seconds) {
        waitFor(driver, seconds).withMessage(() -> name + "[" + column + "] should be " + expected + " but is "
                + cell(driver, name, column)).until(d -> expected.equals(cell(d, name, column)));
    }

    /** Waits for the sheet page of the worked example to be drawn. */
    static void waitForWorkedExample(WebDriver driver) {
        // the first load may wait for the server to warm up
        waitForCell(driver, "f", FORMULA, "q * z", 90);
    }

    /**
     * Types {@code text} into the value cell of row {@code name} and presses Enter, as in a
     * spreadsheet: a click selects the cell, typing replaces its content.
     */
    static void editValue(WebDriver driver, String name, String text) {
        cellElement(driver, name, VALUE).click();
        waitFor(driver, 20).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(SELECTED_JS, name)));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(text).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    }

    /**
     * Clicks element {@code id} once it stands still and nothing covers it: while a run pushes
     * numbers, or just after the window was resized, the side panel can shift under a click (three
     * times on a loaded machine, by 20 px, so the click landed above Pause; a probe of four seconds
     * of a run saw no shift, so the cause was not found); a person aims again, a test waits for the
     * target to settle.
     */
    static void clickWhenStill(WebDriver driver, String id) {
        String where = """
                const e = document.getElementById(arguments[0]);
                const r = e.getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return (top === e || e.contains(top)) ? Math.round(r.left) + ',' + Math.round(r.top) : null;
                """;
        String[] last = {null};
        waitFor(driver, 10).until(d -> {
            String now = (String) ((JavascriptExecutor) d).executeScript(where, id);
            boolean still = now != null && now.equals(last[0]);
            last[0] = now;
            return still;
        });
        driver.findElement(By.id(id)).click();
    }

    /** The file input of the upload component {@code uploadId} (where a person's chosen file goes). */
    static WebElement fileInput(WebDriver driver, String uploadId) {
        WebElement upload = driver.findElement(By.id(uploadId));
        var inShadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
        return inShadow.isEmpty() ? upload.findElement(By.cssSelector("input[type=file]")) : inShadow.get(0);
    }

    /** JS: whether the grid row named {@code arguments[0]} is selected. */
    static final String SELECTED_JS = """
            const grid = document.getElementById('cells');
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              const td = tr.querySelector('td');
              if (!tr.hidden && td && td._content && td._content.textContent.trim() === arguments[0]) {
                return tr.hasAttribute('selected');
              }
            }
            return false;
            """;

    /** Saves a screenshot under the build folder's {@code screenshots/}. */
    static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
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
