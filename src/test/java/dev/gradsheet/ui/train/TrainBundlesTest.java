package dev.gradsheet.ui.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training panel's and lesson pages' bundles (issue 15): every key in English and Korean, with the
 * same {@code {n}} arguments, patterns MessageFormat reads as meant, and Korean that is Korean.
 */
class TrainBundlesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");

    @ParameterizedTest
    @ValueSource(strings = {"train", "lesson"})
    void everyKeyHasBothLanguagesWithTheSameArguments(String bundle) throws IOException {
        Properties english = load("i18n/" + bundle + ".properties");
        Properties korean = load("i18n/" + bundle + "_ko.properties");
        assertThat(english.stringPropertyNames()).as(bundle).isNotEmpty()
                .isEqualTo(korean.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String ko = korean.getProperty(key);
            assertThat(arguments(ko)).as(key).isEqualTo(arguments(en));
            assertThat(HANGUL.matcher(ko).find()).as(key + " is Korean: " + ko).isTrue();
            assertThat(ko).as(key).isNotEqualTo(en);
            for (String pattern : new String[] {en, ko}) {
                if (arguments(pattern).isEmpty()) {
                    // shown as written: a doubled quote would show twice
                    assertThat(pattern).as(key).doesNotContain("''");
                } else {
                    // MessageFormat: an apostrophe must be doubled, or it swallows the text after it
                    assertThat(pattern.replace("''", "")).as(key).doesNotContain("'");
                    int count = ((TreeSet<Integer>) arguments(pattern)).last() + 1;
                    Object[] args = java.util.stream.IntStream.range(0, count).mapToObj(i -> "«" + i + "»").toArray();
                    String shown = new MessageFormat(pattern, Locale.ROOT).format(args);
                    for (int i : arguments(pattern)) {
                        assertThat(shown).as(key).contains("«" + i + "»");
                    }
                }
            }
        }
    }

    /** Every key the panel's and lesson pages' code names exists, and every key is named somewhere. */
    @org.junit.jupiter.api.Test
    void theCodeUsesExactlyTheBundlesKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:train|lesson|network)\\.[A-Za-z0-9_.-]+)\"");
        try (java.util.stream.Stream<java.nio.file.Path> files =
                     java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/dev/gradsheet/ui/train"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Set<String> keys = new TreeSet<>(load("i18n/train.properties").stringPropertyNames());
        keys.addAll(load("i18n/lesson.properties").stringPropertyNames());
        // a literal ending in a dot is a prefix completed at run time (e.g. "network.refused." + reason)
        Set<String> prefixes = new TreeSet<>(used.stream().filter(k -> k.endsWith(".")).toList());
        used.removeAll(prefixes);
        assertThat(used).as("keys named in code but missing from the bundles").isSubsetOf(keys);
        assertThat(keys.stream().filter(k -> !used.contains(k) && prefixes.stream().noneMatch(k::startsWith)).toList())
                .as("keys in the bundles that no code names").isEmpty();
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TrainBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
