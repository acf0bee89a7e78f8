package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.ui.common.Format;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.Expectation.Quantity;
import dev.gradsheet.sheet.Practice;
import java.util.ArrayList;
import java.util.List;

/**
 * Practice mode's logic, free of Vaadin: which numbers are hidden from the student, their answers
 * (kept as the shared sheet's {@code @expect} claims, so a saved sheet carries the student's work),
 * whether each holds, the score and the hints in steps.
 */
public final class PracticeSession {
    private final SharedSheet shared;
    private final Runnable onClaimsChanged;
    private Practice mode;
    /** Hears every answer typed and hint asked for (an assignment's copy counts them for the dashboard). */
    private Tracker tracker = Tracker.NONE;
    /** Why answers may not be typed here (someone else's sheet), or null. */
    private String locked;

    /** Hears what a student does, for the teacher's dashboard. */
    @FunctionalInterface
    public interface Tracker {
        Tracker NONE = (target, hint) -> { };

        /** An answer ({@code hint} false) or a hint request about {@code target} ({@code x.grad}, {@code f}). */
        void did(String target, boolean hint);
    }

    public void setTracker(Tracker tracker) {
        this.tracker = tracker;
    }

    /** Refuses answers with {@code why} (null: accepts them again): the sheet is someone else's. */
    public void lock(String why) {
        this.locked = why;
    }

    /** Starts in the sheet's own practice setting; {@code onClaimsChanged} saves the sheet. */
    public PracticeSession(SharedSheet shared, Runnable onClaimsChanged) {
        this.shared = shared;
        this.onClaimsChanged = onClaimsChanged;
        this.mode = shared.practice();
    }

    /** What this view hides now ({@link Practice#OFF}: practice mode is off). */
    public Practice mode() {
        return mode;
    }

    public void setMode(Practice mode) {
        this.mode = mode;
    }

    /** Whether the sheet has a cell called {@code name} (one the student may practise on). */
    public boolean hasCell(String name) {
        return shared.sheet().cell(name).isPresent();
    }

    /**
     * The names of every cell of the grid (formula steps too), in its order, when the sheet has at
     * most {@code limit} cells; null for a bigger sheet, whose cells are typed rather than listed.
     */
    public List<String> cellNames(int limit) {
        var sheet = shared.sheet();
        if (sheet.size() > limit) {
            return null;
        }
        return sheet.cells(0, limit).stream().map(Cell::name).toList();
    }

    /** Whether the student is asked for {@code q} of {@code c} (its number is hidden and counted in the score). */
    public boolean asks(Cell c, Quantity q) {
        return asks(c, q, shared.sheet().objective());
    }

    private boolean asks(Cell c, Quantity q, String objective) {
        return q == Quantity.GRAD ? mode.hidesGrad(c, objective) : mode.hidesValue(c);
    }

    /** The outcome of typing an answer: an error for the field, or whether the answer is right (null: cleared). */
    public record Answer(String error, Boolean right) {
    }

    /** Records the student's answer for {@code q} of {@code cell}; a blank answer removes it. */
    public Answer answer(String cell, Quantity q, String text) {
        if (locked != null) {
            return new Answer(locked, null);
        }
        String target = new Expectation(cell, q, 0).target();
        Claims claims = shared.claims();
        if (text == null || text.isBlank()) {
            if (claims.find(target) != null) {
                store(claims.without(target));
            }
            return new Answer(null, null);
        }
        Double v = Format.parse(text);
        if (v == null || !Double.isFinite(v)) {
            return new Answer(Texts.t("presenter.notANumber", text.strip()), null);
        }
        store(claims.with(new Expectation(cell, q, v)));
        tracker.did(target, false);
        return new Answer(null, right(cell, q));
    }

    private void store(Claims claims) {
        shared.claimsHolder().set(claims);
        onClaimsChanged.run();
    }

    /** Whether the sheet has claims about {@code q}. */
    public boolean hasClaims(Quantity q) {
        return shared.claims().expectations().stream().anyMatch(e -> e.quantity() == q);
    }

    /** The student's answer as text, or "" when there is none. */
    public String answerText(String cell, Quantity q) {
        Expectation e = shared.claims().find(new Expectation(cell, q, 0).target());
        return e == null ? "" : Numbers.exact(e.claimed());
    }

    /** Whether the answer holds within the sheet's tolerance; null when there is no answer. */
    public Boolean right(String cell, Quantity q) {
        Expectation e = shared.claims().find(new Expectation(cell, q, 0).target());
        return e == null ? null : e.check(shared.sheet(), shared.claims().tolerance()).holds();
    }

    /** How many of the asked numbers the student has right. */
    public record Score(int right, int asked) {
        public String text() {
            return Texts.t("practice.score", String.valueOf(right), String.valueOf(asked));
        }
    }

    /** The score over exactly the numbers hidden from the student: each hidden number is one question. */
    public Score score() {
        int right = 0;
        int asked = 0;
        String objective = shared.sheet().objective();
        for (Cell c : shared.sheet().cells()) {
            for (Quantity q : Quantity.values()) {
                if (asks(c, q, objective)) {
                    asked++;
                    if (Boolean.TRUE.equals(right(c.name(), q))) {
                        right++;
                    }
                }
            }
        }
        return new Score(right, asked);
    }

    /** The hints for {@code q} of {@code cell}, in the order they are offered: rule, then upstream, then the whole product. */
    public List<String> hints(String cell, Quantity q) {
        tracker.did(new Expectation(cell, q, 0).target(), true);
        return q == Quantity.GRAD ? gradientHints(cell) : valueHints(cell);
    }

    private List<String> gradientHints(String cell) {
        GradientExplanation why = shared.sheet().explain(cell);
        String d = "d" + why.objective() + "/d";
        if (why.cell().equals(why.objective())) {
            String one = Texts.t("why.noteObjective", cell);
            return List.of(one, one, d + cell + " = 1");
        }
        if (why.terms().isEmpty()) {
            String zero = Texts.t("practice.unused", cell);
            return List.of(zero, zero, d + cell + " = 0");
        }
        StringBuilder rule = new StringBuilder();
        StringBuilder upstream = new StringBuilder();
        for (GradientExplanation.Term t : why.terms()) {
            rule.append(rule.isEmpty() ? "" : " ").append(Texts.t("practice.feeds", cell, t.user(), Explanations.rule(t)));
            upstream.append(upstream.isEmpty() ? "" : ", ").append(d).append(t.user()).append(" = ")
                    .append(Numbers.readable(t.upstream(), 6));
        }
        if (why.terms().size() > 1) {
            rule.append(" ").append(Texts.t("practice.feedsSeveral", cell));
        }
        return List.of(rule.toString(), Texts.t("practice.upstream", upstream.toString()), why.equation());
    }

    private List<String> valueHints(String cell) {
        Cell c = shared.sheet().cell(cell).orElseThrow();
        List<String> args = shared.sheet().arguments().getOrDefault(cell, List.of());
        List<String> values = new ArrayList<>();
        for (String a : args) {
            values.add(a + " = " + Numbers.readable(shared.sheet().value(a), 6));
        }
        return List.of(Texts.t("practice.forward", cell + " = " + c.formula()),
                values.isEmpty() ? Texts.t("practice.noArguments", cell)
                        : Texts.t("practice.arguments", String.join(", ", values)),
                cell + " = " + c.formula() + " = " + Numbers.readable(c.value(), 6));
    }
}
