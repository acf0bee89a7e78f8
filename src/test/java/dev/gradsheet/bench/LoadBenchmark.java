package dev.gradsheet.bench;

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

/** Reading a generated MLP's {@code .sheet} text into a computed sheet (parse, build, forward, backward). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LoadBenchmark {
    @Param({"256", "512"})
    int n;

    byte[] bytes;

    @Setup(Level.Trial)
    public void generate() {
        bytes = Generators.text(w -> Generators.mlp(n, 1, w)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Benchmark
    public Object load() throws Exception {
        return SheetFile.parse(bytes, "mlp.sheet").sheet();
    }
}
