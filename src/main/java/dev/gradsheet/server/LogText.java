package dev.gradsheet.server;

import dev.gradsheet.engine.Messages;
import java.util.List;

/**
 * User text as the server logs it: capped and on one line. A stored sheet's problems or an exception
 * quoting a visitor's input can be megabytes (100,000 bad lines); the log gets at most
 * {@link #MAX_CHARS} characters of it and how much was left out, with line breaks and other unsafe
 * characters escaped ({@link Messages#isUnsafe}), so no visitor can flood the log or forge a line of it.
 */
public final class LogText {
    /** Characters of one piece of user text a log line carries. */
    public static final int MAX_CHARS = 2000;
    /** Problem lines a log line lists. */
    public static final int MAX_LINES = 10;

    private LogText() {
    }

    /** {@code text} (an exception: its {@code toString()}) capped at {@link #MAX_CHARS} and escaped. */
    public static String of(Object text) {
        String s = String.valueOf(text);
        String head = s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
        String escaped = Messages.escapeControls(head);
        return s.length() > MAX_CHARS ? escaped + "… (" + (s.length() - MAX_CHARS) + " more characters)" : escaped;
    }

    /** The first {@link #MAX_LINES} of {@code lines}, joined with "; " and capped, then how many more. */
    public static String lines(List<String> lines) {
        String shown = String.join("; ", lines.subList(0, Math.min(MAX_LINES, lines.size())));
        return of(shown) + (lines.size() > MAX_LINES ? "; … and " + (lines.size() - MAX_LINES) + " more" : "");
    }
}
