package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 9 item 4: why a value is NaN or infinite, and SGD refusing non-finite numbers. */
class NonFiniteTest {
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
