package dev.gradsheet.ui.train;

import dev.gradsheet.ui.common.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The training panel's one-line readout — step (of the planned total), epoch, loss, test loss and
 * speed — in the page's language, with the numbers written the same way in every language.
 */
final class StatusLine {
    private StatusLine() {
    }

    /**
     * The readout; {@code total} 0 means no planned end, and a NaN loss, test loss or speed is left out.
     * {@code sgd}: a run of plain SGD steps (no data).
     */
    static String of(boolean sgd, long step, long total, long epoch, double loss, double testLoss, double stepsPerSecond) {
        List<String> parts = new ArrayList<>();
        if (total > 0) {
            parts.add(TrainTexts.t(sgd ? "train.status.sgdStepOf" : "train.status.stepOf", step, total));
        } else {
            parts.add(TrainTexts.t(sgd ? "train.status.sgdStep" : "train.status.step", step));
        }
        parts.add(TrainTexts.t("train.status.epoch", epoch));
        if (!Double.isNaN(loss)) {
            parts.add(TrainTexts.t("train.status.loss", Format.readable(loss)));
        }
        if (!Double.isNaN(testLoss)) {
            parts.add(TrainTexts.t("train.status.testLoss", Format.readable(testLoss)));
        }
        if (!Double.isNaN(stepsPerSecond)) {
            parts.add(TrainTexts.t("train.status.speed", Math.round(stepsPerSecond)));
        }
        return String.join(" · ", parts);
    }
}
