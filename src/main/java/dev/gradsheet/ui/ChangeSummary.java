package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One short sentence for a screen reader about an edit made elsewhere (another tab, or a training
 * run in the background), from the edit's label and the objective line as the page shows it:
 * "z changed to -3.88 by another tab. L = 3.2".
 */
final class ChangeSummary {
    private static final Pattern SET_ONE = Pattern.compile("set (\\S+) = (\\S+)");
    private static final Pattern PROGRESS = Pattern.compile("(.+): step (\\d+)");

    private ChangeSummary() {
    }

    /**
     * @param label     the edit's label ({@code set z = -3.88}, {@code SGD step (lr 0.01)}, {@code undo …},
     *                  {@code train 5 epochs: step 40}, …)
     * @param objective the objective as the page's head shows it ({@code L = 2.6896}; {@code L = ?} in
     *                  practice mode), or null
     */
    static String of(String label, String objective) {
        String tail = objective == null || objective.isBlank() ? "" : " " + objective + ".";
        String shown = EditLabels.of(label);
        Matcher set = SET_ONE.matcher(label);
        if (set.matches()) {
            return Texts.t("live.set", set.group(1), set.group(2)) + tail;
        }
        if (label.startsWith("undo ")) {
            return Texts.t("live.undone", EditLabels.of(label.substring(5))) + tail;
        }
        if (label.startsWith("redo ")) {
            return Texts.t("live.redone", EditLabels.of(label.substring(5))) + tail;
        }
        Matcher progress = PROGRESS.matcher(label);
        if (progress.matches()) {
            return Texts.t("live.running", EditLabels.of(progress.group(1)), progress.group(2)) + tail;
        }
        if (label.startsWith("train ") || label.contains(" SGD steps ")) {
            return Texts.t("live.finished", shown) + tail;
        }
        return Texts.t("live.changed", shown) + tail;
    }
}
