package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Why a value is NaN or infinite, and SGD refusing non-finite numbers. */
public class NonFiniteTest {
    @Test
    void theExplanationNamesWhereTheNonFiniteNumberStarted() {
        Sheet s = new Sheet();
        s.addCell("w", "weight(-1)");
        s.addCell("a", "log(w)");
        s.addCell("b", "a * 2");
        s.addCell("zero", "input(0)");
        s.addCell("d", "w / zero");
        s.addCell("p", "input(2)");
        s.addCell("t", "input(1)");
        s.addCell("e", "bce(p, t)");
        assertThat(s.whyNotFinite("w")).isNull();
        assertThat(s.whyNotFinite("a")).isEqualTo("a is NaN (not a number): the log of a negative number (w = -1)");
        assertThat(s.whyNotFinite("b")).isEqualTo("b is NaN (not a number) because a is NaN (not a number):"
                + " the log of a negative number (w = -1)");
        assertThat(s.whyNotFinite("d")).isEqualTo("d is −∞: division by zero (zero = 0)");
        assertThat(s.whyNotFinite("e")).isEqualTo("e is NaN (not a number): bce of p = 2 (p), outside (0, 1):"
                + " p must be a probability");
    }

    /** Every cause, typed with its arguments, so a page can say it in another language. */
    @Test
    void eachCauseIsTypedWithItsArguments() {
        Sheet s = Sheets.of(NonFiniteTest.EVERY_CAUSE);
        assertThat(s.notFinite("w")).isEmpty();
        assertThat(causeOf(s, "a")).isEqualTo("a a LOG_OF_NEGATIVE [w, -1]");
        assertThat(causeOf(s, "b")).isEqualTo("b a LOG_OF_NEGATIVE [w, -1]");
        assertThat(causeOf(s, "l0")).isEqualTo("l0 l0 LOG_OF_ZERO [zero]");
        assertThat(causeOf(s, "d")).isEqualTo("d d DIVISION_BY_ZERO [zero]");
        assertThat(causeOf(s, "q")).isEqualTo("q q QUOTIENT_TOO_LARGE []");
        assertThat(causeOf(s, "e")).isEqualTo("e e BCE_OUTSIDE [2, p]");
        assertThat(causeOf(s, "e0")).isEqualTo("e0 e0 BCE_LOG_OF_ZERO [0, 1]");
        assertThat(causeOf(s, "x")).isEqualTo("x x EXP_TOO_LARGE [1000]");
        assertThat(causeOf(s, "m")).isEqualTo("m m TOO_LARGE [mul]");
        assertThat(s.notFinite("m").orElseThrow().sentence()).isEqualTo(s.whyNotFinite("m"));
    }

    /** Cells whose values are NaN or ±∞ for each cause NonFinite knows but a non-finite input (refused by edits). */
    public static final String EVERY_CAUSE = """
            w = weight(-1)
            a = log(w)
            b = a * 2
            zero = input(0)
            l0 = log(zero)
            d = w / zero
            big = input(1e300)
            tiny = input(1e-300)
            q = big / tiny
            p = input(2)
            t = input(1)
            e = bce(p, t)
            e0 = bce(zero, t)
            k = input(1000)
            x = exp(k)
            m = big * big
            """;

    private static String causeOf(Sheet s, String name) {
        NonFinite n = s.notFinite(name).orElseThrow();
        return n.cell() + " " + n.origin() + " " + n.cause() + " " + n.arguments();
    }

    @Test
    void sgdRefusesANanObjectiveAndChangesNothing() {
        Sheet s = new Sheet();
        s.addCell("w", "weight(-1)");
        s.addCell("L", "log(w)");
        long version = s.version();
        assertThatThrownBy(() -> s.sgdStep(0.01, 1)).isInstanceOf(EditRefusedException.class)
                .hasMessage("the objective L is NaN (not a number): the log of a negative number (w = -1);"
                        + " an SGD step needs finite numbers, so nothing was changed");
        assertThat(s.value("w")).isEqualTo(-1.0);
        assertThat(s.version()).isEqualTo(version);
    }
}
