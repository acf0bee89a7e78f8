package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An edit's label in the page's language. The engine names its edits in English ("set z = -3",
 * "SGD step (lr 0.01)", "undo rename q to s"), because the command line and the saved history read
 * them; the page shows them through keys {@code edit.<form>} of app.properties, keeping the names,
 * formulas and numbers in them as written. A label of no known form is shown as it is.
 */
final class EditLabels {
    /** One form of label: its pattern and the key whose arguments are the pattern's groups. */
    private record Form(Pattern pattern, String key) {
    }

    private static final List<Form> FORMS = List.of(
            form("set (\\S+) = (\\S+)", "edit.set"),
            form("set (\\d+) values", "edit.setMany"),
            form("add (\\S+)", "edit.add"),
            form("delete (\\S+)", "edit.delete"),
            form("rename (\\S+) to (\\S+)", "edit.rename"),
            form("formula (\\S+) = (.+)", "edit.formula"),
            form("make (\\S+) a weight", "edit.makeWeight"),
            form("make (\\S+) an input", "edit.makeInput"),
            form("SGD step \\(lr (\\S+)\\)", "edit.sgdStep"),
            form("(\\d+) SGD steps \\(lr (\\S+)\\)", "edit.sgdSteps"),
            form("train (\\d+) epochs? \\(batch (\\d+), lr (\\S+)\\)", "edit.trainEpochs"),
            form("train at lr (\\S+) \\(batch (\\d+)\\)", "edit.trainAt"),
            form("train 1 step at lr (\\S+) \\(step (\\d+)\\)", "edit.trainStep"),
            form("restore revision #(\\d+)", "edit.restore"),
            form("upload", "edit.upload"));

    /** Edits saved together (history): "a (+3 more)" and "a, then b". */
    private static final Pattern MORE = Pattern.compile("(.+) \\(\\+(\\d+) more\\)");

    private EditLabels() {
    }

    private static Form form(String regex, String key) {
        return new Form(Pattern.compile(regex), key);
    }

    /** {@code label} in the current UI's language; "undo …" and "redo …" wrap the edit they name. */
    static String of(String label) {
        if (label == null) {
            return "";
        }
        if (Texts.english()) {
            return label; // the engine's own English, exactly as before (the keys' English is for completeness)
        }
        if (label.startsWith("undo ")) {
            return Texts.t("edit.undo", of(label.substring(5)));
        }
        if (label.startsWith("redo ")) {
            return Texts.t("edit.redo", of(label.substring(5)));
        }
        Matcher more = MORE.matcher(label);
        if (more.matches()) {
            return Texts.t("edit.more", of(more.group(1)), more.group(2));
        }
        int then = label.indexOf(", then ");
        if (then > 0) {
            return Texts.t("edit.then", of(label.substring(0, then)), of(label.substring(then + 7)));
        }
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(label);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Texts.t(f.key(), args);
            }
        }
        return label;
    }
}
