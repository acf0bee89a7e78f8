package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.EditRefusedException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refused edit's message in the page's language. The engine explains refusals in English (the
 * command line prints them); in English the page shows that text as before. In another language the
 * page says it with a key: the commonest refusals in full ({@code refusal.nameTaken},
 * {@code refusal.unknownCell}, …, the cell names from the engine's text as arguments), any other by
 * its {@link EditRefusedException.Reason} ({@code refusal.<REASON>}) with the engine's detail as
 * argument {0}.
 */
public final class Refusals {
    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            known("a cell named (\\S+) already exists", "refusal.nameTaken"),
            known("unknown cell '(.+)'", "refusal.unknownCell"),
            known("'(.*)' is not a valid name: .*", "refusal.badName"),
            known("cannot delete (\\S+): used by (.+)", "refusal.usedBy"),
            known("cycle: (.+)", "refusal.cycle"),
            known("unknown name '(.+)'", "refusal.unknownCell"),
            known("unknown function '(.+)'", "refusal.unknownFunction"),
            known("unexpected '(.+)'", "refusal.unexpected"),
            known("formula ends where a value was expected", "refusal.endsEarly"),
            known("empty formula", "refusal.emptyFormula"),
            known("bad number '(.+)'", "refusal.badNumber"));

    private Refusals() {
    }

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex), key);
    }

    /** The message to show for {@code e}; {@code english} is the engine's message as the page showed it before. */
    static String of(EditRefusedException e, String english) {
        if (Texts.english()) {
            return english;
        }
        if (e.reason() == EditRefusedException.Reason.DIVERGED) {
            return diverged(e);
        }
        String said = null;
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(e.getMessage());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                said = Texts.t(k.key(), args);
                break;
            }
        }
        if (said == null) {
            said = Texts.t("refusal." + e.reason().name(), e.getMessage());
        }
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
