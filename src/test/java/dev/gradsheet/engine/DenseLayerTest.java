package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Generators;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Dense layers run as one loop ({@link DenseLayers}) change nothing anyone can see: a sheet whose
 * layers run as loops and the same sheet computed cell by cell end every edit, SGD step, undo, redo,
 * structural edit, probe and training batch with the same bits in every cell's value and gradient —
 * the products and partial sums the loops stand for included, read through every public way of
 * reading them — the same change sets and the same observer emissions.
 */
class DenseLayerTest {

    /** Two copies of one sheet: {@code dense} runs every dense layer as a loop, {@code cells} none. */
    private static final class Twins {
        final Sheet dense;
        final Sheet cells;
        final List<String> denseSeen = new ArrayList<>();
        final List<String> cellsSeen = new ArrayList<>();
        final CompositeDisposable observers = new CompositeDisposable();

        Twins(String text, String... watched) {
            dense = Sheets.withDenseLayers(text, 1);
            cells = Sheets.withDenseLayers(text, Integer.MAX_VALUE);
            assertNull(cells.graph.dense);
            watch(dense, denseSeen, watched);
            watch(cells, cellsSeen, watched);
            assertSame();
        }

        private void watch(Sheet s, List<String> seen, String[] watched) {
            observers.add(s.changes().subscribe(c -> seen.add(describe(c))));
            for (String name : watched) {
                observers.add(s.valueOf(name).subscribe(v -> seen.add(name + " = " + Double.doubleToRawLongBits(v))));
                observers.add(s.gradOf(name).subscribe(g -> seen.add("d" + name + " = " + Double.doubleToRawLongBits(g))));
            }
        }

        void both(Consumer<Sheet> edit) {
            int denseBefore = denseSeen.size();
            int cellsBefore = cellsSeen.size();
            edit.accept(dense);
            edit.accept(cells);
            // cells are told in the order of the sheet's observer table, by id: the twins' ids differ
            denseSeen.subList(denseBefore, denseSeen.size()).sort(null);
            cellsSeen.subList(cellsBefore, cellsSeen.size()).sort(null);
            assertSame();
        }

        /** Every cell, as {@link Sheet#cells()} and {@link Sheet#value}/{@link Sheet#grad} read it, bit for bit. */
        void assertSame() {
            List<Cell> a = dense.cells();
            List<Cell> b = cells.cells();
            assertEquals(b.size(), a.size());
            for (int i = 0; i < a.size(); i++) {
                Cell x = a.get(i);
                Cell y = b.get(i);
                assertEquals(y.name(), x.name());
                assertEquals(y.formula(), x.formula());
                assertEquals(Double.doubleToRawLongBits(y.value()), Double.doubleToRawLongBits(x.value()),
                        () -> "value of " + x.name());
                assertEquals(Double.doubleToRawLongBits(y.grad()), Double.doubleToRawLongBits(x.grad()),
                        () -> "gradient of " + x.name());
            }
            // one cell at a time, as a grid row or an observer reads it (no whole-sheet write-out before)
            for (int i = 0; i < a.size(); i += 7) {
                String name = b.get(i).name();
                assertEquals(Double.doubleToRawLongBits(cells.value(name)), Double.doubleToRawLongBits(dense.value(name)), name);
                assertEquals(Double.doubleToRawLongBits(cells.grad(name)), Double.doubleToRawLongBits(dense.grad(name)), name);
            }
            sameEvents(cellsSeen, denseSeen);
        }

        int layers() {
            DenseLayers d = dense.graph.dense;
            return d == null ? 0 : d.layerCount();
        }
    }

    /** The same emissions, naming the first that differs. */
    private static void sameEvents(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                String e = expected.get(i);
                String a = actual.get(i);
                int at = 0;
                while (at < Math.min(e.length(), a.length()) && e.charAt(at) == a.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 200);
                assertEquals(e.substring(from, Math.min(e.length(), at + 200)), a.substring(from, Math.min(a.length(), at + 200)),
                        "emission " + i);
            }
        }
        assertEquals(expected.size(), actual.size(), "emissions");
    }

    /** A change set as text: kind, origin, label and every listed cell's name and numbers, bit for bit. */
    private static String describe(ChangeSet c) {
        StringBuilder out = new StringBuilder(c.kind() + " " + c.origin() + " " + c.label() + ":");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            listed.add(c.name(i) + '=' + Double.doubleToRawLongBits(c.value(i)) + '/' + Double.doubleToRawLongBits(c.grad(i)));
        }
        listed.sort(null); // ids differ between the twins (the dense one's weights are laid out in blocks)
        return out.append(listed).toString();
    }

    private static String mlp(int n) {
        return Generators.text(w -> Generators.mlp(n, 3, w));
    }

    @Test
    void theMlpRunsItsThreeLayersAsLoopsWithTheSameBitsInEveryCell() {
        Twins t = new Twins(mlp(8), "L", "y", "w1_0_0", "p1_2_3", "s1_2_3", "s2_7_6", "p3_0_7", "x_1", "h1_4");
        assertEquals(3, t.layers());
        t.both(s -> s.setValue("w1_0_0", 0.3));
        t.both(s -> s.setValue("w2_5_1", -0.2));
        t.both(s -> s.setValue("x_1", 0.7));
        t.both(s -> s.sgdStep(0.01, 1));
        t.both(s -> s.sgdStep(0.05, 3));
        t.both(Sheet::undo);
        t.both(Sheet::undo);
        t.both(Sheet::redo);
        t.both(s -> s.setValues(Map.of("w1_0_0", 0.25, "x_3", 0.5, "w3_0_2", 2.0)));
        t.both(s -> s.setValue("t", 3));
        assertEquals(3, t.layers());
    }

    @Test
    void aCopyTakenAfterTheLoopsRanHoldsEveryCellsNumbers() {
        Sheet s = Sheets.withDenseLayers(mlp(8), 1);
        s.sgdStep(0.1, 1);
        s.setValue("w1_0_0", 0.3); // the loops ran twice since the load; the arrays hold the load's products
        assertNotNull(s.graph.dense);
        Sheet copy = s.copy();
        assertSameNumbers(s, copy);
        // and it goes on by itself, cell by cell, to the same numbers as the loops
        copy.setValue("w2_5_1", -0.2);
        s.setValue("w2_5_1", -0.2);
        copy.sgdStep(0.05, 2);
        s.sgdStep(0.05, 2);
        assertSameNumbers(s, copy);
    }

    private static void assertSameNumbers(Sheet expected, Sheet actual) {
        for (Cell c : expected.cells()) {
            assertEquals(Double.doubleToRawLongBits(c.value()), Double.doubleToRawLongBits(actual.value(c.name())),
                    () -> "value of " + c.name());
            assertEquals(Double.doubleToRawLongBits(c.grad()), Double.doubleToRawLongBits(actual.grad(c.name())),
                    () -> "gradient of " + c.name());
        }
    }

    @Test
    void theProductsAndPartialSumsAreNotWrittenDuringTheLoopButReadAsTheyWouldBe() {
        Sheet s = Sheets.withDenseLayers(mlp(8), 1);
        Sheet plain = Sheets.withDenseLayers(mlp(8), Integer.MAX_VALUE);
        s.sgdStep(0.1, 1);
        plain.sgdStep(0.1, 1);
        Graph g = s.graph;
        int p = g.names.idOf("p1_3_4");
        int sum = g.names.idOf("s2_1_5");
        assertTrue(g.dense.hides(p) && g.dense.hides(sum));
        // the arrays still hold the numbers of the load: the step's loop never stored them
        assertFalse(g.value[p] == s.value("p1_3_4"));
        assertEquals(plain.value("p1_3_4"), s.value("p1_3_4"), 0);
        assertEquals(plain.value("s2_1_5"), s.value("s2_1_5"), 0);
        assertEquals(plain.grad("s2_1_5"), s.grad("s2_1_5"), 0);
        assertFalse(g.dense.hides(g.names.idOf("s2_1_7")), "a neuron's last sum is its output: stored");
    }

    @Test
    void formulasWrittenEitherWayRoundAndCompoundFormulasAreLayersToo() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            text.append("x").append(i).append(" = input(").append(0.1 * (i + 1) - 0.2).append(")\n");
        }
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                text.append("w").append(j).append('_').append(i).append(" = weight(").append(0.3 - 0.07 * (i + j)).append(")\n");
            }
            text.append("b").append(j).append(" = weight(0.1)\n");
            // inputs on the left, the running sum on the right, then a bias: the chain ends one step early
            text.append("h").append(j).append(" = tanh(b").append(j).append(" + (x3 * w").append(j).append("_3 + (x2 * w")
                    .append(j).append("_2 + (w").append(j).append("_0 * x0 + x1 * w").append(j).append("_1))))\n");
        }
        text.append("y = h0 * h1 + h2\nt = input(0.2)\nL = mse(y, t)\n");
        Twins t = new Twins(text.toString(), "L", "h1", "x2", "w1_3");
        assertEquals(1, t.layers());
        t.both(s -> s.setValue("w1_3", 0.5));
        t.both(s -> s.setValue("x0", -0.5));
        t.both(s -> s.sgdStep(0.2, 2));
        t.both(Sheet::undo);
    }

    @Test
    void structuralEditsReplanAndKeepEveryNumber() {
        Twins t = new Twins(mlp(8), "L", "s1_0_5", "p1_0_6", "s1_0_7", "h1_0");
        assertEquals(3, t.layers());
        // a partial sum gets a second user: neuron 0 of layer 1 is no longer one loop's
        t.both(s -> s.addCell("extra", "s1_0_5 * 2"));
        t.both(s -> s.setObjective("L"));
        t.both(s -> s.setValue("w1_0_0", -0.4));
        t.both(s -> s.sgdStep(0.01, 1));
        t.both(s -> s.setFormula("p1_2_3", "w1_2_3 * x_2")); // x_2 twice: neuron 2 leaves its layer
        t.both(s -> s.setValue("w1_2_3", 0.9));
        t.both(s -> s.rename("s2_3_4", "partial"));
        t.both(s -> s.setValue("w2_3_0", 0.9));
        t.both(s -> s.setObjective("s2_4_5")); // a partial sum as the objective: it keeps its own numbers
        t.both(s -> s.setValue("w2_4_0", 0.6));
        t.both(s -> s.sgdStep(0.01, 2));
        for (int i = 0; i < 7; i++) {
            t.both(Sheet::undo);
        }
        t.both(Sheet::redo);
        t.both(s -> s.delete("extra"));
        t.both(s -> s.setValue("x_2", -0.3));
        t.both(Sheet::undo);
        t.both(Sheet::undo);
        assertTrue(t.layers() >= 3);
        t.both(s -> s.asOneEdit(EditLabel.of(EditLabel.Kind.SET_VALUES, 2), () -> {
            s.setFormula("s1_1_4", "s1_1_3 - p1_1_4"); // neuron 1 now ends at s1_1_3
            s.setValue("w1_1_4", 0.2);
        }));
        t.both(s -> assertThrows(EditRefusedException.class, () -> s.asOneEdit(EditLabel.of(EditLabel.Kind.EDIT), () -> {
            s.setFormula("s1_4_4", "s1_4_3 + p1_4_4");
            s.setFormula("p1_4_5", "nothing * 2");
        })));
        t.both(Sheet::undo);
    }

    @Test
    void aLayerSplitByAnEditAddsInAnotherOrderAndAgreesToRounding() {
        Sheet dense = Sheets.withDenseLayers(mlp(8), 1);
        Sheet cells = Sheets.withDenseLayers(mlp(8), Integer.MAX_VALUE);
        for (Sheet s : List.of(dense, cells)) {
            // neuron 2 reads a new constant, defined last: its sum now comes after neurons 3-7 and
            // runs as a layer of its own, whose gradient reaches the inputs before theirs
            s.setFormula("p1_2_3", "w1_2_3 * 2");
            s.sgdStep(0.05, 2);
        }
        assertEquals(5, dense.graph.dense.layerCount());
        List<Cell> a = dense.cells();
        List<Cell> b = cells.cells();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).value(), a.get(i).value(), 1e-15 * Math.max(1, Math.abs(b.get(i).value())), b.get(i).name());
            assertEquals(b.get(i).grad(), a.get(i).grad(), 1e-15 * Math.max(1, Math.abs(b.get(i).grad())), b.get(i).name());
        }
    }

    @Test
    void explanationsProbesAndGradientChecksReadTheLoopsCells() {
        Sheet dense = Sheets.withDenseLayers(mlp(6), 1);
        Sheet cells = Sheets.withDenseLayers(mlp(6), Integer.MAX_VALUE);
        assertNotNull(dense.graph.dense);
        for (Sheet s : List.of(dense, cells)) {
            s.sgdStep(0.1, 1);
        }
        for (String name : List.of("p1_0_0", "s1_2_3", "s1_2_5", "w2_1_1", "x_0", "h1_3", "y")) {
            assertEquals(cells.explain(name).toString(), dense.explain(name).toString(), name);
            assertEquals(cells.explanationTermCount(name), dense.explanationTermCount(name), name);
        }
        List<double[]> rows = List.of(new double[] {0.5, -0.5}, new double[] {1, 2});
        for (String output : List.of("y", "s2_1_3", "p1_0_1")) {
            double[] a = dense.probe(List.of("x_0", "x_1"), output).outputs(rows);
            double[] b = cells.probe(List.of("x_0", "x_1"), output).outputs(rows);
            assertEquals(java.util.Arrays.toString(b), java.util.Arrays.toString(a), output);
        }
        GradientCheck a = GradientCheck.run(dense);
        GradientCheck b = GradientCheck.run(cells);
        assertEquals(b.entries(), a.entries());
        assertNotNull(dense.graph.dense, "the layers run as loops again after the check");
        assertEquals(cells.value("s1_2_3"), dense.value("s1_2_3"), 0);
        dense.setValue("w1_0_0", 1);
        cells.setValue("w1_0_0", 1);
        assertEquals(cells.grad("s1_0_3"), dense.grad("s1_0_3"), 0);
    }

    @Test
    void trainingOnTheInputsMovesTheSameWeightsTheSameWay() {
        Twins t = new Twins(mlp(6), "L");
        List<String> inputs = List.of("x_0", "x_1", "x_2", "x_3", "x_4", "x_5");
        double[][] rows = new double[5][6];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 6; c++) {
                rows[r][c] = Math.sin(r * 6 + c);
            }
        }
        t.both(s -> {
            TrainingSession session = s.startTraining(inputs);
            int[] order = {0, 1, 2, 3, 4};
            double[] gradient = new double[session.weights().size()];
            for (int step = 0; step < 3; step++) {
                session.batchGradient(rows, order, 0, 5, gradient);
                session.step(0.05, gradient);
            }
            session.finish(EditLabel.of(EditLabel.Kind.TRAIN_AT, 0.05, 5L));
        });
        t.both(Sheet::undo);
    }

    @Test
    void aStepThatWouldMakeALayersWeightInfiniteIsRefusedWithTheSameWordsAndChangesNothing() {
        Twins t = new Twins(mlp(8), "L", "s1_0_3", "w2_1_1");
        List<EditRefusedException> refusals = new ArrayList<>();
        t.both(s -> s.setValue("t", 100)); // gradients in the tens to hundreds
        // lr·gradient overflows for the layers' weights: their update is checked by the forward pass
        t.both(s -> refusals.add(assertThrows(EditRefusedException.class, () -> s.sgdStep(1e307, 1))));
        t.both(s -> s.sgdStep(1e-6, 2));
        t.both(s -> refusals.add(assertThrows(EditRefusedException.class, () -> s.sgdStep(1e307, 3))));
        for (int i = 0; i < refusals.size(); i += 2) {
            assertEquals(EditRefusedException.Reason.DIVERGED, refusals.get(i).reason());
            assertEquals(refusals.get(i + 1).getMessage(), refusals.get(i).getMessage());
        }
        assertTrue(refusals.get(0).getMessage().contains("would make w1_4_0 Infinity"), refusals.get(0).getMessage());
    }

    @Test
    void belowTheMinimumEveryCellIsComputedAsBefore() {
        Sheet s = Sheets.withDenseLayers(mlp(8), 65); // the first two layers have 64 weights each
        assertNull(s.graph.dense);
        Sheet big = Sheets.withDenseLayers(mlp(8), 64);
        assertEquals(2, big.graph.dense.layerCount());
    }
}
