package dev.gradsheet.ui;

import dev.gradsheet.engine.NonFinite;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.ui.i18n.Texts;

/**
 * Why a cell is NaN or ±∞, in the page's language: the engine's {@link NonFinite} (its typed cause and
 * arguments) worded through {@code nonfinite.*} keys; in English exactly the engine's sentence, which
 * the command line prints too.
 */
final class NotFiniteTexts {
    private NotFiniteTexts() {
    }

    /** The explanation for {@code name}, or null when its value is a finite number. */
    static String of(Sheet sheet, String name) {
        return sheet.notFinite(name).map(NotFiniteTexts::of).orElse(null);
    }

    static String of(NonFinite n) {
        return Texts.english() ? n.sentence() : worded(n);
    }

    /** The explanation from the bundles of the page's language (in English the same words as the engine's). */
    static String worded(NonFinite n) {
        String cause = Texts.t("nonfinite.cause." + n.cause().name(), n.arguments().toArray());
        return n.origin().equals(n.cell())
                ? Texts.t("nonfinite.here", n.cell(), word(n.value()), cause)
                : Texts.t("nonfinite.because", n.cell(), word(n.value()), n.origin(), word(n.originValue()), cause);
    }

    private static String word(double v) {
        return Double.isNaN(v) ? Texts.t("nonfinite.nan") : v > 0 ? "+∞" : "−∞";
    }
}
