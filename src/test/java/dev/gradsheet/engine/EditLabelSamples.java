package dev.gradsheet.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One label of every {@link EditLabel.Kind}, for tests that must cover each kind (wording, storage,
 * the old English): text arguments are cell names, numbers {@code -3.5}, counts 3 (and 1 for a kind
 * worded in the singular), labels a value set and a cell added.
 */
public final class EditLabelSamples {
    private EditLabelSamples() {
    }

    /** A label of {@code kind} whose counts are all {@code count}. */
    public static EditLabel of(EditLabel.Kind kind, long count) {
        List<Object> args = new ArrayList<>();
        int texts = 0;
        int labels = 0;
        for (EditLabel.Arg a : kind.arguments()) {
            args.add(switch (a) {
                case TEXT -> texts++ == 0 ? "z" : "q";
                case NUMBER -> -3.5;
                case COUNT -> count;
                case LABEL -> labels++ == 0 ? EditLabel.of(EditLabel.Kind.SET_VALUE, "z", -3.5)
                        : EditLabel.of(EditLabel.Kind.ADD, "h");
            });
        }
        return new EditLabel(kind, args);
    }

    /** A label of every kind (counts 3), and of every kind worded in the singular with its count 1. */
    public static List<EditLabel> all() {
        List<EditLabel> out = new ArrayList<>();
        for (EditLabel.Kind kind : EditLabel.Kind.values()) {
            out.add(of(kind, 3));
            if (kind.hasSingular()) {
                out.add(of(kind, 1));
            }
        }
        return out;
    }
}
