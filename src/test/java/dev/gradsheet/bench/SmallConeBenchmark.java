package dev.gradsheet.bench;

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
 * An edit whose downstream cone is small, in a 1M-cell chain: a weight 10 cells before the end. Its
 * forward work is those 10 cells; the backward pass still visits the whole chain, since every
 * gradient upstream depends on the edited value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SmallConeBenchmark {
    Sheet sheet;
    double toggle = 1;

    @Setup(Level.Trial)
    public void load() throws Exception {
        sheet = SheetFile.parse(Generators.text(w -> Generators.chain(1_000_000, w)), "chain.sheet").sheet();
        sheet.setFormula("c999988", "weight(0.5)");
    }

    @Benchmark
    public double editNearEnd() {
        toggle = -toggle;
        sheet.setValue("c999988", 0.5 + 0.01 * toggle);
        return sheet.objectiveValue();
    }
}
