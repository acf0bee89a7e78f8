package dev.gradsheet.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.train.Templates;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs wait for a free worker of the server's one pool, and say how many are ahead. */
class JobQueueTest extends TrainKaribuTestBase {

    @Test
    void aRunWaitsForAFreeWorkerSaysHowManyAreAheadAndCanBeStoppedWhileWaiting() throws Exception {
        TrainingPanel panel = open(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0));
        panel.data.builtIn.setValue(dev.gradsheet.train.BuiltInData.AND);
        roundtrip();
        long version = panel.shared().sheet().version();
        CountDownLatch release = new CountDownLatch(1);
        List<JobPool.Ticket> others = fillTheJobPool(release);
        try {
            panel.transport.start.click();
            roundtrip();
            assertThat(panel.readout.status.getText()).isEqualTo("waiting for a free worker (2 ahead)");
            assertThat(panel.transport.stop.isEnabled()).isTrue();
            assertThat(panel.transport.start.isEnabled()).isFalse();
            // the queue moves: one waiting job leaves
            others.get(others.size() - 1).cancel();
            await().pollInSameThread().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
                roundtrip();
                assertThat(panel.readout.status.getText()).isEqualTo("waiting for a free worker (1 ahead)");
            });
            panel.transport.stop.click();
            panel.finished().get(10, TimeUnit.SECONDS);
            roundtrip();
            assertThat(panel.summary.finalLoss.getText()).isEqualTo("Stopped before it started; nothing was changed.");
            assertThat(panel.transport.start.isEnabled()).isTrue();
            assertThat(panel.shared().sheet().version()).isEqualTo(version);
        } finally {
            release.countDown();
            others.forEach(JobPool.Ticket::cancel);
        }
    }

    @Test
    void epochsBeyondTheServersLimitAreRefused() throws Exception {
        TrainingPanel panel = open(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0));
        panel.data.builtIn.setValue(dev.gradsheet.train.BuiltInData.AND);
        roundtrip();
        panel.settings.epochs.setValue(registry.limits().maxEpochs() + 1);
        panel.transport.start.click();
        assertThat(panel.error.getText()).isEqualTo("at most 1000000 epochs per run on this server");
        assertThat(panel.job()).isNull();
    }
}
