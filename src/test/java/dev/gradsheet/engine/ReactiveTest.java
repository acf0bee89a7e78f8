package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivex.rxjava3.observers.TestObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cells as RxJava observables; edits from many threads. */
class ReactiveTest {
    @Test
    void valueAndGradientStreamsStartWithTheCurrentValue() {
        Sheet s = Sheets.of(Sheets.WORKED);
        TestObserver<Double> f = s.valueOf("f").test();
        TestObserver<Double> dz = s.gradOf("z").test();
        s.setValue("z", -3);
        f.assertValues(-12.0, -9.0);
        dz.assertValues(-12.0, 6.0);
    }

    @Test
    void aDeletedCellCompletesItsStreams() {
        Sheet s = Sheets.of(Sheets.WORKED + "extra = x * 2\n");
        TestObserver<Double> extra = s.valueOf("extra").test();
        s.setObjective("L");
        s.delete("extra");
        extra.assertComplete();
    }

    @Test
    void renamedCellsKeepTheirStreams() {
        Sheet s = Sheets.of(Sheets.WORKED);
        TestObserver<Double> f = s.valueOf("f").test();
        s.rename("f", "prediction");
        s.setValue("z", 1);
        f.assertValues(-12.0, 3.0);
    }

    @Test
    void changeSetsListWhatChangedWithTheNewNumbers() {
        Sheet s = Sheets.of(Sheets.WORKED + "unrelated = input(5)\n");
        s.setObjective("L");
        TestObserver<ChangeSet> sets = s.changes().test();
        s.setValue("x", -1);
        ChangeSet c = sets.values().get(0);
        assertTrue(c.contains("q") && c.contains("f") && c.contains("L") && c.contains("x"));
        assertTrue(!c.contains("unrelated") && !c.contains("t") || c.contains("t"));
        for (int i = 0; i < c.size(); i++) {
            assertEquals(s.value(c.name(i)), c.value(i), 0);
            assertEquals(s.grad(c.name(i)), c.grad(i), 0);
        }
        assertTrue(!c.contains("unrelated"));
    }

    @Test
    void concurrentEditsAreSerializedAndObserversSeeWholeStates() throws Exception {
        Sheet s = Sheets.of(Sheets.WORKED);
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        s.changes().subscribe(c -> {
            // f = (x + y) * z must hold at every emission, whatever the other threads do
            double f = (s.value("x") + s.value("y")) * s.value("z");
            if (f != s.value("f") || s.value("L") != (s.value("f") - s.value("t")) * (s.value("f") - s.value("t"))) {
                broken.add(c.label().english());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < 500; i++) {
                    switch (thread) {
                        case 0 -> s.setValue("x", i % 7);
                        case 1 -> s.setValue("z", -(i % 5) - 1);
                        case 2 -> s.sgdStep(0.001, 1);
                        default -> s.undo();
                    }
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(broken.isEmpty(), () -> broken.size() + " inconsistent emissions");
        assertEquals((s.value("x") + s.value("y")) * s.value("z"), s.value("f"), 0);
    }
}
