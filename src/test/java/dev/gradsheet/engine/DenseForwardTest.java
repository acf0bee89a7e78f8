package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Generators;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The forward pass's plain finish for dense cones ({@link Graph#forward}) changes nothing anyone can
 * see: on diamonds, chains, random DAGs and the MLP, a sheet that may take it and a sheet that never
 * does end every edit, SGD step, undo and redo with the same bits in every value and gradient, the
 * same change sets and the same observer emissions — and the plain finish really ran.
 */
class DenseForwardTest {

    /** Two copies of one sheet: {@code dense} takes the plain finish on small cones too, {@code incremental} never. */
    private static final class Twins {
        final Sheet dense;
        final Sheet incremental;
        final List<String> denseSeen = new ArrayList<>();
        final List<String> incrementalSeen = new ArrayList<>();
        final CompositeDisposable observers = new CompositeDisposable();

        Twins(String text, String... watched) {
            dense = Sheets.of(text);
            incremental = Sheets.of(text);
            dense.graph.denseMinimum = 16;
            incremental.graph.denseMinimum = Integer.MAX_VALUE;
            watch(dense, denseSeen, watched);
            watch(incremental, incrementalSeen, watched);
        }

        private void watch(Sheet s, List<String> seen, String[] watched) {
            observers.add(s.changes().subscribe(c -> seen.add(describe(c))));
            for (String name : watched) {
                observers.add(s.valueOf(name).subscribe(v -> seen.add(name + " = " + Double.doubleToRawLongBits(v))));
                observers.add(s.gradOf(name).subscribe(g -> seen.add("d" + name + " = " + Double.doubleToRawLongBits(g))));
            }
        }

        /** Does the same thing to both and checks they agree bit for bit; returns the dense one's recomputations. */
        long both(Consumer<Sheet> edit) {
            long before = dense.recomputations();
            edit.accept(dense);
            long work = dense.recomputations() - before;
            edit.accept(incremental);
            assertSame();
            return work;
        }

        void assertSame() {
            Graph a = dense.graph;
            Graph b = incremental.graph;
            assertEquals(b.size, a.size);
            for (int i = 0; i < a.size; i++) {
                int id = i;
                assertEquals(Double.doubleToRawLongBits(b.value[id]), Double.doubleToRawLongBits(a.value[id]),
                        () -> "value of " + a.names.nameOf(id));
                assertEquals(Double.doubleToRawLongBits(b.grad[id]), Double.doubleToRawLongBits(a.grad[id]),
                        () -> "gradient of " + a.names.nameOf(id));
            }
            assertEquals(incrementalSeen, denseSeen);
        }
    }

    /** A change set as text: its kind, origin, label and every listed cell's name and numbers, bit for bit. */
    private static String describe(ChangeSet c) {
        StringBuilder out = new StringBuilder(c.kind() + " " + c.origin() + " " + c.label() + ":");
        for (int i = 0; i < c.size(); i++) {
            out.append(' ').append(c.name(i)).append('=').append(Double.doubleToRawLongBits(c.value(i)))
                    .append('/').append(Double.doubleToRawLongBits(c.grad(i)));
        }
        return out.toString();
    }

    /** The usual edits: a value at the top, one further down, an SGD step, undo, redo. */
    private static void edit(Twins t, String top, String lower) {
        long live = t.dense.size();
        long work = t.both(s -> s.setValue(top, 0.3));
        assertTrue(work <= live, () -> "each cell at most once per edit: " + work + " of " + live);
        t.both(s -> s.setValue(top, -0.2));
        t.both(s -> s.setValue(lower, 0.7));
        t.both(s -> s.sgdStep(0.01, 1));
        t.both(s -> s.sgdStep(0.01, 3));
        t.both(Sheet::undo);
        t.both(Sheet::undo);
        t.both(Sheet::redo);
        t.both(s -> s.setValues(java.util.Map.of(top, 0.25, lower, 0.5)));
        assertEquals(0, t.incremental.graph.densePasses);
        assertTrue(t.dense.graph.densePasses > 0, "the plain finish ran");
    }

    @Test
    void stackedDiamonds() {
        Twins t = new Twins(Generators.text(w -> Generators.diamonds(2000, w)), "d0", "d1000", "d2000", "h");
        t.both(s -> s.setFormula("d1500", "weight(0.5)"));
        edit(t, "d0", "d1500");
        // the whole sheet is the cone of d0: the plain finish recomputes exactly the cone, once each
        long work = t.both(s -> s.setValue("d0", 0.9));
        assertEquals(3L * 2000, work); // every cell after the top once, the weight d1500 included (it keeps its value)
    }

    @Test
    void chainWithAWeightInTheMiddle() {
        String text = Generators.text(w -> Generators.chain(5000, w));
        Twins t = new Twins(text, "c0", "c2500", "L");
        t.both(s -> s.setFormula("c2500", "weight(0.3)"));
        edit(t, "c0", "c2500");
    }

    @Test
    void randomDag() {
        Twins t = new Twins(Generators.text(w -> Generators.randomDag(2000, 50, 7, w)), "r0", "r7");
        java.util.Map<String, Double> inputs = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            inputs.put("r" + i, 0.01 * i);
        }
        // every weight at once: nearly the whole sheet changes (r0 alone changes none here)
        long work = t.both(s -> s.setValues(inputs));
        assertTrue(work <= t.dense.size());
        edit(t, "r0", "r30");
    }

    @Test
    void mlp() {
        Twins t = new Twins(Generators.text(w -> Generators.mlp(24, 1, w)), "L", "y", "w1_0_0", "w3_0_0");
        edit(t, "w1_0_0", "w2_3_4");
        t.both(s -> s.setValue("x_0", 0.125)); // an input: its cone is nearly the whole network
    }

    @Test
    void aSmallConeNeverTakesThePlainFinish() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.chain(100_000, w)));
        s.setFormula("c99000", "weight(0.3)");
        long before = s.recomputations();
        long passes = s.graph.densePasses;
        s.setValue("c99000", 0.4);
        assertEquals(999, s.recomputations() - before); // c99001 .. c99998 and L, not the sheet
        assertEquals(passes, s.graph.densePasses);
    }

    @Test
    void aDenseConeAtTheTopFinishesPlainlyWithTheSameWork() {
        Sheet s = Sheets.of(Generators.text(w -> Generators.diamonds(30_000, w)));
        long before = s.recomputations();
        s.setValue("d0", 0.7);
        assertEquals(1, s.graph.densePasses);
        assertEquals(3L * 30_000, s.recomputations() - before); // every computed cell, once
    }
}
