package dev.gradsheet.server;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabel.Kind;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the English names revisions were saved with before edits carried an {@link EditLabel}
 * ("set z = -3", "undo SGD step (lr 0.01), then add h (+2 more)"): used once, by
 * {@link EditLabelsMigration}, to give every old revision its typed label. A name of no form known
 * then, or with a number cut short at 200 characters, is kept as {@link Kind#VERBATIM} text.
 */
final class LegacyEditLabels {
    /** One form of name: its pattern (matched whole) and the label made from its groups. */
    private record Form(Pattern pattern, Function<Matcher, EditLabel> label) {
    }

    /** The outermost forms first: how saves were named around the edits' own names. */
    private static final List<Form> FORMS = List.of(
            form("(.+) \\(conflicted with another server's; theirs kept\\)", m -> EditLabel.of(Kind.CONFLICTED, read(m.group(1)))),
            form("(.+) \\(merged with another server's\\)", m -> EditLabel.of(Kind.MERGED, read(m.group(1)))),
            form("(.+) \\(\\+(\\d+) more\\)", m -> EditLabel.of(Kind.MORE, read(m.group(1)), count(m, 2))),
            form("(.+?), then (.+)", m -> EditLabel.of(Kind.THEN, read(m.group(1)), read(m.group(2)))),
            form("undo (.+)", m -> EditLabel.undo(read(m.group(1)))),
            form("redo (.+)", m -> EditLabel.redo(read(m.group(1)))),
            form("(.+), stopped at step (\\d+)", m -> EditLabel.stopped(read(m.group(1)), count(m, 2))),
            form("(.+): (\\d+) steps? to epoch (\\d+)", m -> EditLabel.trained(read(m.group(1)), count(m, 2), count(m, 3))),
            form("(.+): step (\\d+)", m -> EditLabel.progress(read(m.group(1)), count(m, 2))),
            form("set (\\d+) values", m -> EditLabel.of(Kind.SET_VALUES, count(m, 1))),
            form("set (\\S+) = (\\S+)", m -> EditLabel.of(Kind.SET_VALUE, m.group(1), number(m, 2))),
            form("formula (\\S+) = (.*)", m -> EditLabel.of(Kind.FORMULA, m.group(1), m.group(2))),
            form("make (\\S+) a weight", m -> EditLabel.of(Kind.MAKE_WEIGHT, m.group(1))),
            form("make (\\S+) an input", m -> EditLabel.of(Kind.MAKE_INPUT, m.group(1))),
            form("add (\\S+)", m -> EditLabel.of(Kind.ADD, m.group(1))),
            form("rename (\\S+) to (\\S+)", m -> EditLabel.of(Kind.RENAME, m.group(1), m.group(2))),
            form("delete (\\S+)", m -> EditLabel.of(Kind.DELETE, m.group(1))),
            form("objective: last cell", m -> EditLabel.of(Kind.OBJECTIVE_LAST)),
            form("objective (\\S+)", m -> EditLabel.of(Kind.OBJECTIVE, m.group(1))),
            form("learning rate (\\S+)", m -> EditLabel.of(Kind.LEARNING_RATE, number(m, 1))),
            form("SGD step \\(lr (\\S+)\\)", m -> EditLabel.of(Kind.SGD_STEP, number(m, 1))),
            form("(\\d+) SGD steps \\(lr (\\S+)\\)", m -> EditLabel.of(Kind.SGD_STEPS, count(m, 1), number(m, 2))),
            form("train (\\d+) epochs? \\(batch (\\d+), lr (\\S+)\\)",
                    m -> EditLabel.of(Kind.TRAIN_EPOCHS, count(m, 1), count(m, 2), number(m, 3))),
            form("train at lr (\\S+) \\(batch (\\d+)\\)", m -> EditLabel.of(Kind.TRAIN_AT, number(m, 1), count(m, 2))),
            form("train 1 step at lr (\\S+) \\(step (\\d+)\\)", m -> EditLabel.of(Kind.TRAIN_STEP, number(m, 1), count(m, 2))),
            form("reset training to its starting weights", m -> EditLabel.of(Kind.RESET_TRAINING)),
            form("restore revision #(\\d+)", m -> EditLabel.of(Kind.RESTORE, count(m, 1))),
            form("edits from another server", m -> EditLabel.of(Kind.REMOTE_EDITS)),
            form("data table \\((\\d+) rows?\\)", m -> EditLabel.of(Kind.DATA_TABLE, count(m, 1))),
            form("data table removed", m -> EditLabel.of(Kind.DATA_REMOVED)),
            form("answers or practice setting", m -> EditLabel.of(Kind.ANSWERS_OR_PRACTICE)),
            form("kept \\(an upload or a share link\\)", m -> EditLabel.of(Kind.KEPT)),
            form("saved", m -> EditLabel.of(Kind.SAVED)),
            form("edit", m -> EditLabel.of(Kind.EDIT)),
            form("imported from (.+)", m -> EditLabel.of(Kind.IMPORTED, m.group(1))));

    private LegacyEditLabels() {
    }

    private static Form form(String regex, Function<Matcher, EditLabel> label) {
        return new Form(Pattern.compile(regex, Pattern.DOTALL), label);
    }

    /** The label an old revision's name stands for; {@link Kind#VERBATIM} when it has no known form. */
    static EditLabel label(String text) {
        try {
            return read(text);
        } catch (IllegalArgumentException unreadable) { // a number too long to read, say
            return EditLabel.of(Kind.VERBATIM, text);
        }
    }

    private static EditLabel read(String text) {
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(text);
            if (m.matches()) {
                return f.label().apply(m);
            }
        }
        return EditLabel.of(Kind.VERBATIM, text); // "undo <this>" still reads as an undo
    }

    private static long count(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }

    private static double number(Matcher m, int group) {
        return Double.parseDouble(m.group(group));
    }
}
