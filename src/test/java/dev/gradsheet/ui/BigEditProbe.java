package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import com.vaadin.flow.component.UI;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A measurement, not a check of speed: the server side of an edit of {@code w1_0_0} on the
 * 1.58M-cell MLP page (opt-in with {@code -Dspeed.big=true}). Prints each edit's time and, from stack
 * samples of the edit's thread, which page classes the time is spent in. Only the values are asserted.
 * A probe, run with {@code -Pspeed}, not by {@code mvn verify}.
 */
class BigEditProbe extends KaribuTestBase {

    @Test
    void timesAnEditOfAWeightOnTheMillionCellPage() throws Exception {
        assumeTrue(Boolean.getBoolean("speed.big"), "opt-in: -Dspeed.big=true");
        SharedSheet shared = registry.create(SheetFile.parse(Generators.text(w -> Generators.mlp(512, 1, w)), "mlp.sheet"));
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        SheetView view = _get(SheetView.class);
        Map<String, Integer> samples = new HashMap<>();
        Thread edits = Thread.currentThread();
        AtomicBoolean sampling = new AtomicBoolean(false);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (sampling.get()) {
                    StackTraceElement[] stack = edits.getStackTrace();
                    // the outermost frames of the project's own code below the test say whose time it is
                    java.util.List<String> own = Arrays.stream(stack)
                            .filter(f -> f.getClassName().startsWith("dev.gradsheet") && !f.getClassName().contains("Probe"))
                            .map(f -> f.getClassName().replace("dev.gradsheet.", "") + "." + f.getMethodName())
                            .distinct().toList();
                    // innermost three of the project's frames: which subscriber and what inside it
                    String key = String.join(" < ", own.subList(0, Math.min(3, own.size())));
                    String top = stack.length > 0 ? stack[0].getClassName() + "." + stack[0].getMethodName() : "?";
                    samples.merge(key + "  @" + top, 1, Integer::sum);
                }
                try {
                    Thread.sleep(2); // the sampling interval: a sample every 2 ms, not a wait for anything
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long[] times = new long[9];
        for (int i = 0; i < times.length; i++) {
            String value = "0." + (11 + i);
            if (i >= 2) sampling.set(true);
            long t0 = System.nanoTime();
            SheetPresenter.Outcome o = view.presenter().setValue("w1_0_0", value);
            roundtrip();
            times[i] = System.nanoTime() - t0;
            sampling.set(false);
            assertThat(o.ok()).isTrue();
            assertThat(shared.sheet().value("w1_0_0")).isEqualTo(Double.parseDouble(value));
        }
        sampler.interrupt();
        long[] warm = Arrays.copyOfRange(times, 2, times.length);
        Arrays.sort(warm);
        System.out.printf("EDIT w1_0_0 ms: %s; median of the last %d: %.1f ms%n",
                Arrays.toString(Arrays.stream(times).map(t -> t / 1_000_000).toArray()), warm.length, warm[warm.length / 2] / 1e6);
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                .forEach(e -> System.out.println("SAMPLE " + e.getValue() + "  " + e.getKey()));
    }
}
