package dev.gradsheet.bench;

import dev.gradsheet.engine.FlatFloor;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Other shapes: a chain of 1M cells, 100k stacked diamonds (300k cells) and a random DAG of 500k
 * cells — sheets with no dense layer, every cell computed by the per-cell passes. Each: the floor
 * ({@link FlatFloor}), an edit at the start (everything downstream of it recomputes) and an SGD step
 * (every weight moves: a full forward and backward pass).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ShapesBenchmark {
    @Param({"chain", "diamonds", "random"})
    String shape;

    Sheet sheet;
    FlatFloor floor;
    String first;
    double toggle = 1;

    @Setup(Level.Trial)
    public void load() throws Exception {
        String text = switch (shape) {
            case "chain" -> Generators.text(w -> Generators.chain(1_000_000, w));
            case "diamonds" -> Generators.text(w -> Generators.diamonds(100_000, w));
            default -> Generators.text(w -> Generators.randomDag(500_000, 1000, 7, w));
        };
        sheet = SheetFile.parse(text, shape + ".sheet").sheet();
        floor = FlatFloor.of(sheet);
        first = switch (shape) {
            case "chain" -> "c0";
            case "diamonds" -> "d0";
            default -> "r0";
        };
    }

    @Benchmark
    public double floor() {
        return floor.forwardBackward();
    }

    @Benchmark
    public double sgdStep() {
        return sheet.sgdStep(1e-4, 1).objectiveAfter();
    }

    @Benchmark
    public double editFirst() {
        toggle = -toggle;
        sheet.setValue(first, 0.5 + 0.01 * toggle);
        return sheet.objectiveValue();
    }
}
