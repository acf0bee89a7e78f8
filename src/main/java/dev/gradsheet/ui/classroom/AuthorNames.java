package dev.gradsheet.ui.classroom;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.ui.i18n.Texts;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Who made a revision, in words for the History tab: "you", a signed-in person's name, or "a visitor"
 * (an anonymous browser other than this one); nothing when it is not known (the server, or before
 * revisions had authors).
 */
public final class AuthorNames {
    private AuthorNames() {
    }

    /** Names authors for {@code viewer}; each person is looked up once. */
    public static Function<String, String> of(UserStore users, Actor viewer) {
        Map<String, String> known = new HashMap<>();
        return key -> {
            if (key == null) {
                return "";
            }
            if (key.equals(viewer.key())) {
                return Texts.t("history.byYou");
            }
            return known.computeIfAbsent(key, k -> k.startsWith("u:")
                    ? users.find(k.substring(2)).map(User::name).orElse(Texts.t("history.byVisitor"))
                    : Texts.t("history.byVisitor"));
        };
    }
}
