package dev.gradsheet.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a text a person reads is written in the web app's code instead of a message bundle,
 * where a translation cannot reach it: a source scan of {@code dev.gradsheet.ui} and
 * {@code dev.gradsheet.ui.train} for string literals with words in them passed to Vaadin's text
 * setters and constructors
 * ({@code setText}, {@code setLabel}, {@code setPlaceholder}, {@code setTooltipText},
 * {@code setAriaLabel}, {@code setHeader}, {@code Notification.show}, {@code new Button("…")},
 * {@code new Span("…")}, {@code setAttribute("title"|"aria-label", …)}, …). The whole statement of
 * such a call is read, so {@code setText(ok ? "yes" : "no")} is caught as well. A literal shaped like
 * a key ({@code "grid.value"}) and the names in {@link #ALLOWED} pass.
 *
 * <p>{@link #NOT_YET_TRANSLATED} lists files still being converted to the bundles; the scan skips
 * them, so keep it empty once they are.
 */
class HardCodedTextTest {
    /** Paths (under src/main/java) the scan skips for now: the Data & training tab and the lesson pages. */
    static final List<String> NOT_YET_TRANSLATED = List.of();
    /** Words that are the same in every language. */
    static final Set<String> ALLOWED = Set.of("GradSheet");

    private static final Pattern TEXT_CALL = Pattern.compile(
            "(?:\\.(?:setText|setLabel|setTitle|setPlaceholder|setTooltipText|setAriaLabel|setHelperText"
            + "|setErrorMessage|setHeader|setItemLabelGenerator|setTooltipGenerator|addItem|setConfirmText"
            + "|setCancelText|setRejectText|setHeaderTitle|add)\\("
            + "|Notification\\.show\\("
            + "|\\.setAttribute\\(\\s*\"(?:title|aria-label|placeholder|alt)\"\\s*,"
            + "|new (?:Button|Span|Paragraph|H[1-6]|Anchor|Checkbox|TextField|TextArea|NumberField|IntegerField"
            + "|ListItem|NativeLabel|Label|Tab|Details|ConfirmDialog|Notification|Text|Select|ComboBox)\\(|(?<![\\w.])show\\()");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    /** Element ids and file endings ("tab-graph", ".sheet"): never shown as words. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+|\\.[a-z]+");
    /** Operation names (the grid's Kind column, formulas): never translated. */
    private static final Set<String> OP_NAMES = java.util.Arrays.stream(dev.gradsheet.engine.Op.values())
            .map(dev.gradsheet.engine.Op::label).collect(java.util.stream.Collectors.toSet());
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_-]+)+");

    @Test
    void noUiTextIsWrittenInCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            found.addAll(hardCodedTexts(Files.readString(f), f.toString()));
        }
        assertTrue(found.isEmpty(), "texts written in code instead of a bundle (move them to "
                + "src/main/resources/i18n):\n" + String.join("\n", found));
    }

    /** The scan itself finds a literal put back, so the test above can fail. */
    @Test
    void theScanFindsALiteral() {
        assertEquals(1, hardCodedTexts("undo.setText(\"Undo\");", "x").size());
        assertEquals(1, hardCodedTexts("Notification.show(\"Opened \" + source);", "x").size());
        assertEquals(2, hardCodedTexts("play.setText(on ? \"Pause\" : \"Play\");", "x").size());
        assertEquals(1, hardCodedTexts("final Button b = new Button(\"Restore\", e -> go());", "x").size());
        assertEquals(1, hardCodedTexts("s.getElement().setAttribute(\"aria-label\", \"select \" + n);", "x").size());
        assertEquals(0, hardCodedTexts("undo.setText(getTranslation(\"toolbar.undo\"));", "x").size());
        assertEquals(0, hardCodedTexts("b.setText(getTranslation(on ? \"step.pause\" : \"step.play\"));", "x").size());
        assertEquals(0, hardCodedTexts("status.setText(objective + \" = \" + value);", "x").size());
        assertEquals(0, hardCodedTexts("new H2(\"GradSheet\");", "x").size());
        assertEquals(0, hardCodedTexts("// undo.setText(\"Undo\") in a comment", "x").size());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/gradsheet/ui"))) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> NOT_YET_TRANSLATED.stream().noneMatch(skip -> p.toString().replace('\\', '/').contains(skip)))
                    .sorted().toList();
        }
    }

    /** "file:line: literal" for every worded literal in a text call's statement. */
    static List<String> hardCodedTexts(String source, String file) {
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        Matcher call = TEXT_CALL.matcher(code);
        int scannedTo = 0;
        while (call.find()) {
            int end = statementEnd(code, call.end());
            int from = Math.max(call.start(), scannedTo);
            scannedTo = Math.max(scannedTo, end);
            if (from >= end) {
                continue; // inside a statement already read
            }
            Matcher lit = LITERAL.matcher(code.substring(from, end));
            while (lit.find()) {
                String text = lit.group(1);
                int at = from + lit.start();
                if (WORD.matcher(text).find() && !KEY.matcher(text).matches() && !ALLOWED.contains(text.strip())
                        && !ID.matcher(text).matches() && !OP_NAMES.contains(text)
                        && !inIdOrStyleCall(code, at) && !mapKeyOfATranslation(code, from + lit.end())) {
                    found.add(file + ":" + line(code, at) + ": \"" + text + "\"");
                }
            }
        }
        return found;
    }

    /** Whether the literal is an argument of a call that takes ids, CSS or keys, not words. */
    private static boolean inIdOrStyleCall(String code, int at) {
        String before = code.substring(Math.max(0, at - 60), at);
        return before.matches("(?s).*(?:setId|addClassName|addClassNames|setClassName|set|getStyle\\(\\)\\.set|setWidth|setHeight"
                + "|setKey|getColumnByKey|addThemeName|setAttribute|removeAttribute|executeJs|callJsFunction|addEventListener"
                + "|setFilter|addEventData|equals|startsWith|contains|getTranslation|Texts\\.t|translate|setProperty|withProperty"
                + "|withFunction|of|setMinWidth|setMaxWidth|setFlexGrow|setAcceptedFileTypes)\\(\\s*$");
    }

    /** {@code "label", getTranslation(…)}: a literal naming the text that follows (a map of texts). */
    private static boolean mapKeyOfATranslation(String code, int afterLiteral) {
        return code.substring(afterLiteral, Math.min(code.length(), afterLiteral + 40))
                .matches("(?s)\\s*,\\s*(?:getTranslation|Texts\\.t)\\(.*");
    }

    private static int statementEnd(String code, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ';' && depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The source with comments blanked out (lines kept, so line numbers stay right). */
    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(s.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int line(String code, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
