package dev.gradsheet.train;

import dev.gradsheet.sheet.DataTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Playground's seeded data sets, and the seeded train/test split. */
class DataGeneratorTest {

    @ParameterizedTest
    @EnumSource(DataGenerator.class)
    void seededSizedBalancedAndReproducible(DataGenerator kind) {
        DataTable t = kind.generate(200, 0.1, 7);
        assertThat(t.columns()).containsExactly("x1", "x2", "y");
        assertThat(t.size()).isEqualTo(200);
        int ones = 0;
        for (int r = 0; r < t.size(); r++) {
            assertThat(t.get(r, 2)).isIn(0.0, 1.0);
            ones += (int) t.get(r, 2);
            assertThat(Math.abs(t.get(r, 0))).isLessThan(2);
            assertThat(Math.abs(t.get(r, 1))).isLessThan(2);
        }
        assertThat(ones).isEqualTo(100);
        assertThat(kind.generate(200, 0.1, 7)).isEqualTo(t); // same seed, same table
        assertThat(kind.generate(200, 0.1, 8)).isNotEqualTo(t);
        assertThat(kind.generate(31, 0, 7).size()).isEqualTo(31);
    }

    /** The first points of each set at seed 1, size 100, noise 0.1: fixed, so a saved lesson stays the same. */
    @Test
    void firstPointsAreFixed() {
        assertThat(first(DataGenerator.CIRCLE)).isEqualTo(CIRCLE_FIRST);
        assertThat(first(DataGenerator.XOR)).isEqualTo(XOR_FIRST);
        assertThat(first(DataGenerator.GAUSSIANS)).isEqualTo(GAUSSIANS_FIRST);
        assertThat(first(DataGenerator.SPIRAL)).isEqualTo(SPIRAL_FIRST);
        assertThat(first(DataGenerator.MOONS)).isEqualTo(MOONS_FIRST);
    }

    static final List<List<Double>> CIRCLE_FIRST = List.of(List.of(-0.273, -0.861, 0.0), List.of(-0.412, -0.144, 1.0));
    static final List<List<Double>> XOR_FIRST = List.of(List.of(-0.712, 0.893, 0.0), List.of(0.491, 0.249, 1.0));
    static final List<List<Double>> GAUSSIANS_FIRST = List.of(List.of(-0.498, -1.203, 0.0), List.of(0.437, 0.393, 1.0));
    static final List<List<Double>> SPIRAL_FIRST = List.of(List.of(-0.003, -0.25, 0.0), List.of(0.009, -0.203, 1.0));
    static final List<List<Double>> MOONS_FIRST = List.of(List.of(-0.545, 0.626, 0.0), List.of(1.032, -0.406, 1.0));

    private static List<List<Double>> first(DataGenerator kind) {
        DataTable t = kind.generate(100, 0.1, 1);
        return List.of(List.of(t.get(0, 0), t.get(0, 1), t.get(0, 2)), List.of(t.get(1, 0), t.get(1, 1), t.get(1, 2)));
    }

    @Test
    void withoutNoiseEachShapeSeparatesItsClassesAsDrawn() {
        DataTable circle = DataGenerator.CIRCLE.generate(400, 0, 3);
        DataTable xor = DataGenerator.XOR.generate(400, 0, 3);
        DataTable spiral = DataGenerator.SPIRAL.generate(400, 0, 3);
        for (int r = 0; r < 400; r++) {
            double radius = Math.hypot(circle.get(r, 0), circle.get(r, 1));
            if (circle.get(r, 2) == 1) {
                assertThat(radius).isLessThanOrEqualTo(0.501);
            } else {
                assertThat(radius).isBetween(0.699, 1.001);
            }
            assertThat(xor.get(r, 0) * xor.get(r, 1) > 0).isEqualTo(xor.get(r, 2) == 1);
        }
        // the spiral's arms wind outwards: each arm's radius grows along it
        assertThat(Math.hypot(spiral.get(398, 0), spiral.get(398, 1)))
                .isGreaterThan(Math.hypot(spiral.get(100, 0), spiral.get(100, 1)));
        // the gaussians' classes sit around (-0.5, -0.5) and (0.5, 0.5)
        DataTable g = DataGenerator.GAUSSIANS.generate(2000, 0, 3);
        double[] mean = new double[2];
        for (int r = 0; r < g.size(); r++) {
            mean[(int) g.get(r, 2)] += g.get(r, 0) / 1000;
        }
        assertThat(mean[0]).isBetween(-0.55, -0.45);
        assertThat(mean[1]).isBetween(0.45, 0.55);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> DataGenerator.CIRCLE.generate(1, 0.1, 1)).hasMessage("size must be 2..5000, not 1");
        assertThatThrownBy(() -> DataGenerator.CIRCLE.generate(10, -0.1, 1)).hasMessageStartingWith("noise must be between 0 and 1");
        assertThatThrownBy(() -> DataGenerator.CIRCLE.generate(10, Double.NaN, 1)).hasMessageStartingWith("noise must be");
    }

    @Test
    void splitHoldsBackTheShareAskedDisjointAndSeeded() {
        Split s = Split.of(100, 0.25, 1);
        assertThat(s.train()).hasSize(75);
        assertThat(s.test()).hasSize(25);
        boolean[] seen = new boolean[100];
        for (int i : s.train()) {
            seen[i] = true;
        }
        for (int i : s.test()) {
            assertThat(seen[i]).isFalse();
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertThat(b).isTrue();
        }
        assertThat(Split.of(100, 0.25, 1).test()).isEqualTo(s.test());
        assertThat(Split.of(100, 0.25, 2).test()).isNotEqualTo(s.test());
        assertThat(Split.of(4, 0, 1).test()).isEmpty();
        assertThat(Split.of(3, 0.9, 1).train()).hasSize(1); // one row always stays for training
        assertThat(Split.of(10, 0.33, 1).test()).hasSize(3);
    }
}
