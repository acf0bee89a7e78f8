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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train FILE --data CSV [--batch m] [--epochs e] [--lr x] [--seed s] [--json]}: mini-batch SGD. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the sheet's weights by mini-batch SGD on a data table whose CSV columns bind by name"
            + " to input cells; print the loss per epoch and the final cells.",
            "The step gradient is the mean over the batch of d objective / d w. With --batch equal to the"
                + " number of samples and --no-shuffle it is plain full-batch gradient descent."})
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
            e.lines().forEach(err::println);
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
        Trainer.Result result;
        try {
            result = new Trainer(loaded.sheet(), table, config).run();
        } catch (EditRefusedException e) {
            err.println(options.file + ": " + e.getMessage());
            return GradSheetCli.BAD_INPUT;
        }
        if (write && !options.save(loaded, err)) {
            return GradSheetCli.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            ObjectNode json = CellTable.json(loaded.sheet());
            ArrayNode losses = json.putArray("losses");
            result.epochLosses().forEach(losses::add);
            json.put("samples", table.size());
            json.put("batch", config.batchSize());
            json.put("stepsPerEpoch", config.stepsPerEpoch(table.size()));
            json.put("steps", result.steps());
            out.print(CellTable.write(json));
        } else {
            out.printf("%d samples, batch %d (%d steps per epoch), %d epochs, lr %s%s%n", table.size(),
                    config.batchSize(), config.stepsPerEpoch(table.size()), epochs,
                    Numbers.exact(config.learningRate()), config.shuffle() ? ", shuffle seed " + seed : "");
            out.println("epoch  loss");
            for (int e = 0; e < result.epochLosses().size(); e++) {
                out.printf("%5d  %s%n", e + 1, Numbers.readable(result.epochLosses().get(e), 10));
            }
            CellTable.printTable(loaded.sheet(), out);
        }
        return GradSheetCli.OK;
    }
}
