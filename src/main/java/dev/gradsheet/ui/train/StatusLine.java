package dev.gradsheet.ui.train;

import dev.gradsheet.ui.common.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The training panel's one-line readout — where a waiting run stands in the queue, or step (of the
 * planned total), epoch, loss, test loss and speed — in the page's language, with the numbers written
 * the same way in every language.
 */
final class StatusLine {
    private StatusLine() {
    }

    /** The readout's words; a total of 0 means no planned end, and a NaN loss, test loss or speed is left out. */
    static String of(TrainingPresenter.Readout r) {
        if (r.waiting()) {
            return r.ahead() == 0 ? TrainTexts.t("train.status.waitingNext") : TrainTexts.t("train.status.waiting", r.ahead());
        }
        List<String> parts = new ArrayList<>();
        if (r.total() > 0) {
            parts.add(TrainTexts.t(r.sgd() ? "train.status.sgdStepOf" : "train.status.stepOf", r.step(), r.total()));
        } else {
            parts.add(TrainTexts.t(r.sgd() ? "train.status.sgdStep" : "train.status.step", r.step()));
        }
        parts.add(TrainTexts.t("train.status.epoch", r.epoch()));
        if (!Double.isNaN(r.loss())) {
            parts.add(TrainTexts.t("train.status.loss", Format.readable(r.loss())));
        }
        if (!Double.isNaN(r.testLoss())) {
            parts.add(TrainTexts.t("train.status.testLoss", Format.readable(r.testLoss())));
        }
        if (!Double.isNaN(r.stepsPerSecond())) {
            parts.add(TrainTexts.t("train.status.speed", Math.round(r.stepsPerSecond())));
        }
        return String.join(" · ", parts);
    }
}
