package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server says to a visitor about itself (a busy or stopping job pool, a saved sheet it
 * cannot read) in the page's language. Those messages are made in English below the UI (the job
 * pool is shared with the command line and logs); in English the page shows them unchanged, in
 * Korean by their keys {@code server.*}. A message of no known form is shown as it is.
 */
final class ServerMessages {
    private record Form(Pattern pattern, String key) {
    }

    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("the server is shutting down; .*"), "server.shuttingDown"),
            new Form(Pattern.compile("the server is busy: all (\\d+) workers are running jobs and (\\d+) more are waiting.*"),
                    "server.busy"),
            new Form(Pattern.compile("the saved sheet could not be read: .*"), "server.unreadable"),
            new Form(Pattern.compile("the saved sheet is damaged: (.*)"), "server.damaged"));

    private ServerMessages() {
    }

    /** {@code message} in the current page's language. */
    static String of(String message) {
        if (message == null || Texts.english()) {
            return message;
        }
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(message);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return Texts.t(f.key(), args);
            }
        }
        return message;
    }
}
