package dev.gradsheet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Binding;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.CsvData;
import dev.gradsheet.train.DataException;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import dev.gradsheet.train.TrainingLoop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train FILE --data CSV [--batch m] [--epochs e] [--lr x] [--seed s] [--json]}: mini-batch SGD.
 * A run that diverges stops itself as the page's does ({@link TrainingLoop.Diverged}, or the engine's
 * refusal of a step that would make a weight infinite): the epochs it finished and the cells it kept
 * are printed, its message goes to stderr, nothing is written, and the exit code is 1.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the sheet's weights by mini-batch SGD on a data table whose CSV columns bind by name"
            + " to input cells; print the loss per epoch and the final cells.",
            "The step gradient is the mean over the batch of d objective / d w. With --batch equal to the"
                + " number of samples and --no-shuffle it is plain full-batch gradient descent.",
            "A run whose loss or gradient stops being a finite number, or whose loss blows up, stops,"
                + " says so on stderr, writes nothing and exits 1."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    SheetOptions options;

    @Option(names = "--data", paramLabel = "CSV",
            description = "CSV file with a header of input-cell names (default: the sheet's own @data rows)")
    Path data;

    @Option(names = "--builtin", paramLabel = "NAME",
            description = "a built-in data set instead: and, or, xor, line-separation, noisy-line, two-moons, circles")
    String builtin;

    @Option(names = "--batch", paramLabel = "m", description = "samples per step (default: all)")
    Integer batch;

    @Option(names = "--epochs", paramLabel = "e", defaultValue = "100", description = "passes over the data (default 100)")
    int epochs;

    @Option(names = "--lr", paramLabel = "x", description = "learning rate (default: the sheet's @lr, else 0.01)")
    Double lr;

    @Option(names = "--seed", paramLabel = "s", defaultValue = "1", description = "shuffle seed (default 1)")
    long seed;

    @Option(names = "--no-shuffle", description = "take the samples in table order")
    boolean noShuffle;

    @Option(names = "--write", description = "save the trained sheet (and its data) to FILE")
    boolean write;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SheetFile.Loaded loaded = options.load(err);
        if (loaded == null) {
            return GradSheetCli.BAD_INPUT;
        }
        DataTable table;
        String source;
        try {
            if (builtin != null) {
                BuiltInData set = BuiltInData.byId(builtin);
                if (set == null) {
                    err.println("unknown built-in data set '" + builtin + "'; choose one of "
                            + String.join(", ", Arrays.stream(BuiltInData.values()).map(BuiltInData::id).toList()));
                    return GradSheetCli.BAD_INPUT;
                }
                table = set.table();
                source = "builtin:" + builtin;
            } else if (data != null) {
                table = CsvData.read(data);
                source = data.toString();
            } else if (loaded.data() != null) {
                table = loaded.data();
                source = options.file.toString();
            } else {
                err.println(options.file + ": no data: give --data CSV or --builtin NAME, or add @data/@row lines");
                return GradSheetCli.BAD_INPUT;
            }
            Binding.check(loaded.sheet(), table, loaded.data() == null ? null : loaded.data().columns(), source);
        } catch (DataException e) {
            ErrorLines.print(e.lines(), builtin != null ? "builtin:" + builtin : data != null ? data : options.file, err);
            return GradSheetCli.BAD_INPUT;
        }
        TrainingConfig config;
        try {
            config = new TrainingConfig(batch == null ? table.size() : batch, epochs,
                    lr == null ? loaded.sheet().learningRate() : lr, seed, !noShuffle);
        } catch (IllegalArgumentException e) {
            err.println("gradsheet train: " + e.getMessage());
            return GradSheetCli.BAD_INPUT;
        }
        if (config.batchSize() > table.size()) {
            err.println("gradsheet train: batch size " + config.batchSize() + " is larger than the "
                    + table.size() + " samples");
            return GradSheetCli.BAD_INPUT;
        }
        List<Double> epochLosses = new ArrayList<>();
        int[] steps = {0};
        String diverged = null;
        try {
            new Trainer(loaded.sheet(), table, config).run(new Trainer.Listener() {
                @Override
                public void onStep(int step, int epoch, double loss, double stepsPerSecond) {
                    steps[0] = step;
                }

                @Override
                public void onEpoch(int epoch, double loss) {
                    epochLosses.add(loss);
                }
            }, () -> false);
        } catch (TrainingLoop.Diverged e) {
            diverged = e.getMessage();
        } catch (EditRefusedException e) {
            if (e.reason() != EditRefusedException.Reason.DIVERGED) {
                err.println(options.file + ": " + e.getMessage());
                return GradSheetCli.BAD_INPUT;
            }
            diverged = e.getMessage(); // the engine's one divergence sentence, as the SGD button and step say it
        }
        print(loaded, table, config, epochLosses, steps[0]);
        if (diverged != null) {
            err.println(options.file + ": " + diverged);
            return GradSheetCli.DIVERGED;
        }
        if (write && !options.save(loaded, err)) {
            return GradSheetCli.BAD_INPUT;
        }
        return GradSheetCli.OK;
    }

    /** The run's report: its settings, the loss of every epoch it finished, and the cells as they are now. */
    private void print(SheetFile.Loaded loaded, DataTable table, TrainingConfig config, List<Double> epochLosses, int steps) {
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            ObjectNode json = CellTable.json(loaded.sheet());
            ArrayNode losses = json.putArray("losses");
            epochLosses.forEach(losses::add);
            json.put("samples", table.size());
            json.put("batch", config.batchSize());
            json.put("stepsPerEpoch", config.stepsPerEpoch(table.size()));
            json.put("steps", steps);
            out.print(CellTable.write(json));
        } else {
            out.printf("%d samples, batch %d (%d steps per epoch), %d epochs, lr %s%s%n", table.size(),
                    config.batchSize(), config.stepsPerEpoch(table.size()), epochs,
                    Numbers.exact(config.learningRate()), config.shuffle() ? ", shuffle seed " + seed : "");
            out.println("epoch  loss");
            for (int e = 0; e < epochLosses.size(); e++) {
                out.printf("%5d  %s%n", e + 1, Numbers.readable(epochLosses.get(e), 10));
            }
            CellTable.printTable(loaded.sheet(), out);
        }
    }
}
