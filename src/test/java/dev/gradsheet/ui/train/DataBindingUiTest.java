package dev.gradsheet.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import dev.gradsheet.train.Templates;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** In the web sheet, as on the command line: an upload must bind every input the sheet takes from data. */
class DataBindingUiTest extends TrainKaribuTestBase {
    @Test
    void anUploadWithoutTheTargetColumnIsRefusedAndChangesNothing() throws Exception {
        TrainingPanel panel = open(Templates.sigmoidNeuron(Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0));
        String before = panel.shared().sheet().toString();
        UploadKt._upload(panel.data.upload, "noy.csv", "text/csv", "x1,x2\n0,1\n1,0\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        assertThat(panel.data.errorLines()).contains("noy.csv:1: missing column y (the objective L depends on it)");
        assertThat(panel.shared().data()).isNull();
        assertThat(panel.shared().sheet().toString()).isEqualTo(before);
        UploadKt._upload(panel.data.upload, "nul.csv", "text/csv", "x1,x2,y\n0\u0000,1,1\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        assertThat(panel.data.errorLines()).contains("nul.csv:2: column x1: '0\\x00' is not a number");
        assertThat(panel.shared().data()).isNull();
        UploadKt._upload(panel.data.upload, "ok.csv", "text/csv", "x1,x2,y\n0,1,1\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        assertThat(panel.shared().data()).isNotNull();
    }
}
