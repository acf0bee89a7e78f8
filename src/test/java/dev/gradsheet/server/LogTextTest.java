package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User text in the log: capped, on one line, nothing invisible. */
class LogTextTest {
    @Test
    void longTextIsCappedAndSaysHowMuchWasLeftOut() {
        String logged = LogText.of(new IllegalArgumentException("x".repeat(105_000_000 / 100)));
        assertThat(logged).startsWith("java.lang.IllegalArgumentException: xxx")
                .endsWith("… (" + (1_050_000 + "java.lang.IllegalArgumentException: ".length() - LogText.MAX_CHARS)
                        + " more characters)");
        assertThat(logged.length()).isLessThan(LogText.MAX_CHARS + 40);
    }

    @Test
    void lineBreaksAndBidiControlsCannotForgeOrHideALine() {
        assertThat(LogText.of("bad\n2026-12-08 INFO all fine\u202e")).isEqualTo("bad\\x0a2026-12-08 INFO all fine\\u202e");
    }

    @Test
    void aHundredThousandProblemLinesBecomeTenAndACount() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            lines.add("s.sheet:" + i + ":1: unknown name 'q'");
        }
        String logged = LogText.lines(lines);
        assertThat(logged).startsWith("s.sheet:1:1: unknown name 'q'; s.sheet:2:1:").contains("s.sheet:10:1:")
                .doesNotContain("s.sheet:11:1:").endsWith("; … and 99990 more");
    }
}
