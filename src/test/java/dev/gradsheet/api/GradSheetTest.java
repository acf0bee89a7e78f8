package dev.gradsheet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import io.reactivex.rxjava3.observers.TestObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent API builds the lesson's graphs node by node and behaves like the engine it wraps. */
class GradSheetTest {
    /** Lesson item 9, node by node. */
    static final class Worked {
        final GradSheet s = new GradSheet();
        final Node x = s.input("x", -2);
        final Node y = s.input("y", 5);
        final Node z = s.weight("z", -4);
        final Node q = x.plus(y).named("q");
        final Node f = q.times(z).named("f");
        final Node t = s.input("t", -10);
        final Node loss = f.mse(t).named("L");

        Worked() {
            s.minimize(loss);
        }
    }

    @Test
    void theWorkedExampleBuiltNodeByNodeHasTheLessonsNumbers() {
        Worked w = new Worked();
        assertEquals(3, w.q.value());
        assertEquals(-12, w.f.value());
        assertEquals(4, w.loss.value());
        assertEquals(4, w.s.loss());
        assertEquals(-4, w.f.grad());
        assertEquals(-12, w.z.grad());
        assertEquals(16, w.q.grad());
        assertEquals(16, w.x.grad());
        assertEquals(16, w.y.grad());
        assertEquals("L", w.s.objective().name());
        assertEquals(List.of("x", "y", "z", "q", "f", "t", "L"), w.s.sheet().names());
        assertEquals("dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12", w.z.why());
    }

    @Test
    void oneSgdStepMovesZAndUndoBringsItBack() {
        Worked w = new Worked();
        Sheet.StepResult r = w.s.step();
        assertEquals(4, r.objectiveBefore());
        assertEquals(-3.88, w.z.value(), 1e-12);
        assertEquals(-11.64, w.f.value(), 1e-12);
        assertEquals(2.6896, w.s.loss(), 1e-12);
        assertTrue(w.s.undo());
        assertEquals(-4, w.z.value());
        assertEquals(-12, w.z.grad());
        assertTrue(w.s.redo());
        assertEquals(-3.88, w.z.value(), 1e-12);
    }

    @Test
    void subscribersGetTheCurrentNumberThenOneEmissionPerEditAfterItSettled() {
        Worked w = new Worked();
        List<String> seen = new ArrayList<>();
        // Inside onNext the whole graph is already consistent with the new z.
        w.z.grads().subscribe(g -> seen.add("dL/dz " + g + " with z " + w.z.value() + " f " + w.f.value()
                + " L " + w.s.loss()));
        TestObserver<Double> f = w.f.values().test();
        TestObserver<ChangeSet> edits = w.s.changes().test();

        w.z.set(-3);
        w.s.set(Map.of("x", -1.0, "y", 4.0)); // q stays 3: f and dL/dz do not change, so no emission
        w.s.step(0.01, 3);                    // three steps, one edit
        w.s.undo();

        assertEquals(List.of("dL/dz -12.0 with z -4.0 f -12.0 L 4.0", "dL/dz 6.0 with z -3.0 f -9.0 L 1.0"),
                seen.subList(0, 2));
        assertEquals(4, seen.size(), seen.toString()); // current, set z, 3 steps as one, undo
        assertEquals(seen.get(1), seen.get(3)); // the undo brought back the state after "z = -3"
        f.assertValueCount(4);
        assertEquals(List.of(-12.0, -9.0), f.values().subList(0, 2));
        assertEquals(4, edits.values().size());
        assertEquals("set 2 values", edits.values().get(1).label().english());
    }

    @Test
    void deletingACellCompletesItsStreams() {
        Worked w = new Worked();
        Node extra = w.x.times(2).named("extra");
        TestObserver<Double> values = extra.values().test();
        TestObserver<Double> grads = extra.grads().test();
        extra.delete();
        values.assertValues(-4.0).assertComplete();
        grads.assertValues(0.0).assertComplete();
        assertThrows(EditRefusedException.class, extra::value);
    }

    @Test
    void unnamedOperationsBecomeCellsWithGeneratedNamesWhenUsed() {
        GradSheet s = new GradSheet();
        Node x = s.input("x", -2);
        Node y = s.input("y", 5);
        Node z = s.weight("z", -4);
        Node f = x.plus(y).times(z);
        assertEquals(-12, f.value());
        assertEquals("mul_2", f.name());
        assertEquals("add_1 * z", f.cell().formula());
        assertEquals(3, z.grad()); // f is the objective (the last cell): df/dz = x + y
        assertEquals(-4, s.node("add_1").grad());
        f.named("f");
        assertEquals("f", s.objective().name());
        assertEquals(List.of("x", "y", "z", "add_1", "f"), s.sheet().names());
    }

    @Test
    void formulasAsTextExpandIntoCellsOfTheirOwn() {
        GradSheet s = new GradSheet();
        s.input("x", -2);
        s.input("y", 5);
        Node z = s.weight("z", -4);
        s.input("t", -10);
        s.cell("f", "(x + y) * z");
        Node loss = s.cell("L", "mse(f, t)");
        assertEquals(4, loss.value());
        assertEquals(16, s.node("f.1").grad());
        assertEquals(-12, z.grad());
    }

    @Test
    void theLessonsSigmoidNeuronAndOtherFunctions() {
        GradSheet s = new GradSheet();
        Node w0 = s.weight("w0", 2);
        Node x0 = s.input("x0", -1);
        Node w1 = s.weight("w1", -3);
        Node x1 = s.input("x1", -2);
        Node w2 = s.weight("w2", -3);
        Node out = w0.times(x0).plus(w1.times(x1)).plus(w2).sigmoid().named("out");
        double sigma = 1 / (1 + Math.exp(-1));
        assertEquals(sigma, out.value(), 1e-15);
        assertEquals(-1 * sigma * (1 - sigma), w0.grad(), 1e-15);
        assertEquals(2 * sigma * (1 - sigma), x0.grad(), 1e-15);
        assertEquals(sigma * (1 - sigma), w2.grad(), 1e-15);

        Node a = s.input("a", 0.5);
        assertEquals(Math.tanh(0.5), a.tanh().value(), 1e-15);
        assertEquals(0.5, a.relu().value());
        assertEquals(1, a.step().value());
        assertEquals(0, a.step(0.7).value());
        assertEquals(Math.exp(0.5), a.exp().value(), 1e-15);
        assertEquals(Math.log(0.5), a.log().value(), 1e-15);
        assertEquals(-0.5, a.neg().value());
        assertEquals(-2.5, a.minus(3).value());
        assertEquals(0.25, a.div(2).value());
        assertEquals(4, a.mse(-1.5).value());
        assertEquals(-Math.log(0.5), a.bce(s.input("one", 1)).value(), 1e-15);
        Node sum = s.sum(a, a, s.input("c", 1));
        assertEquals(2, sum.value());
        assertEquals("sum(a, a, c)", sum.cell().formula());
        assertEquals(0.5, s.mean(a, a).value());
    }

    @Test
    void aSavedSheetOpensAgainWithTheSameCellsAndObjective(@TempDir Path dir) throws Exception {
        Worked w = new Worked();
        w.s.learningRate(0.05).describe("the worked example, built in Java");
        Path file = dir.resolve("worked.sheet");
        w.s.save(file);
        String text = Files.readString(file);
        assertEquals("""
                # the worked example, built in Java
                @lr = 0.05
                @objective = L
                x = input(-2)
                y = input(5)
                z = weight(-4)
                q = x + y
                f = q * z
                t = input(-10)
                L = mse(f, t)
                """, text);
        // The web app and the command line read files with SheetFile.
        Sheet read = SheetFile.read(file).sheet();
        assertEquals(-12, read.grad("z"));
        GradSheet again = GradSheet.open(file);
        assertEquals(0.05, again.learningRate());
        assertEquals(text, again.toText());
    }

    @Test
    void trainingOnADataTableIsOneEditAndTheTableIsSaved() throws Exception {
        GradSheet s = new GradSheet();
        Node x1 = s.input("x1", 0);
        Node x2 = s.input("x2", 0);
        Node y = s.input("y", 0);
        Node w1 = s.weight("w1", 0.1);
        Node w2 = s.weight("w2", -0.1);
        Node b = s.weight("b", 0);
        Node p = w1.times(x1).plus(w2.times(x2)).plus(b).sigmoid().named("p");
        s.minimize(p.mse(y).named("L"));
        DataTable and = BuiltInData.AND.table();
        TestObserver<Double> w1Values = w1.values().test();
        Trainer.Result r = s.train(and, new TrainingConfig(4, 200, 1.0, 1, false));
        assertTrue(r.finalLoss() < r.epochLosses().get(0) / 2, r.epochLosses().toString());
        w1Values.assertValueCount(2); // its start value, then once for the whole run
        assertTrue(s.toText().contains("@data = x1, x2, y\n"), s.toText());
        s.undo();
        assertEquals(0.1, w1.value());
    }

    @Test
    void refusedEditsSayWhyAndChangeNothing() {
        Worked w = new Worked();
        String before = w.s.toText();
        assertEquals("f is computed by its formula (q * z); change the formula instead",
                assertThrows(EditRefusedException.class, () -> w.f.set(1)).getMessage());
        assertEquals("a cell named x already exists",
                assertThrows(EditRefusedException.class, () -> w.s.input("x", 1)).getMessage());
        assertThrows(EditRefusedException.class, () -> w.q.times(w.z).named("1bad"));
        assertThrows(EditRefusedException.class, () -> w.x.plus(w.y).times(w.z).named("q")); // taken: no add_k either
        assertThrows(EditRefusedException.class, () -> w.s.node("nope"));
        assertThrows(EditRefusedException.class, () -> w.s.cell("g", "q * "));
        assertEquals("cannot combine nodes of two different sheets",
                assertThrows(IllegalArgumentException.class, () -> w.x.plus(new GradSheet().input("a", 1)))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.x.times(Double.NaN).value());
        assertEquals(before, w.s.toText());
    }

    @Test
    void theNewOperationsAreNodesToo() {
        GradSheet s = new GradSheet();
        Node a = s.weight("a", 2);
        Node k = s.weight("k", 3);
        Node b = s.weight("b", -2);
        Node loss = a.pow(k).plus(b.abs()).plus(b.leakyRelu(0.2)).plus(a.max(b)).plus(a.min(b))
                .plus(a.sqrt()).plus(b.softplus()).plus(b.leakyRelu()).plus(a.pow(2)).named("L");
        s.minimize(loss);
        double expected = 8 + 2 - 0.4 + 2 - 2 + Math.sqrt(2) + Math.log1p(Math.exp(-2)) - 0.02 + 4;
        assertEquals(expected, loss.value(), 1e-12);
        assertEquals(8 * Math.log(2), k.grad(), 1e-12);
        // ∂/∂a: 3·2² + max (a is larger) + 1/(2√2) + 2·2
        assertEquals(12 + 1 + 0.5 / Math.sqrt(2) + 4, a.grad(), 1e-12);
        // ∂/∂b: abs −1, leaky 0.2, min (b is smaller) 1, softplus σ(−2), leaky 0.01
        assertEquals(-1 + 0.2 + 1 + 1 / (1 + Math.exp(2)) + 0.01, b.grad(), 1e-12);
    }
}
