package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;

import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of the page: from the click on "Apply SGD step" until every row on screen shows its
 * new value, on a 1,000-cell and a 100,000-cell sheet where one step changes every computed cell.
 * Printed for docs/performance.md; never a timed assertion (the machine's load decides the numbers).
 */
class SpeedIT extends BrowserTestBase {
    /** JS: the text of every rendered row (name → value and gradient), as one array. */
    static final String ROWS_JS = """
            const grid = document.getElementById('cells');
            const out = {};
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (tds.length > 4 && tds[0]._content) {
                const kind = tds[2]._content.textContent.replace('⇄', '').trim(); // the input/weight switch's label
                // inputs and constants keep their values; every other cell's value moves with w
                if (kind !== 'input' && kind !== 'const') out[tds[0]._content.textContent.trim()] = tds[3]._content.textContent;
              }
            }
            return out;
            """;
    /** JS (async): clicks Apply SGD step and answers the ms until every row on screen changed, or -1. */
    static final String MEASURE_JS = """
            const done = arguments[arguments.length - 1];
            const rows = new Function(arguments[0]);
            const before = rows();
            const names = Object.keys(before);
            const grid = document.getElementById('cells');
            let finished = false;
            const allChanged = () => { const now = rows(); return names.every((n) => now[n] !== undefined && now[n] !== before[n]); };
            const finish = (ms) => { if (!finished) { finished = true; obs.disconnect(); done(ms); } };
            const t0 = performance.now();
            let first = -1;
            let changed = -1;
            const obs = new MutationObserver(() => {
              if (first < 0) first = performance.now() - t0; // the server's answer arrived and is being applied
              if (changed < 0 && allChanged()) {
                changed = performance.now() - t0;
                // on screen: after the browser has painted the change
                requestAnimationFrame(() => finish([performance.now() - t0, first, changed]));
              } });
            obs.observe(grid, { subtree: true, childList: true, characterData: true });
            document.getElementById('sgd-apply').click();
            setTimeout(() => finish([-1, first, changed]), 20000);
            """;

    /**
     * JS (async): waits until the grid shows the row {@code arguments[0]}, then for the next paint, and
     * answers the ms since the navigation started (the page's own clock), or -1 after two minutes.
     */
    static final String FIRST_ROWS_JS = """
            const done = arguments[arguments.length - 1];
            const name = arguments[0];
            const check = () => {
              const grid = document.getElementById('cells');
              if (grid && grid.shadowRoot) {
                for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                  const td = tr.querySelector('td');
                  if (!tr.hidden && td && td._content && td._content.textContent.trim() === name) {
                    requestAnimationFrame(() => done(performance.now()));
                    return;
                  }
                }
              }
              if (performance.now() > 120000) done(-1); else setTimeout(check, 5);
            };
            check();
            """;
    /**
     * JS: watches the value of row {@code arguments[0]}; when it differs from now, records in
     * {@code window.gsChanged} the ms from {@code window.gsStart} to the next paint.
     */
    static final String WATCH_JS = """
            const name = arguments[0];
            const grid = document.getElementById('cells');
            const value = () => {
              for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                const tds = tr.querySelectorAll('td');
                if (!tr.hidden && tds.length > 3 && tds[0]._content && tds[0]._content.textContent.trim() === name) {
                  return tds[3]._content.textContent;
                }
              }
              return undefined;
            };
            const before = value();
            window.gsChanged = -1;
            const obs = new MutationObserver(() => {
              const now = value();
              if (now !== undefined && now !== before && window.gsChanged < 0) {
                obs.disconnect();
                window.gsChanged = 0;
                requestAnimationFrame(() => { window.gsChanged = performance.now() - window.gsStart; });
              } });
            obs.observe(grid, { subtree: true, childList: true, characterData: true });
            return before;
            """;

    /**
     * JS: the server round trips since {@code window.gsStart}, each as "sent+server wait+download" in
     * ms (resource timing of Vaadin's UIDL requests), to see where an edit's time goes.
     */
    static final String TRIPS_JS = """
            return performance.getEntriesByType('resource')
              .filter(e => e.name.includes('v-r=uidl') && e.startTime >= window.gsStart)
              .map(e => Math.round(e.startTime - window.gsStart) + '+' + Math.round(e.responseStart - e.startTime)
                + '+' + Math.round(e.responseEnd - e.responseStart)).join(', ');
            """;

    @Autowired
    SheetRegistry registry;

    /**
     * {@code cells} cells: x, w, c1 = x·w, c(i) = c(i−1)·0.5 + w (three cells each: the constant, the
     * product, the sum) and L = c·w. Values stay near 2w, so every step moves every computed value.
     */
    static String damped(int cells) {
        int rows = (cells - 1) / 3;
        StringBuilder out = new StringBuilder("x = input(0.5)\nw = weight(1)\nc1 = x * w\n");
        for (int i = 2; i <= rows; i++) {
            out.append('c').append(i).append(" = c").append(i - 1).append(" * 0.5 + w\n");
        }
        out.append("L = c").append(rows).append(" * w\n");
        return out.toString();
    }

    private List<Long> measure(int cells, String firstFormula) throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(damped(cells), "damped.sheet"));
        assertThat(shared.sheet().size()).isEqualTo(cells);
        WebDriver b = newBrowser();
        LayoutIT.viewport(b, 1366, 768);
        b.get(url("sheet/" + shared.id()));
        waitForCell(b, "c1", FORMULA, firstFormula, 90);
        JavascriptExecutor js = (JavascriptExecutor) b;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            @SuppressWarnings("unchecked")
            List<Number> ms = (List<Number>) js.executeAsyncScript(MEASURE_JS, ROWS_JS);
            assertThat(ms.get(0).doubleValue()).as("every row on screen changed (first grid change at %s ms, all"
                    + " rows changed at %s ms)", ms.get(1), ms.get(2)).isNotNegative();
            times.add(Math.round(ms.get(0).doubleValue()));
            System.out.println("SPEED " + cells + " cells, run " + i + ": first grid change " + Math.round(ms.get(1).doubleValue())
                    + " ms, every row changed " + Math.round(ms.get(2).doubleValue()) + " ms, painted "
                    + Math.round(ms.get(0).doubleValue()) + " ms");
            Thread.sleep(300);
        }
        return times;
    }

    private static void report(String what, List<Long> times) {
        List<Long> warm = new ArrayList<>(times.subList(2, times.size())); // the first runs warm the JIT
        warm.sort(null);
        System.out.println("SPEED " + what + ": click to every row on screen updated, median "
                + warm.get(warm.size() / 2) + " ms, best " + warm.get(0) + " ms (all runs " + times + ")");
    }

    /**
     * Opens a sheet saved in the database (a fresh id each time, so every run loads it: read, parse,
     * build, first rows) and answers the ms from navigation start until row {@code firstRow} is painted.
     */
    private long open(WebDriver b, String text, String firstRow) {
        String id = SheetStore.newId();
        registry.store().save(id, text);
        b.get(url("sheet/" + id));
        Number ms = (Number) ((JavascriptExecutor) b).executeAsyncScript(FIRST_ROWS_JS, firstRow);
        assertThat(ms.doubleValue()).as("row %s shown", firstRow).isPositive();
        return Math.round(ms.doubleValue());
    }

    @Test
    void openingAHundredThousandCellSheet() throws Exception {
        String text = damped(100_000);
        WebDriver b = newBrowser();
        b.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
        LayoutIT.viewport(b, 1366, 768);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            times.add(open(b, text, "c1"));
            System.out.println("SPEED open 100,000 cells, run " + i + ": first rows painted " + times.get(i) + " ms");
        }
        List<Long> warm = new ArrayList<>(times.subList(1, times.size()));
        warm.sort(null);
        System.out.println("SPEED open 100,000 cells from the database: first rows painted, median "
                + warm.get(warm.size() / 2) + " ms (runs 2-5), best " + warm.get(0) + " ms (all runs " + times + ")");
    }

    /**
     * The 1.58M-cell MLP (512→512→512→1): open from the database, then edit a first-layer weight in
     * the grid until the product using it shows its new value. Opt-in ({@code -Dspeed.big=true}): it
     * needs about 2 GB of heap in the server and a minute or two.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "speed.big", matches = "true")
    void openingAndEditingTheMillionCellMlp() throws Exception {
        String text = dev.gradsheet.sheet.Generators.text(w -> dev.gradsheet.sheet.Generators.mlp(512, 1, w));
        WebDriver b = newBrowser();
        b.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
        LayoutIT.viewport(b, 1366, 768);
        List<Long> opens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opens.add(open(b, text, "x_0"));
            System.out.println("SPEED open 1.58M-cell MLP, run " + i + ": first rows painted " + opens.get(i) + " ms");
        }
        JavascriptExecutor js = (JavascriptExecutor) b;
        List<Long> edits = new ArrayList<>();
        js.executeScript("document.getElementById('cells').scrollToIndex(508)"); // w1_0_0, p1_0_0 … in view
        waitForCell(b, "p1_0_0", FORMULA, "w1_0_0 * x_0", 30);
        cellElement(b, "w1_0_0", VALUE).click();
        for (int i = 0; i < 7; i++) {
            if (i > 0) { // Enter moved the selection one row down, as in a spreadsheet: back up
                new org.openqa.selenium.interactions.Actions(b).sendKeys(org.openqa.selenium.Keys.ARROW_UP).perform();
            }
            waitFor(b, 20).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(SELECTED_JS, "w1_0_0")));
            js.executeScript(WATCH_JS, "p1_0_0");
            js.executeScript("window.gsStart = performance.now()"); // just before the keys: the key's trip counts too
            new org.openqa.selenium.interactions.Actions(b).sendKeys("0." + (i + 1)).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
            waitFor(b, 30).until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.gsChanged")).doubleValue() > 0);
            edits.add(Math.round(((Number) js.executeScript("return window.gsChanged")).doubleValue()));
            System.out.println("SPEED edit of w1_0_0 in the 1.58M-cell MLP, run " + i + ": p1_0_0 painted " + edits.get(i) + " ms;"
                    + " round trips " + js.executeScript(TRIPS_JS));
            Thread.sleep(300);
        }
        System.out.println("SPEED open 1.58M-cell MLP from the database: " + opens);
        report("edit of a weight, 1.58M cells (Enter to the product's new value painted)", edits);
    }

    @Test
    void aThousandCellSheet() throws Exception {
        report("1,000 cells", measure(1_000, "x * w"));
    }

    @Test
    void aHundredThousandCellSheet() throws Exception {
        report("100,000 cells", measure(100_000, "x * w"));
    }
}
