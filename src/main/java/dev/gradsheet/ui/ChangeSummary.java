package dev.gradsheet.ui;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabel.Kind;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.ui.i18n.Texts;
import java.util.EnumSet;
import java.util.Set;

/**
 * One short sentence for a screen reader about an edit made elsewhere (another tab, or a training
 * run in the background), from the edit's label and the objective line as the page shows it:
 * "z changed to -3.88 by another tab. L = 3.2".
 */
final class ChangeSummary {
    /** The ends of runs (training, many SGD steps): "Finished …". */
    private static final Set<Kind> RUNS = EnumSet.of(Kind.SGD_STEPS, Kind.TRAIN_EPOCHS, Kind.TRAIN_AT,
            Kind.TRAIN_STEP, Kind.STOPPED, Kind.TRAINED);

    private ChangeSummary() {
    }

    /**
     * @param label     the edit's label (a value set, an SGD step, an undo, a run's progress, …)
     * @param objective the objective as the page's head shows it ({@code L = 2.6896}; {@code L = ?} in
     *                  practice mode), or null
     */
    static String of(EditLabel label, String objective) {
        String tail = objective == null || objective.isBlank() ? "" : " " + objective + ".";
        return switch (label.kind()) {
            case SET_VALUE -> Texts.t("live.set", label.text(0), Numbers.exact(label.number(1))) + tail;
            case UNDO -> Texts.t("live.undone", EditLabels.of(label.label(0))) + tail;
            case REDO -> Texts.t("live.redone", EditLabels.of(label.label(0))) + tail;
            case PROGRESS -> Texts.t("live.running", EditLabels.of(label.label(0)), Long.toString(label.count(1))) + tail;
            default -> Texts.t(RUNS.contains(label.kind()) ? "live.finished" : "live.changed", EditLabels.of(label)) + tail;
        };
    }
}
