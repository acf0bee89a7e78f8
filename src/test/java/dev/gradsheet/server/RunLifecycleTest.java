package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.jobs.PlayState;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to a sheet's training run when nobody watches it and when the server stops: a run no
 * tab shows pauses by itself, and shutdown pauses every run and saves where each got to.
 */
class RunLifecycleTest {
    @TempDir
    Path dir;
    private SheetRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.shutdown();
        }
    }

    private SheetRegistry registry(Duration unwatchedPause) {
        ServerLimits limits = ServerLimits.defaults();
        JobPool pool = new JobPool(limits.workers(), limits.queue(), 1, 2);
        registry = new SheetRegistry(SheetStore.embedded(dir, HistoryPolicy.DEFAULT), limits, pool,
                new RunLimits(1, 2, unwatchedPause));
        return registry;
    }

    /** A 2-4-1 network on XOR, played until paused. */
    private TrainingJob play(SharedSheet shared) {
        shared.dataHolder().set(BuiltInData.XOR.table());
        PlayState state = shared.training().play(shared.sheet(), shared.data(), 4, 1, true, 0);
        return shared.training().start(() -> TrainingJob.play(state, 0.5, Long.MAX_VALUE, true, 0, registry.jobs(),
                TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS, "visitor"));
    }

    private SharedSheet xorSheet() throws Exception {
        return registry.create(SheetFile.parse(Templates.mlp(2, List.of(4), Activation.TANH,
                Templates.Loss.CROSS_ENTROPY, false, 1), "xor.sheet"));
    }

    @Test
    void aRunNoTabShowsPausesByItselfAndOneThatIsWatchedGoesOn() throws Exception {
        registry(Duration.ofMillis(400));
        SharedSheet watched = xorSheet();
        registry.opened(watched);
        TrainingJob going = play(watched);
        SharedSheet left = xorSheet();
        TrainingJob alone = play(left);

        alone.result().get(10, TimeUnit.SECONDS); // paused, not failed
        assertThat(alone.pausedUnwatched()).isTrue();
        assertThat(alone.result().get().stopped()).isTrue();
        assertThat(left.training().play().loop().steps()).isPositive(); // its state stays, ready to Play on
        Thread.sleep(800);
        assertThat(going.isDone()).as("a run somebody watches").isFalse();

        registry.closed(watched); // the last tab went away
        going.result().get(10, TimeUnit.SECONDS);
        assertThat(going.pausedUnwatched()).isTrue();
    }

    @Test
    void shutdownPausesEveryRunAndSavesWhereItGotTo() throws Exception {
        registry(Duration.ofMinutes(1));
        SharedSheet shared = xorSheet();
        registry.opened(shared);
        TrainingJob run = play(shared);
        for (int i = 0; i < 500 && shared.training().play().loop().steps() < 50; i++) {
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        registry.shutdown();
        registry = null;
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to shut down").isLessThan(SheetRegistry.SHUTDOWN_RUNS_MS / 1000.0 + 3);
        assertThat(run.isDone()).isTrue();
        assertThat(run.result().get().stopped()).isTrue();

        SheetRegistry restarted = new SheetRegistry(dir.toString());
        try {
            SharedSheet again = restarted.find(shared.id()).orElseThrow();
            assertThat(again.text()).isEqualTo(shared.text()); // every weight the run reached
        } finally {
            restarted.shutdown();
        }
    }
}
