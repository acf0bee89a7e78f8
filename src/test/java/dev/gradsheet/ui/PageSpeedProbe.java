package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.FORMULA;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;

import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.ui.pages.GridTimings;
import dev.gradsheet.ui.pages.SheetPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of the page: from the click on "Apply SGD step" until every row on screen shows its
 * new value, on a 1,000-cell and a 100,000-cell sheet where one step changes every computed cell;
 * opening a 100,000-cell sheet; opt-in, the 1.58M-cell MLP. Printed for docs/performance.md, never a
 * timed assertion (the machine's load decides the numbers): a probe, run with {@code -Pspeed}, not
 * by {@code mvn verify}.
 */
class PageSpeedProbe extends BrowserTestBase {
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
        viewport(b, 1366, 768);
        openSheet(b, shared.id()).grid().waitFor("c1", FORMULA, firstFormula, 90);
        GridTimings timings = new GridTimings(b);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            List<Number> ms = timings.sgdStepUntilEveryRowPainted();
            assertThat(ms.get(0).doubleValue()).as("every row on screen changed (first grid change at %s ms, all"
                    + " rows changed at %s ms)", ms.get(1), ms.get(2)).isNotNegative();
            times.add(Math.round(ms.get(0).doubleValue()));
            System.out.println("SPEED " + cells + " cells, run " + i + ": first grid change " + Math.round(ms.get(1).doubleValue())
                    + " ms, every row changed " + Math.round(ms.get(2).doubleValue()) + " ms, painted "
                    + Math.round(ms.get(0).doubleValue()) + " ms");
            timings.waitForServer(); // the step's last answers (the graph's, the history's) are in before the next click
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
        openSheet(b, id);
        double ms = new GridTimings(b).untilRowPainted(firstRow);
        assertThat(ms).as("row %s shown", firstRow).isPositive();
        return Math.round(ms);
    }

    @Test
    void openingAHundredThousandCellSheet() throws Exception {
        String text = damped(100_000);
        WebDriver b = newBrowser();
        b.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
        viewport(b, 1366, 768);
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
    @EnabledIfSystemProperty(named = "speed.big", matches = "true")
    void openingAndEditingTheMillionCellMlp() throws Exception {
        String text = dev.gradsheet.sheet.Generators.text(w -> dev.gradsheet.sheet.Generators.mlp(512, 1, w));
        WebDriver b = newBrowser();
        b.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
        viewport(b, 1366, 768);
        List<Long> opens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opens.add(open(b, text, "x_0"));
            System.out.println("SPEED open 1.58M-cell MLP, run " + i + ": first rows painted " + opens.get(i) + " ms");
        }
        SheetPage sheet = new SheetPage(b);
        GridTimings timings = new GridTimings(b);
        List<Long> edits = new ArrayList<>();
        sheet.grid().scrollToIndex(508); // w1_0_0, p1_0_0 … in view
        sheet.grid().waitFor("p1_0_0", FORMULA, "w1_0_0 * x_0", 30);
        sheet.grid().click("w1_0_0", dev.gradsheet.ui.pages.GridPart.VALUE);
        for (int i = 0; i < 7; i++) {
            if (i > 0) { // Enter moved the selection one row down, as in a spreadsheet: back up
                sheet.press(Keys.ARROW_UP);
            }
            sheet.grid().waitUntilSelected("w1_0_0");
            timings.watchValue("p1_0_0");
            timings.markStart(); // just before the keys: the key's trip counts too
            sheet.press("0." + (i + 1), Keys.ENTER);
            edits.add(timings.waitForWatchedChange(30));
            System.out.println("SPEED edit of w1_0_0 in the 1.58M-cell MLP, run " + i + ": p1_0_0 painted " + edits.get(i) + " ms;"
                    + " round trips " + timings.roundTripsSinceStart());
            timings.waitForServer(); // the edit's last answers are in before the next edit
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
