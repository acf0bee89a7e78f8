package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.GradientPaths;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Op;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Why this gradient?" in the page's language. The engine's {@link GradientExplanation} and
 * {@link Op#rule()} are English sentences the command line prints; the page builds its sentences
 * from keys instead: {@code op.<name>.rule} for each operation's rule, {@code why.*} for the rest.
 * The numbers, names and formulas in them are the engine's, never translated.
 */
final class Explanations {
    private static final Pattern OBJECTIVE_NOTE = Pattern.compile("(\\S+) is the objective: .*");
    private static final Pattern FUSED_NOTE = Pattern.compile("(\\S+) computes cross-entropy in logits form: .*");
    private static final Pattern LOGITS_NOTE = Pattern.compile("(\\S+) computes cross-entropy of (\\S+) in logits form:"
            + " its gradient reaches (\\S+) directly .*");
    /** The engine's rule for a bce fused with its sigmoid (GradientExplanation), which no Op carries. */
    private static final String LOGITS_RULE = "cross-entropy of a sigmoid, in logits form";

    private Explanations() {
    }

    /** The key of an operation's rule sentence. */
    static String ruleKey(Op op) {
        return "op." + op.label() + ".rule";
    }

    /** A term's rule: the operation's rule from the bundle, or the engine's text for a special case. */
    static String rule(GradientExplanation.Term t) {
        Op op = Op.byLabel(t.op());
        if (op != null && op.rule().equals(t.rule())) {
            return Texts.t(ruleKey(op));
        }
        if (t.rule().startsWith(LOGITS_RULE)) {
            return Texts.t("why.logitsRule");
        }
        return t.rule();
    }

    /** The explanation's note (the objective itself, a fused loss) in the page's language, or empty. */
    static String note(GradientExplanation why) {
        String note = why.note();
        if (note.isEmpty() || english()) {
            return note;
        }
        Matcher m = OBJECTIVE_NOTE.matcher(note);
        if (m.matches()) {
            return Texts.t("why.noteObjective", m.group(1));
        }
        m = LOGITS_NOTE.matcher(note);
        if (m.matches()) {
            return Texts.t("why.noteLogits", m.group(1), m.group(2), m.group(3));
        }
        m = FUSED_NOTE.matcher(note);
        if (m.matches()) {
            return Texts.t("why.noteFused", m.group(1));
        }
        return note;
    }

    /** The equation line; only its "(no cell uses x)" is words. */
    static String equation(GradientExplanation why) {
        String eq = why.equation();
        String tail = " = 0 (no cell uses " + why.cell() + ")";
        if (!english() && eq.endsWith(tail)) {
            return eq.substring(0, eq.length() - tail.length()) + " = 0 "
                    + Texts.t("why.unused", why.cell());
        }
        return eq;
    }

    /** The chain's summary: {@code dL/dx = 16, summed over 1 path}. */
    static String summary(GradientPaths g) {
        if (english()) {
            return g.summary();
        }
        String lhs = "d" + g.objective() + "/d" + g.cell();
        if (g.cell().equals(g.objective())) {
            return lhs + " = 1";
        }
        long shown = g.paths().size();
        String text = Texts.t("why.summary", lhs, Numbers.readable(g.grad(), 6),
                Numbers.readable(g.total(), 6));
        return g.total() > shown
                ? text + Texts.t("why.notShown", Numbers.readable(g.total() - shown, 6)) : text;
    }

    private static boolean english() {
        return Texts.english();
    }
}
