package dev.gradsheet.engine;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an edit was, as data: its {@link Kind} and its arguments — cell names and formulas (shown as
 * written), numbers, counts, and for labels made of labels ("undo …", "a, then b", a run's progress)
 * other labels. Every edit carries one: its change set, its undo step, a group made with
 * {@link Sheet#asOneEdit}, and a server's saved revision. Nothing reads a label's words back: the
 * command line and logs word it in English ({@link #english()}, the one place English is written),
 * the web page from its bundles (key {@code edit.<KIND>}, whose English is this English).
 *
 * <p>Kinds are stored by name in a server's history, so a kind is never renamed or removed.
 *
 * @param kind      what sort of edit
 * @param arguments the kind's particulars, one per {@link Kind#arguments()}: {@link String} for
 *                  {@link Arg#TEXT}, {@link Double} for {@link Arg#NUMBER}, {@link Long} for
 *                  {@link Arg#COUNT}, {@link EditLabel} for {@link Arg#LABEL}
 */
public record EditLabel(Kind kind, List<Object> arguments) {

    /** The type of one argument. */
    public enum Arg {
        /** Text shown as written, never translated: a cell's name, a formula, a file's name. */
        TEXT(String.class),
        /** A number, written exactly ({@link Numbers#exact}). */
        NUMBER(Double.class),
        /** A whole number: steps, rows, a revision's number. */
        COUNT(Long.class),
        /** Another edit's label, worded in its place. */
        LABEL(EditLabel.class);

        private final Class<?> type;

        Arg(Class<?> type) {
            this.type = type;
        }

        /** The Java type of an argument of this sort. */
        public Class<?> type() {
            return type;
        }
    }

    /**
     * The sorts of edit, each with its English wording (a {@link MessageFormat} pattern over its
     * arguments) and, where English says a count of one differently, the singular wording.
     */
    public enum Kind {
        // ---- edits of cells and settings ----
        /** A cell and its new value. */
        SET_VALUE("set {0} = {1}", Arg.TEXT, Arg.NUMBER),
        /** How many values were set at once. */
        SET_VALUES("set {0} values", Arg.COUNT),
        /** A cell and its new formula. */
        FORMULA("formula {0} = {1}", Arg.TEXT, Arg.TEXT),
        MAKE_WEIGHT("make {0} a weight", Arg.TEXT),
        MAKE_INPUT("make {0} an input", Arg.TEXT),
        ADD("add {0}", Arg.TEXT),
        /** The old name, the new name. */
        RENAME("rename {0} to {1}", Arg.TEXT, Arg.TEXT),
        DELETE("delete {0}", Arg.TEXT),
        /** The new objective. */
        OBJECTIVE("objective {0}", Arg.TEXT),
        /** The objective made the last cell defined. */
        OBJECTIVE_LAST("objective: last cell"),
        LEARNING_RATE("learning rate {0}", Arg.NUMBER),

        // ---- SGD and training ----
        /** One SGD step; its learning rate. */
        SGD_STEP("SGD step (lr {0})", Arg.NUMBER),
        /** Steps, learning rate. */
        SGD_STEPS("{0} SGD steps (lr {1})", Arg.COUNT, Arg.NUMBER),
        /** A training run of the command line or the library: epochs, batch size, learning rate. */
        TRAIN_EPOCHS("train {0} epochs (batch {1}, lr {2})", "train {0} epoch (batch {1}, lr {2})", 0,
                Arg.COUNT, Arg.COUNT, Arg.NUMBER),
        /** The page's training run: learning rate, batch size. */
        TRAIN_AT("train at lr {0} (batch {1})", Arg.NUMBER, Arg.COUNT),
        /** The page's Step button: learning rate, the loop's step count after it. */
        TRAIN_STEP("train 1 step at lr {0} (step {1})", Arg.NUMBER, Arg.COUNT),
        RESET_TRAINING("reset training to its starting weights"),
        /** A run still going: the run, the steps taken so far. */
        PROGRESS("{0}: step {1}", Arg.LABEL, Arg.COUNT),
        /** A run stopped before its end: the run, the steps it took. */
        STOPPED("{0}, stopped at step {1}", Arg.LABEL, Arg.COUNT),
        /** A run's end: the run, the steps it took, the epoch it reached. */
        TRAINED("{0}: {1} steps to epoch {2}", "{0}: {1} step to epoch {2}", 1, Arg.LABEL, Arg.COUNT, Arg.COUNT),

        // ---- undo, and edits saved together ----
        UNDO("undo {0}", Arg.LABEL),
        REDO("redo {0}", Arg.LABEL),
        /** Two edits saved together. */
        THEN("{0}, then {1}", Arg.LABEL, Arg.LABEL),
        /** The first of several edits saved together, and how many more. */
        MORE("{0} (+{1} more)", Arg.LABEL, Arg.COUNT),

        // ---- a shared sheet's saves (the server's revisions) ----
        /** A saved revision brought back: its number. */
        RESTORE("restore revision #{0}", Arg.COUNT),
        REMOTE_EDITS("edits from another server"),
        /** A data table given to the sheet: its rows. */
        DATA_TABLE("data table ({0} rows)", "data table ({0} row)", 0, Arg.COUNT),
        DATA_REMOVED("data table removed"),
        ANSWERS_OR_PRACTICE("answers or practice setting"),
        KEPT("kept (an upload or a share link)"),
        SAVED("saved"),
        /** A sheet file imported into the database: its file name. */
        IMPORTED("imported from {0}", Arg.TEXT),
        MERGED("{0} (merged with another server''s)", Arg.LABEL),
        CONFLICTED("{0} (conflicted with another server''s; theirs kept)", Arg.LABEL),
        /** An edit nobody named. */
        EDIT("edit"),
        /** A name saved as text before edits had kinds, of no form known then: shown as written. */
        VERBATIM("{0}", Arg.TEXT);

        private final String english;
        private final String englishOne;
        private final int countForOne;
        private final List<Arg> arguments;

        Kind(String english, Arg... arguments) {
            this(english, null, -1, arguments);
        }

        Kind(String english, String englishOne, int countForOne, Arg... arguments) {
            this.english = english;
            this.englishOne = englishOne;
            this.countForOne = countForOne;
            this.arguments = List.of(arguments);
        }

        /** The arguments a label of this kind has, in order. */
        public List<Arg> arguments() {
            return arguments;
        }

        /** The English wording: a {@link MessageFormat} pattern when the kind has arguments, else the text. */
        public String english() {
            return english;
        }

        /** Whether English words a count of one differently ({@link #englishOne()}). */
        public boolean hasSingular() {
            return englishOne != null;
        }

        /** The English wording when the deciding count is 1, or null when there is no such wording. */
        public String englishOne() {
            return englishOne;
        }
    }

    /** Checks the arguments against the kind and keeps an unmodifiable copy. */
    public EditLabel {
        Objects.requireNonNull(kind, "kind");
        arguments = List.copyOf(arguments);
        if (arguments.size() != kind.arguments.size()) {
            throw new IllegalArgumentException(kind + " takes " + kind.arguments + ", not " + arguments);
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (!kind.arguments.get(i).type().isInstance(arguments.get(i))) {
                throw new IllegalArgumentException(kind + " argument " + i + " must be " + kind.arguments.get(i)
                        + ", not " + arguments.get(i));
            }
        }
    }

    /**
     * A label of {@code kind}; counts may be given as any whole number ({@code int}, {@code long}) and
     * numbers as any number.
     */
    public static EditLabel of(Kind kind, Object... arguments) {
        List<Object> typed = new ArrayList<>(arguments.length);
        for (int i = 0; i < arguments.length; i++) {
            Object a = arguments[i];
            Arg arg = i < kind.arguments.size() ? kind.arguments.get(i) : null;
            if (arg == Arg.COUNT && (a instanceof Integer || a instanceof Short || a instanceof Byte)) {
                a = ((Number) a).longValue();
            } else if (arg == Arg.NUMBER && a instanceof Number n && !(a instanceof Double)) {
                a = n.doubleValue();
            }
            typed.add(a);
        }
        return new EditLabel(kind, typed);
    }

    /** "undo {@code edit}". */
    public static EditLabel undo(EditLabel edit) {
        return of(Kind.UNDO, edit);
    }

    /** "redo {@code edit}". */
    public static EditLabel redo(EditLabel edit) {
        return of(Kind.REDO, edit);
    }

    /** A run still going, {@code step} steps in. */
    public static EditLabel progress(EditLabel run, long step) {
        return of(Kind.PROGRESS, run, step);
    }

    /** A run stopped after {@code step} steps. */
    public static EditLabel stopped(EditLabel run, long step) {
        return of(Kind.STOPPED, run, step);
    }

    /** A run's end: {@code steps} steps, reaching epoch {@code epoch}. */
    public static EditLabel trained(EditLabel run, long steps, long epoch) {
        return of(Kind.TRAINED, run, steps, epoch);
    }

    /**
     * The name of edits saved together, {@code earlier} being the name of those before {@code next}:
     * "a", then "a, then b", then "a (+2 more)", "a (+3 more)" … ({@code earlier} null: just {@code next}).
     */
    public static EditLabel together(EditLabel earlier, EditLabel next) {
        if (earlier == null) {
            return next;
        }
        return switch (earlier.kind) {
            case MORE -> of(Kind.MORE, earlier.label(0), earlier.count(1) + 1);
            case THEN -> of(Kind.MORE, earlier.label(0), 2L);
            default -> of(Kind.THEN, earlier, next);
        };
    }

    /** Argument {@code i} as text (a {@link Arg#TEXT} argument). */
    public String text(int i) {
        return (String) arguments.get(i);
    }

    /** Argument {@code i} as a number (a {@link Arg#NUMBER} argument). */
    public double number(int i) {
        return (Double) arguments.get(i);
    }

    /** Argument {@code i} as a count (a {@link Arg#COUNT} argument). */
    public long count(int i) {
        return (Long) arguments.get(i);
    }

    /** Argument {@code i} as a label (a {@link Arg#LABEL} argument). */
    public EditLabel label(int i) {
        return (EditLabel) arguments.get(i);
    }

    /** Whether this label is worded in the singular: its kind has a singular wording and the count is 1. */
    public boolean singular() {
        return kind.hasSingular() && count(kind.countForOne) == 1;
    }

    /**
     * The arguments ready for a pattern, in any language: text as written, numbers exactly, counts in
     * digits (never grouped), and labels worded by {@code word}.
     */
    public Object[] wordedArguments(Function<EditLabel, String> word) {
        Object[] out = new Object[arguments.size()];
        for (int i = 0; i < out.length; i++) {
            Object a = arguments.get(i);
            out[i] = switch (kind.arguments.get(i)) {
                case TEXT -> a;
                case NUMBER -> Numbers.exact((Double) a);
                case COUNT -> Long.toString((Long) a);
                case LABEL -> word.apply((EditLabel) a);
            };
        }
        return out;
    }

    /**
     * Fills a pattern of this label's kind: a pattern for a kind without arguments is the text itself
     * (as the page's bundles read), any other a {@link MessageFormat}.
     */
    public String fill(String pattern, Function<EditLabel, String> word) {
        return arguments.isEmpty() ? pattern
                : new MessageFormat(pattern, Locale.ROOT).format(wordedArguments(word));
    }

    /** The label in English, as the command line and logs say it: "set z = -3", "undo SGD step (lr 0.01)". */
    public String english() {
        return fill(singular() ? kind.englishOne : kind.english, EditLabel::english);
    }

    /** {@link #english()}. */
    @Override
    public String toString() {
        return english();
    }
}
