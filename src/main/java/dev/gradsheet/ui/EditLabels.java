package dev.gradsheet.ui;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.ui.i18n.Texts;

/**
 * An edit's label in the page's language: the key {@code edit.<KIND>} of app.properties (and
 * {@code edit.<KIND>.one} where English says a count of one differently), filled with the label's
 * arguments — names, formulas and numbers exactly as the sheet writes them, and labels within the
 * label ("undo …", "a, then b") worded the same way.
 */
public final class EditLabels {
    private EditLabels() {
    }

    /** {@code label} in the current UI's language; "" for none. */
    public static String of(EditLabel label) {
        if (label == null) {
            return "";
        }
        return Texts.t("edit." + label.kind().name() + (label.singular() ? ".one" : ""),
                label.wordedArguments(EditLabels::of));
    }
}
