package dev.gradsheet.ui.train;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Readable ticks on the loss curve's log axis. */
class AxisTicksTest {
    @Test
    void wideRangesGetOneTwoFiveSteps() {
        AxisTicks t = AxisTicks.log(0.06, 0.8);
        assertThat(t.values()).containsExactly(0.05, 0.1, 0.2, 0.5, 1.0);
        assertThat(t.labels()).containsExactly("0.05", "0.1", "0.2", "0.5", "1");
        assertThat(t.min()).isEqualTo(0.05);
        assertThat(t.max()).isEqualTo(1.0);
    }

    @Test
    void manyDecadesThinToDecades() {
        AxisTicks t = AxisTicks.log(2e-5, 0.7);
        assertThat(t.values().size()).isLessThanOrEqualTo(AxisTicks.MAX_TICKS);
        assertThat(t.labels()).containsExactly("1e-4", "0.001", "0.01", "0.1", "1");
        assertThat(t.min()).isLessThanOrEqualTo(2e-5);
        assertThat(t.max()).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void aLongRunsNarrowRangeNeverRepeatsALabel() {
        // late in a long run every loss is about 4e-6: the old axis read "4e-6" at every tick
        AxisTicks t = AxisTicks.log(4.02e-6, 4.37e-6);
        assertThat(t.values().size()).isBetween(3, 8);
        assertThat(new HashSet<>(t.labels())).hasSameSizeAs(t.labels());
        assertThat(t.labels()).contains("4.1e-6", "4.2e-6");
        assertThat(t.min()).isLessThanOrEqualTo(4.02e-6);
        assertThat(t.max()).isGreaterThanOrEqualTo(4.37e-6);
    }

    @Test
    void lowTicksDoNotCrowd() {
        // the old axis showed 0.39 / 0.37 / 0.35 / 0.33 on top of each other
        AxisTicks t = AxisTicks.log(0.33, 0.69);
        assertThat(t.values().size()).isBetween(3, 8);
        assertThat(t.labels()).containsExactly("0.3", "0.4", "0.5", "0.6", "0.7");
    }

    @Test
    void aFlatCurveStillGetsTicks() {
        AxisTicks t = AxisTicks.log(0.25, 0.25);
        assertThat(t.values()).isNotEmpty();
        assertThat(t.min()).isLessThanOrEqualTo(0.25);
        assertThat(t.max()).isGreaterThanOrEqualTo(0.25);
    }
}
