package dev.gradsheet.ui.common;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.EditRefusedException;
import java.util.List;

/**
 * A refused edit's message in the page's language. The engine explains refusals in English (the
 * command line prints them); in English the page shows that text as before. In another language the
 * page says it with a key chosen by the refusal's type, never by its English text: a particular
 * refusal by its {@link EditRefusedException.Detail} ({@code refusal.detail.<DETAIL>}, the engine's
 * arguments such as cell names filled in), any other by its {@link EditRefusedException.Reason}
 * ({@code refusal.<REASON>}) with the engine's message as argument {0}.
 */
public final class Refusals {
    private Refusals() {
    }

    /** The message to show for {@code e}; {@code english} is the engine's message as the page showed it before. */
    public static String of(EditRefusedException e, String english) {
        if (Texts.english()) {
            return english;
        }
        if (e.reason() == EditRefusedException.Reason.DIVERGED) {
            return diverged(e);
        }
        String said = e.detail() != EditRefusedException.Detail.NONE
                ? Texts.t("refusal.detail." + e.detail().name(), e.arguments().toArray())
                : Texts.t("refusal." + e.reason().name(), e.getMessage());
        return e.column() > 0 ? Texts.t("refusal.atColumn", said, String.valueOf(e.column())) : said;
    }

    /**
     * The engine's one divergence refusal ({@link EditRefusedException.Reason#DIVERGED}) in the page's
     * language, worded from its particulars (steps before, weight, the value it would get, gradient), for
     * the SGD button and training runs alike. In English it reads exactly as the engine's message.
     */
    public static String diverged(EditRefusedException e) {
        List<String> a = e.arguments();
        if (a.size() != 4) {
            return Texts.t("refusal.DIVERGED", e.getMessage());
        }
        return switch (a.get(0)) {
            case "0" -> Texts.t("refusal.diverged", a.get(1), a.get(2), a.get(3));
            case "1" -> Texts.t("refusal.divergedAfterOne", a.get(1), a.get(2), a.get(3));
            default -> Texts.t("refusal.divergedAfter", a.get(1), a.get(2), a.get(3), a.get(0));
        };
    }
}
