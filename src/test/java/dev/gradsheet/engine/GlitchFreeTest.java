package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Generators;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Propagation is glitch-free: after an edit each affected cell is recomputed exactly once, observers
 * are told once per edit, and never see a state that mixes old and new values — even on stacked
 * diamonds, where chained combineLatest would emit 2^k intermediate states.
 */
class GlitchFreeTest {
    private static final int LEVELS = 40;

    @Test
    void stackedDiamondsRecomputeEachCellOncePerEdit() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.diamonds(LEVELS, w)));
        assertEquals(3 * LEVELS + 3, s.size());
        long before = s.recomputations();
        s.setValue("d0", 0.7);
        // every computed cell is downstream of d0 and changes: 3 per level, once each
        assertEquals(3L * LEVELS, s.recomputations() - before);
    }

    @Test
    void observersSeeOneEmissionPerEditAndAConsistentState() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.diamonds(LEVELS, w)));
        List<Double> top = new ArrayList<>();
        List<String> inconsistencies = new ArrayList<>();
        String last = "d" + LEVELS;
        Disposable d1 = s.valueOf(last).subscribe(v -> {
            top.add(v);
            // inside the emission the whole sheet is already at the new state
            for (int k = 1; k <= LEVELS; k++) {
                double expected = s.value("a" + k) + s.value("b" + k);
                if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(s.value("d" + k))) {
                    inconsistencies.add("d" + k);
                }
            }
        });
        List<ChangeSet> sets = new ArrayList<>();
        Disposable d2 = s.changes().subscribe(sets::add);
        assertEquals(1, top.size()); // the current value on subscribe

        s.setValue("d0", 0.9);
        assertEquals(0.9, s.value(last), 0);
        assertEquals(2, top.size());
        assertEquals(1, sets.size());
        // d0 and every computed cell changed value; h and g changed gradient (it is the sum of the d's)
        assertEquals(3 * LEVELS + 3, sets.get(0).size());
        assertEquals(s.value(last), top.get(1), 0);
        assertTrue(inconsistencies.isEmpty(), inconsistencies::toString);
        d1.dispose();
        d2.dispose();
    }

    @Test
    void unchangedCellsEmitNothingAndStopThePropagation() {
        Sheet s = Sheets.of("""
                a = weight(2)
                r = relu(a)
                big = r * 10
                other = weight(1)
                L = big + other
                """);
        List<Double> rValues = new ArrayList<>();
        s.valueOf("r").subscribe(rValues::add);
        s.setValue("a", -1);          // r becomes 0
        long before = s.recomputations();
        s.setValue("a", -3);          // r stays 0: big and L need no recomputation
        assertEquals(1, s.recomputations() - before);
        assertEquals(List.of(2.0, 0.0), rValues);
    }

    @Test
    void anEditRecomputesOnlyItsDownstreamCone() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.chain(1000, w)) + "side = weight(1)\nS = side * 2\n");
        s.setObjective("L");
        long before = s.recomputations();
        s.setValue("side", 3);
        assertEquals(1, s.recomputations() - before); // only S, not the 999-cell chain
    }

    @Test
    void anEditInAChainRecomputesExactlyTheCellsAfterIt() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.chain(10_000, w)));
        s.setFormula("c9000", "weight(0.3)");
        long before = s.recomputations();
        s.setValue("c9000", 0.4);
        // c9001 .. c9998 and L: 999 cells, each once
        assertEquals(999, s.recomputations() - before);
        before = s.recomputations();
        s.setValue("c0", 0.7); // upstream of the weight: only c1 .. c8999 recompute
        assertEquals(8999, s.recomputations() - before);
    }

    @Test
    void aBatchOfEditsPropagatesAndEmitsOnce() {
        Sheet s = Sheets.of(Sheets.WORKED);
        List<ChangeSet> sets = new ArrayList<>();
        s.changes().subscribe(sets::add);
        long before = s.recomputations();
        s.setValues(java.util.Map.of("x", 1.0, "y", 2.0, "z", 3.0));
        assertEquals(1, sets.size());
        assertEquals(3, s.recomputations() - before); // q, f and L once each
        assertEquals(9, s.value("f"), 0);
    }

    @Test
    void sgdStepOverAllWeightsEmitsOnce() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.mlp(4, 1, w)));
        List<ChangeSet> sets = new ArrayList<>();
        s.changes().subscribe(sets::add);
        double before = s.objectiveValue();
        s.sgdStep(0.1, 1);
        assertEquals(1, sets.size());
        assertTrue(s.objectiveValue() < before);
    }

    @Test
    void aMillionCellChainEvaluatesWithoutRecursion() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.chain(1_000_000, w)));
        assertEquals(1_000_000, s.size());
        double c = 0.5;
        for (int k = 1; k < 1_000_000 - 1; k++) {
            c = Math.tanh(c);
        }
        assertEquals(c * c, s.value("L"), 1e-15);
        assertTrue(s.grad("c0") > 0);
        s.setValue("c0", 0.25);
        assertTrue(s.value("L") < c * c);
    }
}
