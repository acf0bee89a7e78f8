package dev.gradsheet.bench;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.jobs.PlayState;
import dev.gradsheet.jobs.TrainingJob;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training steps per second on the XOR template (2-4-1 sigmoid, cross-entropy, full batch
 * of 4) — the web sheet's Play, a background job on the server's pool that feeds the loss curve and
 * tells the sheet's observers every 100 ms, against the command line's {@code train} loop
 * ({@link Trainer}). Each invocation is {@value #STEPS} steps; the score is steps per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingSpeedBenchmark {
    static final int STEPS = 20_000;

    Sheet sheet;
    PlayState play;
    JobPool pool;
    Disposable page;

    @Setup(Level.Trial)
    public void load() throws Exception {
        sheet = SheetFile.parse(Templates.mlp(2, List.of(4), Activation.SIGMOID, Templates.Loss.CROSS_ENTROPY,
                true, 1), "xor.sheet").sheet();
        play = new PlayState(sheet, BuiltInData.XOR.table(), 4, 1, true, 0);
        pool = new JobPool(2, 10);
        page = sheet.changes().subscribe(); // what an open page does: it listens to the sheet
    }

    @TearDown(Level.Trial)
    public void close() {
        page.dispose();
        pool.close();
    }

    /** Play for {@value #STEPS} epochs (one step each) in the background, waiting for the job to end. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int backgroundJob() throws Exception {
        TrainingJob job = TrainingJob.play(play, 0.5, STEPS, false, 0, pool, 100, 100);
        return job.result().get().steps();
    }

    /** The command line's loop: {@code train --batch 4 --epochs 20000 --lr 0.5}. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int cliTrainer() {
        return new Trainer(sheet, BuiltInData.XOR.table(), new TrainingConfig(4, STEPS, 0.5, 1, true)).run().steps();
    }
}
