package dev.gradsheet.ui.pages;

import dev.gradsheet.load.agent.LatencyLog;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load test's stopwatch: a Chromium page on a sheet of its own that, while the class works,
 * times what a student waits for, by the page's own clock ({@code performance.now()}): from the
 * key or click (caught by a capturing listener) to the frame after the page shows the answer (a
 * mutation observer, then {@code requestAnimationFrame}). Enter → the new gradient of z in the
 * grid; "Apply SGD step" click → f's new value; Pause click → "Paused at step …". A measurement
 * with no answer within {@link #GIVE_UP_MS} counts as that long.
 */
public final class MeasuringTab {
    static final long GIVE_UP_MS = 30_000;
    /** The values typed into z; the worked example's dL/dz is then 18z + 60. */
    private static final List<Integer> Z_VALUES = List.of(-3, -5, -2, -6, -1, -4);

    /** JS: catches the moment of a key or click once per measurement (installed once per page). */
    static final String INSTALL_JS = """
            if (!window.__loadInstalled) {
              window.__loadInstalled = true;
              window.addEventListener('keydown', e => {
                const g = window.__load;
                if (g && g.key === e.key && g.start === null) g.start = performance.now();
              }, true);
              window.addEventListener('click', e => {
                const g = window.__load;
                if (g && g.click && g.start === null && e.composedPath().some(n => n.id === g.click)) g.start = performance.now();
              }, true);
            }
            """;
    /**
     * JS: arms a measurement. Arguments: the key or the clicked element's id that starts it, then
     * what ends it: 'cellIs' (row name, column, text), 'cellChanges' (row name, column) or
     * 'textChangesTo' (element id, prefix).
     */
    static final String ARM_JS = """
            const [key, click, kind, a, b, c] = arguments;
            const cellText = (name, col) => {
              const grid = document.getElementById('cells');
              for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                if (tr.hidden) continue;
                const tds = tr.querySelectorAll('td');
                if (tds.length > col && tds[0]._content && tds[0]._content.textContent.trim() === name) {
                  return tds[col]._content.textContent.trim();
                }
              }
              return null;
            };
            if (window.__load && window.__load.obs) window.__load.obs.disconnect();
            const g = window.__load = {start: null, end: null, key: key, click: click};
            let check, root;
            if (kind === 'cellIs') {
              check = () => cellText(a, b) === c;
              root = document.getElementById('cells');
            } else if (kind === 'cellChanges') {
              const before = cellText(a, b);
              check = () => { const t = cellText(a, b); return t !== null && t !== before; };
              root = document.getElementById('cells');
            } else {
              const el = document.getElementById(a);
              const before = el.textContent.trim();
              check = () => { const t = el.textContent.trim(); return t !== before && t.startsWith(b); };
              root = el;
            }
            g.obs = new MutationObserver(() => {
              if (g.end === null && g.start !== null && check()) {
                g.obs.disconnect();
                requestAnimationFrame(() => { g.end = performance.now(); });
              }
            });
            g.obs.observe(root, {subtree: true, childList: true, characterData: true});
            """;
    static final String RESULT_JS = "const g = window.__load; return g && g.end !== null ? g.end - g.start : null;";

    private final LoadSheetPage page;
    private final LatencyLog enter = new LatencyLog();
    private final LatencyLog sgd = new LatencyLog();
    private final LatencyLog pause = new LatencyLog();
    private int gaveUp;
    private volatile boolean running = true;

    public MeasuringTab(LoadSheetPage page) {
        this.page = page;
    }

    /** Enter → screen and SGD → screen on the worked example (opened at {@code url}) until {@link #stop()}. */
    public void measureEdits(String url) {
        page.open(url, "z");
        for (int i = 0; running; i++) {
            int z = Z_VALUES.get(i % Z_VALUES.size());
            page.typeValue("z", String.valueOf(z));
            arm("Enter", null, "cellIs", "z", LoadSheetPage.GRAD, String.valueOf(18 * z + 60));
            page.enter();
            enter.add(result());
            pause(1000);
            arm(null, "sgd-apply", "cellChanges", "f", LoadSheetPage.VALUE, null);
            page.click("sgd-apply");
            sgd.add(result());
            pause(1500);
        }
    }

    /** Pause → paused on an XOR 2-4-1 run of its own (built at {@code url}) until {@link #stop()}. */
    public void measurePauses(String url) {
        page.open(url, "z");
        page.openTemplate("4", null);
        while (running) {
            page.click("train-start");
            pause(3000);
            arm(null, "train-stop", "textChangesTo", "final-loss", "Paused", null);
            page.click("train-stop");
            pause.add(result());
            page.browser().waitFor(60, "the run paused", d -> page.paused());
            pause(1500);
        }
    }

    private void arm(String key, String click, String kind, Object a, Object b, Object c) {
        page.browser().js(INSTALL_JS);
        page.browser().js(ARM_JS, key, click, kind, a, b, c);
    }

    /** The measured milliseconds, or {@link #GIVE_UP_MS} when the answer did not come. */
    private double result() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS);
        while (System.nanoTime() < deadline) {
            Object ms = page.browser().js(RESULT_JS);
            if (ms != null) {
                return ((Number) ms).doubleValue();
            }
            pause(20);
        }
        gaveUp++;
        return GIVE_UP_MS;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        running = false;
    }

    public LatencyLog enter() {
        return enter;
    }

    public LatencyLog sgd() {
        return sgd;
    }

    public LatencyLog pause() {
        return pause;
    }

    /** Measurements that got no answer within {@link #GIVE_UP_MS}. */
    public int gaveUp() {
        return gaveUp;
    }
}
