package dev.gradsheet.cli;

import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code step FILE [--lr X] [--steps N] [--json] [--write]}: SGD steps, then the table. */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Apply SGD steps (w <- w - lr * d objective / d w for every weight), then print every cell.")
final class StepCommand implements Callable<Integer> {
    @Mixin
    SheetOptions options;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default: the sheet's @lr, else 0.01)")
    Double lr;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1", description = "number of steps (default 1)")
    int steps;

    @Option(names = "--write", description = "save the sheet after the steps")
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
        Sheet sheet = loaded.sheet();
        Sheet.StepResult result;
        try {
            result = sheet.sgdStep(lr != null ? lr : sheet.learningRate(), steps);
        } catch (EditRefusedException e) {
            err.println(options.file + ": " + e.getMessage());
            return GradSheetCli.BAD_INPUT;
        }
        if (write && !options.save(loaded, err)) {
            return GradSheetCli.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            CellTable.printJson(sheet, out, json -> {
                json.writeNumberField("steps", result.steps());
                json.writeNumberField("objectiveBefore", result.objectiveBefore());
                json.writeNumberField("objectiveAfter", result.objectiveAfter());
            });
        } else {
            out.printf("%d SGD step%s at lr %s: %s %s -> %s%n", result.steps(), result.steps() == 1 ? "" : "s",
                    Numbers.exact(result.learningRate()), sheet.objective(),
                    Numbers.readable(result.objectiveBefore(), 10), Numbers.readable(result.objectiveAfter(), 10));
            CellTable.printTable(sheet, out);
        }
        return GradSheetCli.OK;
    }
}
