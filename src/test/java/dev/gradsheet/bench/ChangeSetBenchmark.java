package dev.gradsheet.bench;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import io.reactivex.rxjava3.disposables.Disposable;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SGD step on the 1.57M-cell MLP while a page listens to the change stream, so every step's
 * change set lists every cell (ids and numbers in primitive arrays, names only when asked).
 * Compare with {@code MlpBenchmark.sgdStep} at n = 512, where nobody listens.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChangeSetBenchmark {
    Sheet sheet;
    long listed;
    Disposable page;

    @Setup(Level.Trial)
    public void load() throws Exception {
        sheet = SheetFile.parse(Generators.text(w -> Generators.mlp(512, 1, w)), "mlp.sheet").sheet();
        page = sheet.changes().subscribe(change -> listed += change.size());
    }

    @TearDown(Level.Trial)
    public void dispose() {
        page.dispose();
    }

    @Benchmark
    public double sgdStepObserved() {
        return sheet.sgdStep(1e-4, 1).objectiveAfter();
    }
}
