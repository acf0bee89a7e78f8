package dev.gradsheet.cli;

import dev.gradsheet.engine.GradientCheck;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.sheet.SheetFile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check FILE}: every gradient against central finite differences. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every gradient against central finite differences; exit 1 beyond the tolerance.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SheetOptions options;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-4",
            description = "largest relative error accepted (default 1e-4)")
    double tolerance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SheetFile.Loaded loaded = options.load(spec.commandLine().getErr());
        if (loaded == null) {
            return GradSheetCli.BAD_INPUT;
        }
        GradientCheck check = GradientCheck.run(loaded.sheet());
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = check.worstError() <= tolerance;
        if (options.json) {
            var json = CellTable.json(loaded.sheet());
            var entries = json.putArray("check");
            for (GradientCheck.Entry e : check.entries()) {
                var n = entries.addObject();
                n.put("name", e.name());
                n.put("analytic", e.analytic());
                n.put("numeric", e.numeric());
                n.put("relativeError", e.relativeError());
            }
            json.put("worstRelativeError", check.worstError());
            json.put("worstCell", check.worstCell());
            json.put("ok", ok);
            out.print(CellTable.write(json));
        } else {
            int width = check.entries().stream().mapToInt(e -> e.name().length()).max().orElse(4);
            out.printf("%-" + width + "s  %16s  %16s  %10s%n", "cell", "backprop", "finite diff", "rel error");
            for (GradientCheck.Entry e : check.entries()) {
                out.printf("%-" + width + "s  %16s  %16s  %10s%n", e.name(), Numbers.readable(e.analytic(), 10),
                        Numbers.readable(e.numeric(), 10), Numbers.readable(e.relativeError(), 3));
            }
            out.printf("worst relative error %s at %s (tolerance %s): %s%n", Numbers.readable(check.worstError(), 3),
                    check.worstCell(), Numbers.readable(tolerance, 3), ok ? "OK" : "FAILED");
        }
        return ok ? GradSheetCli.OK : GradSheetCli.CHECK_FAILED;
    }
}
