package dev.gradsheet.ui.train;

import com.vaadin.flow.component.UI;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.ui.KaribuTestBase;
import dev.gradsheet.server.SharedSheet;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** Browserless tests of the training UI: the web sheet's Karibu setup, opening a sheet's training panel. */
abstract class TrainKaribuTestBase extends KaribuTestBase {
    /** The tests read English texts unless they choose Korean, whatever the JVM's locale; runs after the mocked UI is set up. */
    @BeforeEach
    void speakEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    /** Creates a shared sheet from {@code .sheet} text, opens its page and returns its training panel. */
    TrainingPanel open(String sheetText) throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(sheetText, "test.sheet"));
        return open(shared);
    }

    TrainingPanel open(SharedSheet shared) {
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        _get(dev.gradsheet.ui.SheetView.class).showTab("tab-training"); // the panel lives in its own tab
        return _get(TrainingPanel.class);
    }

    /**
     * A line (out = w·x1 + b, MSE) fitted to the noisy line with far too large a learning rate (5, batches
     * of 30), Play pressed: the run blows up and stops itself.
     */
    TrainingPanel startDivergingLine() throws Exception {
        TrainingPanel panel = open("x1 = input(0)\nw = weight(0)\nb = weight(0)\nout = w * x1 + b\ny = input(0)\n"
                + "L = mse(out, y)\n");
        org.assertj.core.api.Assertions.assertThat(panel.data.use(dev.gradsheet.train.BuiltInData.NOISY_LINE.table(),
                "noisy line")).isTrue();
        panel.settings.batch.setValue(30);
        panel.settings.learningRate.setValue(5.0);
        panel.transport.start.click();
        return panel;
    }

    /**
     * Fills the server's job pool: every worker runs a job that waits for {@code release}, and two more
     * jobs wait behind them. Returns their tickets (cancel them, and count {@code release} down, when done).
     */
    java.util.List<dev.gradsheet.jobs.JobPool.Ticket> fillTheJobPool(java.util.concurrent.CountDownLatch release)
            throws InterruptedException {
        dev.gradsheet.jobs.JobPool pool = registry.jobs();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(pool.workers());
        java.util.List<dev.gradsheet.jobs.JobPool.Ticket> others = new java.util.ArrayList<>();
        for (int i = 0; i < pool.workers() + 2; i++) { // every worker busy, two more jobs waiting
            others.add(pool.submit(() -> {
                running.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        org.assertj.core.api.Assertions.assertThat(running.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return others;
    }

    static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }
}
