package dev.gradsheet.cli;

import dev.gradsheet.sheet.SheetFile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval FILE [--json]}: every cell's value and gradient. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print every cell: name, kind, formula, value, gradient (d objective / d cell).")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    SheetOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Loads the sheet and prints it; the work of {@code eval}, shared with {@link GradSheetCli}'s fast path. */
    static int run(SheetOptions options, PrintWriter out, PrintWriter err) {
        SheetFile.Loaded loaded = options.load(err);
        if (loaded == null) {
            return GradSheetCli.BAD_INPUT;
        }
        if (options.json) {
            CellTable.printJson(loaded.sheet(), out, json -> { });
        } else {
            CellTable.printTable(loaded.sheet(), out);
        }
        out.flush();
        return GradSheetCli.OK;
    }
}
