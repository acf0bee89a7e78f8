package dev.gradsheet.bench;

import dev.gradsheet.engine.EngineProbe;
import dev.gradsheet.engine.FlatFloor;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scalar MLP n → n → n → 1 (about 6n² cells): the engine's full recomputation, one weight edit
 * until every value and gradient is consistent and observers were told, and one SGD step over all
 * weights, beside two floors measured in the same run: the flat-array floor of the same scalar graph
 * ({@link FlatFloor}, one value per cell) and the dense floor ({@link DenseFloor}: plain
 * {@code double[]} matrix–vector arithmetic, what PyTorch runs), forward + backward and a step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpBenchmark {
    @Param({"64", "256", "512"})
    int n;

    Sheet sheet;
    FlatFloor floor;
    DenseFloor dense;
    String firstWeight;
    double toggle = 1;
    private final CompositeDisposable observers = new CompositeDisposable();

    @Setup(Level.Trial)
    public void load() throws Exception {
        sheet = SheetFile.parse(Generators.text(w -> Generators.mlp(n, 1, w)), "mlp.sheet").sheet();
        floor = FlatFloor.of(sheet);
        dense = DenseFloor.of(sheet, n);
        firstWeight = "w1_0_0";
        // what a view does: watch a few cells
        observers.add(sheet.valueOf("L").subscribe());
        observers.add(sheet.valueOf("y").subscribe());
        observers.add(sheet.gradOf(firstWeight).subscribe());
        observers.add(sheet.gradOf("w3_0_0").subscribe());
    }

    @TearDown(Level.Trial)
    public void dispose() {
        observers.dispose();
    }

    @Benchmark
    public double floor() {
        return floor.forwardBackward();
    }

    /** The dense floor's forward + backward: what the weight edit is measured against. */
    @Benchmark
    public double denseFloor() {
        return dense.forwardBackward();
    }

    /** The dense floor's SGD step (update, forward, backward): what the SGD step is measured against. */
    @Benchmark
    public double denseFloorStep() {
        return dense.step(1e-4);
    }

    @Benchmark
    public double fullPass() {
        return EngineProbe.fullPass(sheet);
    }

    /** A first-layer weight: its downstream cone is about half the sheet, and every gradient changes. */
    @Benchmark
    public double weightEdit() {
        toggle = -toggle;
        sheet.setValue(firstWeight, 0.01 * toggle);
        return sheet.objectiveValue();
    }

    @Benchmark
    public double sgdStep() {
        return sheet.sgdStep(1e-4, 1).objectiveAfter();
    }
}
