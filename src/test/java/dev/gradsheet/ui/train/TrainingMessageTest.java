package dev.gradsheet.ui.train;

import com.vaadin.flow.component.button.Button;
import dev.gradsheet.train.Templates;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What the panel says about a run goes once the run is undone. */
class TrainingMessageTest extends TrainKaribuTestBase {

    @Test
    void undoingARunTakesItsResultAway() throws Exception {
        TrainingPanel panel = open(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0)
                + "@data = x1, x2, y\n@row = 0, 0, 0\n@row = 0, 1, 0\n@row = 1, 0, 0\n@row = 1, 1, 1\n");
        panel.settings.epochs.setValue(20);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(panel.summary.finalLoss.getText()).startsWith("Done: 20 steps.").endsWith("Undo reverts the whole run.");
        assertThat(panel.summary.numbersNote.isVisible()).isTrue();
        Button undo = _get(Button.class, s -> s.withId("undo"));
        assertThat(undo.getText()).startsWith("Undo train");
        undo.click();
        roundtrip();
        assertThat(panel.summary.finalLoss.getText()).isEmpty();
        assertThat(panel.summary.numbersNote.isVisible()).isFalse();
    }
}
