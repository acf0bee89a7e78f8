package dev.gradsheet.ui;

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
        Matcher set = SET_ONE.matcher(label);
        if (set.matches()) {
            return set.group(1) + " changed to " + set.group(2) + " by another tab." + tail;
        }
        if (label.startsWith("undo ")) {
            return "Undone in another tab: " + label.substring(5) + "." + tail;
        }
        if (label.startsWith("redo ")) {
            return "Redone in another tab: " + label.substring(5) + "." + tail;
        }
        Matcher progress = PROGRESS.matcher(label);
        if (progress.matches()) {
            return "Running " + progress.group(1) + ", step " + progress.group(2) + "." + tail;
        }
        if (label.startsWith("train ") || label.contains(" SGD steps ")) {
            return "Finished " + label + "." + tail;
        }
        return "Changed by another tab: " + label + "." + tail;
    }
}
