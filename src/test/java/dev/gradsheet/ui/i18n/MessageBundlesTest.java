package dev.gradsheet.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Op;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.train.TemplateDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles are complete: every key of every bundle (app, train, lesson) exists
 * in English and Korean with the same MessageFormat arguments and no empty text, the Korean text is
 * Korean, every pattern shows all its arguments; every key the code names exists, and every key is
 * named by some code.
 *
 * <p>Keys used in code are found as string literals passed to {@code getTranslation("…")},
 * {@code translate("…")} and {@code Texts.t("…")}, and as literals that look like a key (the
 * {@code "a.b"} strings such code picks between, e.g. {@code "grid.value"}). Keys built at run time
 * use these documented prefixes, each checked here for every value: {@code op.<name>.rule} (every
 * {@link Op}), {@code example.<id>.title/.description} (every {@link Examples} entry),
 * {@code refusal.<REASON>} (every {@link EditRefusedException.Reason}), {@code edit.<KIND>} (every
 * {@link EditLabel.Kind}) and {@code train.template.description.<KIND>} (every {@link TemplateDescription.Kind}).
 */
class MessageBundlesTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A literal passed to one of the translating calls. */
    private static final Pattern CALL = Pattern.compile(
            "(?:getTranslation|translate|Texts\\.t)\\(\\s*\"([^\"]+)\"");
    /** A literal shaped like one of this app's keys, e.g. "grid.valueTip" (chosen with ?: before a call). */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:" + String.join("|", prefixes())
            + ")\\.[A-Za-z0-9_.-]+)\"");
    /** Prefixes the code completes at run time; the tests below check every completion. */
    private static final Set<String> DYNAMIC_PREFIXES = Set.of("example.", "refusal.", "refusal.detail.", "network.refused.",
            "nonfinite.cause.", "edit.", "train.template.description.");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private static List<String> prefixes() {
        // every key family of the bundles (app, then train and lesson)
        return List.of("sheet", "tab", "edit", "toolbar", "presenter", "refusal", "grid", "why", "add", "sgd",
                "check", "start", "step", "graphText", "history", "practice", "live", "graph", "language",
                "example", "op", "nonfinite", "server", "train", "lesson", "network",
                // sharing and the classroom's pages
                "bar", "assign", "assignment", "class", "dashboard", "join", "login", "my", "setup", "teach");
    }

    @Test
    void everyKeyIsInBothLanguagesWithTheSameArgumentsAndSomeText() {
        List<String> problems = new ArrayList<>();
        int keys = 0;
        for (String base : GradSheetI18N.BUNDLES) {
            ResourceBundle en = GradSheetI18N.bundle(base, GradSheetI18N.ENGLISH);
            ResourceBundle ko = GradSheetI18N.bundle(base, GradSheetI18N.KOREAN);
            assertNotNull(en, base + ".properties is missing");
            assertNotNull(ko, base + "_ko.properties is missing");
            // the Korean bundle's parent is not consulted (no fallback control), so keySet is its own
            Set<String> all = new TreeSet<>(en.keySet());
            all.addAll(ko.keySet());
            for (String key : all) {
                keys++;
                if (!en.containsKey(key)) {
                    problems.add(base + ": " + key + " has no English text");
                    continue;
                }
                if (!ko.containsKey(key)) {
                    problems.add(base + ": " + key + " has no Korean text");
                    continue;
                }
                String e = en.getString(key);
                String k = ko.getString(key);
                if (e.isBlank() || k.isBlank()) {
                    problems.add(base + ": " + key + " is empty in " + (e.isBlank() ? "English" : "Korean"));
                }
                if (!arguments(e).equals(arguments(k))) {
                    problems.add(base + ": " + key + " has arguments " + arguments(e) + " in English but "
                            + arguments(k) + " in Korean");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(keys > 200, "the bundles hold the app's texts (" + keys + " keys)");
    }

    @Test
    void koreanBundleIsReallyKorean() {
        ResourceBundle ko = GradSheetI18N.bundle("i18n/app", GradSheetI18N.KOREAN);
        assertEquals("실행 취소", ko.getString("toolbar.undo"));
        assertEquals("기울기", ko.getString("grid.grad"));
        assertEquals("학습률", ko.getString("sgd.lr"));
        assertEquals("연쇄 법칙", ko.getString("grid.localTip").replaceAll(".*(연쇄 법칙).*", "$1"));
    }

    /** The keys the page's code names: in translating calls, or as literals shaped like keys. */
    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("dev/gradsheet/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (Pattern p : List.of(CALL, KEY_LITERAL)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return used;
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.size() > 150, "found the keys the code uses: " + used.size());
        assertTrue(used.containsAll(DYNAMIC_PREFIXES), "the documented prefixes are the ones in use: " + used);
        List<String> missing = used.stream().filter(k -> !DYNAMIC_PREFIXES.contains(k) && !inBoth(k)).toList();
        assertTrue(missing.isEmpty(), "keys used in code but missing from a bundle: " + missing);
    }

    @Test
    void everyOperationHasItsRuleInBothLanguagesAndTheEnglishIsTheEngines() {
        for (Op op : Op.values()) {
            String key = "op." + op.label() + ".rule";
            assertTrue(inBoth(key), key + " is missing");
            // the English page says exactly what the command line says
            assertEquals(op.rule(), GradSheetI18N.lookUp(key, GradSheetI18N.ENGLISH), key);
            assertFalse(op.rule().equals(GradSheetI18N.lookUp(key, GradSheetI18N.KOREAN)) && op.rule().matches(".*[a-z]{3}.*"),
                    key + " is not translated");
        }
    }

    @Test
    void everyExampleAndRefusalReasonHasItsKeys() {
        for (Examples.Example ex : Examples.ALL) {
            assertTrue(inBoth("example." + ex.id() + ".title"), ex.id());
            assertTrue(inBoth("example." + ex.id() + ".description"), ex.id());
            assertEquals(ex.title(), GradSheetI18N.lookUp("example." + ex.id() + ".title", GradSheetI18N.ENGLISH));
        }
        for (EditRefusedException.Reason r : EditRefusedException.Reason.values()) {
            assertTrue(inBoth("refusal." + r.name()), r.name());
        }
        for (dev.gradsheet.server.access.Refusal.Reason r : dev.gradsheet.server.access.Refusal.Reason.values()) {
            assertTrue(inBoth(new dev.gradsheet.server.access.Refusal(dev.gradsheet.server.access.Action.VIEW, r).messageKey()),
                    r.name());
        }
        for (dev.gradsheet.engine.NonFinite.Cause c : dev.gradsheet.engine.NonFinite.Cause.values()) {
            assertTrue(inBoth("nonfinite.cause." + c.name()), c.name());
        }
        for (EditRefusedException.Detail d : EditRefusedException.Detail.values()) {
            if (d != EditRefusedException.Detail.NONE) {
                assertTrue(inBoth("refusal.detail." + d.name()), d.name());
            }
        }
    }

    /**
     * Every kind of edit label is worded in both languages, and the English page says exactly what the
     * command line says (the engine's English): a kind added without its keys fails here.
     */
    @Test
    void everyEditLabelKindIsWordedInBothLanguagesAndTheEnglishIsTheEngines() {
        for (EditLabel.Kind kind : EditLabel.Kind.values()) {
            String key = "edit." + kind.name();
            assertTrue(inBoth(key), key + " is missing");
            assertEquals(kind.english(), GradSheetI18N.lookUp(key, GradSheetI18N.ENGLISH), key);
            assertEquals(kind.hasSingular(), inBoth(key + ".one"), key + ".one");
            if (kind.hasSingular()) {
                assertEquals(kind.englishOne(), GradSheetI18N.lookUp(key + ".one", GradSheetI18N.ENGLISH), key + ".one");
            }
        }
    }

    /** Every template's description is worded in both languages; its English is what the template writes. */
    @Test
    void everyTemplateDescriptionIsWordedInBothLanguagesAndTheEnglishIsTheTemplates() {
        for (TemplateDescription.Kind kind : TemplateDescription.Kind.values()) {
            String key = "train.template.description." + kind.name();
            assertTrue(inBoth(key), key + " is missing");
            assertEquals(kind.english(), GradSheetI18N.lookUp(key, GradSheetI18N.ENGLISH), key);
        }
    }

    /**
     * Every pattern reads as meant: MessageFormat swallows the text after a single apostrophe, and a
     * pattern without arguments is shown as written (a doubled apostrophe would show twice).
     */
    @Test
    void everyPatternShowsEveryArgumentAndItsApostrophes() {
        List<String> problems = new ArrayList<>();
        for (String base : GradSheetI18N.BUNDLES) {
            for (java.util.Locale locale : List.of(GradSheetI18N.ENGLISH, GradSheetI18N.KOREAN)) {
                ResourceBundle bundle = GradSheetI18N.bundle(base, locale);
                for (String key : bundle.keySet()) {
                    String pattern = bundle.getString(key);
                    Set<String> args = arguments(pattern);
                    if (args.isEmpty()) {
                        if (pattern.contains("''")) {
                            problems.add(base + " " + locale + " " + key + ": '' shows twice without arguments");
                        }
                        continue;
                    }
                    if (pattern.replace("''", "").contains("'")) {
                        problems.add(base + " " + locale + " " + key + ": a single ' swallows the text after it");
                    }
                    int count = args.stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
                    Object[] values = java.util.stream.IntStream.range(0, count).mapToObj(i -> "«" + i + "»").toArray();
                    String shown = new java.text.MessageFormat(pattern, java.util.Locale.ROOT).format(values);
                    for (String a : args) {
                        if (!shown.contains("«" + a + "»")) {
                            problems.add(base + " " + locale + " " + key + ": {" + a + "} is not shown");
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Texts the same in both languages on purpose: each language's name in itself (the switch), and
     * rules that are formulas only.
     */
    private static final Set<String> SAME_IN_BOTH = Set.of("language.english", "language.korean", "op.mse.rule",
            "op.div.rule", "edit.VERBATIM");

    /** Korean text is Korean: it has Hangul and is not the English text, but for {@link #SAME_IN_BOTH}. */
    @Test
    void everyKoreanTextIsKorean() {
        Pattern hangul = Pattern.compile("\\p{IsHangul}");
        List<String> problems = new ArrayList<>();
        for (String base : GradSheetI18N.BUNDLES) {
            ResourceBundle en = GradSheetI18N.bundle(base, GradSheetI18N.ENGLISH);
            ResourceBundle ko = GradSheetI18N.bundle(base, GradSheetI18N.KOREAN);
            for (String key : ko.keySet()) {
                String k = ko.getString(key);
                if (!SAME_IN_BOTH.contains(key)
                        && (!hangul.matcher(k).find() || k.equals(en.containsKey(key) ? en.getString(key) : null))) {
                    problems.add(base + " " + key + " = " + k);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Every key of every bundle is named by some code (or completes a prefix the code builds keys from). */
    @Test
    void everyKeyIsNamedSomewhere() throws IOException {
        Set<String> used = usedKeys();
        Set<String> prefixes = new TreeSet<>(DYNAMIC_PREFIXES);
        prefixes.add("op."); // op.<label>.rule, checked above for every operation
        prefixes.add("access."); // access.<REASON>, worded refusals of server.access, checked above for every reason
        used.stream().filter(k -> k.endsWith(".")).forEach(prefixes::add);
        List<String> unused = new ArrayList<>();
        for (String base : GradSheetI18N.BUNDLES) {
            for (String key : GradSheetI18N.bundle(base, GradSheetI18N.ENGLISH).keySet()) {
                if (!used.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                    unused.add(base + ": " + key);
                }
            }
        }
        assertTrue(unused.isEmpty(), "keys no code names:\n" + String.join("\n", unused));
    }

    private static boolean inBoth(String key) {
        return GradSheetI18N.lookUp(key, GradSheetI18N.ENGLISH) != null
                && GradSheetI18N.lookUp(key, GradSheetI18N.KOREAN) != null;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

}
