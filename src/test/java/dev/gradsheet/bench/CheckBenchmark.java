package dev.gradsheet.bench;

import dev.gradsheet.engine.GradientCheck;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code check}'s finite differences on a 100,000-cell chain, against its floor in the same run: one
 * propagation of the whole chain (an edit of its first cell: every value forward, every gradient
 * back), which is what loading the sheet for {@code eval} costs. Perturbing each cell and recomputing
 * its downstream cone cost n²/2 recomputations (a 20k chain took 55 s); the check is now linear, so
 * the ratio stays a small constant as the chain grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CheckBenchmark {
    Sheet sheet;
    double toggle = 1;

    @Setup(Level.Trial)
    public void load() throws Exception {
        sheet = SheetFile.parse(Generators.text(w -> Generators.chain(100_000, w)), "chain.sheet").sheet();
    }

    /** The floor: the whole chain recomputed forward and backward once. */
    @Benchmark
    public double propagateChain() {
        toggle = -toggle;
        sheet.setValue("c0", 0.5 + 0.01 * toggle);
        return sheet.objectiveValue();
    }

    @Benchmark
    public double checkChain() {
        return GradientCheck.run(sheet).worstError();
    }
}
