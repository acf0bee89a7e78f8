package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * Timings of the grid taken by the page's own clock ({@code performance.now()}), for the speed
 * probes: from a click or a navigation until the grid has painted what changed. Each measures; none
 * judges (the machine's load decides the numbers).
 */
public final class GridTimings extends PagePart {
    /** JS: the value of every rendered row whose value moves with the weights (not inputs or constants), by name. */
    private static final String MOVING_ROWS_JS = """
            const grid = document.getElementById('cells');
            const out = {};
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
              if (tr.hidden) continue;
              const tds = tr.querySelectorAll('td');
              if (tds.length > 4 && tds[0]._content) {
                const kind = tds[2]._content.textContent.replace('⇄', '').trim(); // the input/weight switch's label
                if (kind !== 'input' && kind !== 'const') out[tds[0]._content.textContent.trim()] = tds[3]._content.textContent;
              }
            }
            return out;
            """;
    /** JS (async): clicks Apply SGD step; answers [painted, first grid change, every row changed] in ms, painted -1 if never. */
    private static final String SGD_STEP_JS = """
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
    /** JS (async): clicks Apply SGD step; answers the ms until row {@code arguments[1]}'s value changed on screen, or -1 after 15 s. */
    private static final String SGD_STEP_TO_VALUE_JS = """
            const done = arguments[arguments.length - 1];
            const cell = new Function(arguments[0]);
            const valueOf = () => cell(arguments[1], 3, false);
            const before = valueOf();
            const grid = document.getElementById('cells');
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              const now = valueOf();
              if (now !== null && now !== before) { obs.disconnect(); done(performance.now() - t0); }
            });
            obs.observe(grid, { subtree: true, childList: true, characterData: true });
            document.getElementById('sgd-apply').click();
            setTimeout(() => { obs.disconnect(); done(-1); }, 15000);
            """;
    /**
     * JS (async): waits until the grid shows row {@code arguments[0]}, then for the next paint, and
     * answers the ms since {@code window.gsStart} (0: since the navigation started), or -1 after two minutes.
     */
    private static final String ROW_PAINTED_JS = """
            const done = arguments[arguments.length - 1];
            const name = arguments[0];
            const start = window.gsStart || 0;
            const check = () => {
              const grid = document.getElementById('cells');
              if (grid && grid.shadowRoot) {
                for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                  const td = tr.querySelector('td');
                  if (!tr.hidden && td && td._content && td._content.textContent.trim() === name) {
                    requestAnimationFrame(() => done(performance.now() - start));
                    return;
                  }
                }
              }
              if (performance.now() > 120000 + start) done(-1); else setTimeout(check, 5);
            };
            check();
            """;
    /**
     * JS: watches the value of row {@code arguments[0]}; when it differs from now, records in
     * {@code window.gsChanged} the ms from {@code window.gsStart} to the next paint.
     */
    private static final String WATCH_JS = """
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
    private static final String TRIPS_JS = """
            return performance.getEntriesByType('resource')
              .filter(e => e.name.includes('v-r=uidl') && e.startTime >= window.gsStart)
              .map(e => Math.round(e.startTime - window.gsStart) + '+' + Math.round(e.responseStart - e.startTime)
                + '+' + Math.round(e.responseEnd - e.responseStart)).join(', ');
            """;

    public GridTimings(WebDriver driver) {
        super(driver);
    }

    /**
     * Clicks Apply SGD step and answers, in ms from the click: [every row on screen changed and
     * painted (-1: never within 20 s), the grid's first change, every row changed].
     */
    @SuppressWarnings("unchecked")
    public List<Number> sgdStepUntilEveryRowPainted() {
        return (List<Number>) asyncJs(SGD_STEP_JS, MOVING_ROWS_JS);
    }

    /** Clicks Apply SGD step and answers the ms until row {@code name}'s value changed on screen, or -1. */
    public double sgdStepUntilValueChanges(String name) {
        return ((Number) asyncJs(SGD_STEP_TO_VALUE_JS, GridPart.CELL_JS, name)).doubleValue();
    }

    /** Starts the page's stopwatch now. */
    public void markStart() {
        js("window.gsStart = performance.now()");
    }

    /** Waits until row {@code name} is painted; answers the ms since the stopwatch's start, or since the navigation began without one; -1 after two minutes. */
    public double untilRowPainted(String name) {
        return ((Number) asyncJs(ROW_PAINTED_JS, name)).doubleValue();
    }

    /** Watches row {@code name}'s value; answers it as it is now. */
    public String watchValue(String name) {
        return (String) js(WATCH_JS, name);
    }

    /** Waits until the watched value has changed and been painted; answers the ms since the stopwatch's start. */
    public long waitForWatchedChange(int seconds) {
        waitUpTo(seconds).withMessage("the watched value should change")
                .until(d -> ((Number) js("return window.gsChanged")).doubleValue() > 0);
        return Math.round(((Number) js("return window.gsChanged")).doubleValue());
    }

    /** The server round trips since the stopwatch's start ("sent+server wait+download" ms each). */
    public String roundTripsSinceStart() {
        return String.valueOf(js(TRIPS_JS));
    }
}
