package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Generators;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The finite-difference check's work is linear in the sheet, checked by counting formula evaluations
 * (never by timing); and its chain rule over local differences gives the numbers perturbing each
 * cell and recomputing the objective gives.
 */
class GradientCheckWorkTest {
    private static Sheet chain(int n) {
        return Sheets.of(Generators.text(w -> Generators.chain(n, w)));
    }

    /**
     * A chain: perturbing each cell and recomputing what lies downstream costs n²/2 recomputations
     * (2·10⁸ for 20,000 cells); the check evaluates each formula four times per argument instead.
     */
    @Test
    void aChainCostsFourFormulaEvaluationsPerUseOfACell() {
        for (int n : new int[] {10_000, 20_000}) {
            Sheet s = chain(n);
            long recomputedBefore = s.recomputations();
            GradientCheck check = GradientCheck.run(s);
            // c1..c(n-2) each use the cell before; L = c(n-2) * c(n-2) uses one cell (twice, probed once)
            assertThat(check.evaluations()).as("n = %d", n).isEqualTo(4L * (n - 1));
            assertThat(s.recomputations()).isEqualTo(recomputedBefore); // no propagation at all
            assertThat(check.entries()).hasSize(n);
            assertThat(check.worstError()).isLessThan(1e-6);
        }
    }

    @Test
    void aWideMeanCostsFourEvaluationsPerTermNotPerTermSquared() {
        int n = 20_000;
        StringBuilder text = new StringBuilder();
        StringBuilder mean = new StringBuilder("L = mean(");
        for (int i = 0; i < n; i++) {
            text.append('x').append(i).append(" = weight(").append(i % 7 - 3).append(")\n");
            mean.append(i > 0 ? ", x" : "x").append(i);
        }
        Sheet s = Sheets.of(text.append(mean).append(", x0)\n").toString());
        GradientCheck check = GradientCheck.run(s);
        assertThat(check.evaluations()).isEqualTo(1 + 4L * n); // the sum once, then four per distinct term
        assertThat(check.worstError()).isLessThan(1e-8);
        GradientCheck.Entry x0 = check.entries().stream().filter(e -> e.name().equals("x0")).findFirst().orElseThrow();
        assertThat(x0.numeric()).isCloseTo(2.0 / (n + 1), org.assertj.core.data.Offset.offset(1e-12)); // used twice
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomSheetsGetTheNumbersOfPerturbingEachCell(long seed) {
        agreesCellByCell(Sheets.of(Generators.text(w -> Generators.randomDag(80, 6, seed, w))));
    }

    @Test
    void everyExampleAndAnMlpGetTheNumbersOfPerturbingEachCell() {
        for (Examples.Example e : Examples.ALL) {
            agreesCellByCell(e.load().sheet());
        }
        agreesCellByCell(Sheets.of(Generators.text(w -> Generators.mlp(3, 7, w))));
        // bce fused with its sigmoid, a cell used twice, a constant, a kink away from its corner
        agreesCellByCell(Sheets.of("""
                a = weight(0.7)
                b = weight(-1.3)
                z = a * b + a * a
                p = sigmoid(z)
                t = input(0.25)
                r = relu(b + 2)
                L = bce(p, t) + 0.5 * r * r + sum(a, a, b) * mean(b, 2)
                """));
    }

    @Test
    void theSheetIsLeftBitForBitWithItsFusedFlags() {
        Sheet s = Sheets.of("z = weight(0.3)\np = sigmoid(z)\nt = input(1)\nL = bce(p, t) + p * z\n");
        double[] values = s.graph.value.clone();
        double[] grads = s.graph.grad.clone();
        byte[] flags = s.graph.flags.clone();
        GradientCheck.run(s);
        assertThat(s.graph.value).isEqualTo(values);
        assertThat(s.graph.grad).isEqualTo(grads);
        assertThat(s.graph.flags).isEqualTo(flags);
    }

    /** Every compared cell's estimate is the one perturbing that cell and recomputing the objective gives. */
    private static void agreesCellByCell(Sheet s) {
        GradientCheck check = GradientCheck.run(s);
        assertThat(check.entries()).isNotEmpty();
        for (GradientCheck.Entry e : check.entries()) {
            double global = GlobalDifference.of(s, e.name());
            double scale = Math.max(1e-4, Math.max(Math.abs(global), Math.abs(e.numeric())));
            assertThat(Math.abs(e.numeric() - global) / scale).as("%s: local %s, global %s in%n%s", e.name(),
                    e.numeric(), global, Arrays.toString(s.names().toArray())).isLessThan(1e-6);
        }
    }
}
