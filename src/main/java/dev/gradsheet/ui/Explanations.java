package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.GradientPaths;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Op;
import java.util.List;

/**
 * "Why this gradient?" in the page's language. The engine's {@link GradientExplanation} and
 * {@link Op#rule()} are English sentences the command line prints; the page builds its sentences
 * from keys instead: {@code op.<name>.rule} for each operation's rule, {@code why.*} for the rest.
 * The numbers, names and formulas in them are the engine's, never translated.
 */
final class Explanations {

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
        if (t.logits()) {
            return Texts.t("why.logitsRule");
        }
        return t.rule();
    }

    /** The explanation's note (the objective itself, a fused loss) in the page's language, or empty. */
    static String note(GradientExplanation why) {
        if (english()) {
            return why.note();
        }
        List<String> c = why.noteCells();
        return switch (why.noteKind()) {
            case NONE -> "";
            case OBJECTIVE -> Texts.t("why.noteObjective", c.get(0));
            case FUSED -> Texts.t("why.noteFused", c.get(0));
            case LOGITS -> Texts.t("why.noteLogits", c.get(0), c.get(1), c.get(2));
        };
    }

    /** The equation line; only its "(no cell uses x)" is words. */
    static String equation(GradientExplanation why) {
        if (!english() && why.terms().isEmpty() && !why.cell().equals(why.objective())) {
            return "d" + why.objective() + "/d" + why.cell() + " = 0 " + Texts.t("why.unused", why.cell());
        }
        return why.equation();
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
