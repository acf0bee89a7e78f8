package dev.gradsheet.cli;

import dev.gradsheet.sheet.SheetFile;
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
        SheetFile.Loaded loaded = options.load(spec.commandLine().getErr());
        if (loaded == null) {
            return GradSheetCli.BAD_INPUT;
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            CellTable.printJson(loaded.sheet(), out, json -> { });
        } else {
            CellTable.printTable(loaded.sheet(), out);
        }
        out.flush();
        return GradSheetCli.OK;
    }
}
