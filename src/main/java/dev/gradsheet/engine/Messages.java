package dev.gradsheet.engine;

import java.util.List;

/**
 * User text inside messages, kept short and harmless: at most {@link #QUOTE_LIMIT} characters of it
 * ("…" for the rest) with unsafe characters escaped ({@link #isUnsafe}: an ESC byte in a formula must
 * not reach a terminal raw, nor a U+202E make a message read backwards), and long cycles listed as
 * their first and last few cells with the count.
 */
public final class Messages {
    /** Characters of user text a message quotes. */
    public static final int QUOTE_LIMIT = 80;
    /** Cells of a cycle named at each end before the rest is counted. */
    static final int CYCLE_ENDS = 4;

    private Messages() {
    }

    /** {@code text} in single quotes, shortened and escaped: {@code 'abc…'}. */
    public static String quote(String text) {
        return "'" + shorten(text) + "'";
    }

    /** {@code text} shortened to {@link #QUOTE_LIMIT} characters and escaped, without quotes. */
    public static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count == QUOTE_LIMIT) {
                out.append('…');
                break;
            }
            out.append(escape(cp));
            count++;
        }
        return out.toString();
    }

    /** Escapes every unsafe character of {@code text} (no shortening): for whole lines. */
    public static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(escape(cp)));
        return out.toString();
    }

    /**
     * Whether a character must not reach a terminal or a page raw: control characters (C0, DEL, C1),
     * and the invisible ones that change how the text around them reads — format characters (bidi
     * overrides and isolates such as U+202E, zero-width spaces and joiners, tag characters, the byte
     * order mark) and the Unicode line and paragraph separators.
     */
    public static boolean isUnsafe(int cp) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** An unsafe character written out: {@code \xNN} up to U+00FF, then &#92;uNNNN, and {@code \UNNNNNNNN} beyond the BMP. */
    public static String escaped(int cp) {
        return cp <= 0xff ? String.format("\\x%02x", cp)
                : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    private static String escape(int cp) {
        if (cp == '\t') {
            return "\\t";
        }
        return isUnsafe(cp) ? escaped(cp) : new String(Character.toChars(cp));
    }

    /**
     * "a uses b uses a", or for a long cycle "c1 uses c2 uses c3 uses c4 uses … (9,992 more) … uses
     * c9999 uses c10000 uses c1 (a cycle of 10,000 cells)". {@code names} ends with its first name again.
     */
    public static String cycle(List<String> names) {
        int cells = names.size() - 1;
        String path = path(names, " uses ", " uses … (" + String.format("%,d", cells - 2 * CYCLE_ENDS) + " more) … uses ");
        return cells <= 2 * CYCLE_ENDS + 1 ? path : path + " (a cycle of " + String.format("%,d", cells) + " cells)";
    }

    /**
     * The cells of a cycle with no words, for a view that says "cycle" in its own language:
     * "a → b → a", or for a long cycle "c1 → c2 → c3 → c4 → … (9,992) … → c9999 → c10000 → c1".
     * {@code names} ends with its first name again.
     */
    public static String cyclePath(List<String> names) {
        return path(names, " → ", " → … (" + String.format(java.util.Locale.ROOT, "%,d", names.size() - 1 - 2 * CYCLE_ENDS)
                + ") … → ");
    }

    /** The names joined by {@code separator}, the middle of a long cycle left out as {@code gap} says. */
    private static String path(List<String> names, String separator, String gap) {
        if (names.size() - 1 <= 2 * CYCLE_ENDS + 1) {
            return String.join(separator, names.stream().map(Messages::shorten).toList());
        }
        List<String> head = names.subList(0, CYCLE_ENDS).stream().map(Messages::shorten).toList();
        List<String> tail = names.subList(names.size() - CYCLE_ENDS - 1, names.size()).stream().map(Messages::shorten).toList();
        return String.join(separator, head) + gap + String.join(separator, tail);
    }
}
