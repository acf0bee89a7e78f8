package dev.gradsheet.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, pinned) for the browser tests. It is never part of the app: the first
 * test that needs it installs it with npm into the build folder ({@code target/axe}), so a clean
 * clone needs only npm and the registry; later runs reuse it. {@link #violations} injects it into
 * the page and returns the serious and critical violations.
 */
final class AxeCore {
    static final String VERSION = "4.10.3";
    private static String script;

    private AxeCore() {
    }

    /** One violation as axe reports it: rule id, impact, the CSS targets of its nodes, help text. */
    record Violation(String id, String impact, List<String> targets, String help, String helpUrl) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + "\n    on " + String.join("\n       ", targets)
                    + "\n    see " + helpUrl;
        }
    }

    /** The source of axe.min.js, installing it with npm into the build folder the first time. */
    static synchronized String script() throws IOException, InterruptedException {
        if (script != null) {
            return script;
        }
        Path dir = BrowserTestBase.buildDir().resolve("axe");
        Path js = dir.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(js) || !Files.readString(dir.resolve("node_modules/axe-core/package.json"))
                .contains("\"version\": \"" + VERSION + "\"")) {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-package-lock", "--no-audit",
                    "--no-fund", "--prefix", dir.toString(), "axe-core@" + VERSION)
                    .redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(js)) {
                throw new IllegalStateException("could not install axe-core@" + VERSION + " with npm into " + dir
                        + " (npm and the npm registry are needed for the accessibility tests):\n" + out);
            }
        }
        script = Files.readString(js);
        return script;
    }

    /**
     * Runs axe on the whole page (shadow roots included) and returns its serious and critical
     * violations, WCAG 2.1 A/AA rules and best practices.
     */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(WebDriver driver) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(script());
        }
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        List<Map<String, Object>> raw = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  targets: v.nodes.map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
                })))).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), helpUrl: '', targets: []}]));
                """);
        List<Violation> out = new ArrayList<>();
        for (Map<String, Object> v : raw) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(new Violation((String) v.get("id"), impact, (List<String>) v.get("targets"),
                        (String) v.get("help"), (String) v.get("helpUrl")));
            }
        }
        return out;
    }
}
