package dev.gradsheet.cli;

import dev.gradsheet.export.ExportLimits;
import dev.gradsheet.export.ExportRefusedException;
import dev.gradsheet.export.PyTorchExport;
import dev.gradsheet.export.WorkbookExport;
import dev.gradsheet.sheet.AtomicFile;
import dev.gradsheet.sheet.SheetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export FILE --xlsx BOOK --pytorch SCRIPT}: the sheet as a workbook whose formulas are the
 * backprop, and as a PyTorch script that prints the same numbers. Both are checked before either is
 * written, and each is written whole or not at all.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the sheet as an .xlsx workbook with live backprop formulas (--xlsx) and/or as a PyTorch"
            + " script (--pytorch) that prints what eval prints.",
            "The workbook's SGD sheet has one row per step; with a data table the script's --train runs the"
                + " training of 'gradsheet train' with the options given here."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    SheetOptions options;

    @Option(names = "--xlsx", paramLabel = "BOOK", description = "write the workbook here")
    Path xlsx;

    @Option(names = "--pytorch", paramLabel = "SCRIPT", description = "write the PyTorch script here")
    Path pytorch;

    @Option(names = "--sgd-steps", paramLabel = "N",
            description = "rows of the workbook's SGD sheet (default 10, fewer for big sheets; 0 leaves it out)")
    Integer sgdSteps;

    @Option(names = "--batch", paramLabel = "m", description = "the script's training: samples per step (default: all)")
    Integer batch;

    @Option(names = "--epochs", paramLabel = "e", defaultValue = "100", description = "the script's training: epochs (default 100)")
    int epochs;

    @Option(names = "--seed", paramLabel = "s", defaultValue = "1", description = "the script's training: shuffle seed (default 1)")
    long seed;

    @Option(names = "--no-shuffle", description = "the script's training takes the samples in table order")
    boolean noShuffle;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (xlsx == null && pytorch == null) {
            err.println("gradsheet export: say what to write: --xlsx BOOK and/or --pytorch SCRIPT");
            return GradSheetCli.BAD_INPUT;
        }
        SheetFile.Loaded loaded = options.load(err);
        if (loaded == null) {
            return GradSheetCli.BAD_INPUT;
        }
        String source = options.file.getFileName().toString();
        int steps = sgdSteps != null ? sgdSteps : ExportLimits.defaultSgdSteps(loaded.sheet().size());
        PyTorchExport.Training training = new PyTorchExport.Training(batch == null ? 0 : batch, epochs, seed, !noShuffle);
        byte[] book = null;
        byte[] script = null;
        try {
            if (xlsx != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                WorkbookExport.write(loaded, source, steps, bytes);
                book = bytes.toByteArray();
            }
            if (pytorch != null) {
                script = PyTorchExport.write(loaded, source, training).getBytes(StandardCharsets.UTF_8);
            }
        } catch (ExportRefusedException e) {
            err.println("gradsheet export: " + e.getMessage() + "; nothing was written");
            return GradSheetCli.BAD_INPUT;
        } catch (IOException e) {
            err.println("gradsheet export: cannot make the workbook: " + e.getMessage());
            return GradSheetCli.BAD_INPUT;
        }
        if (!write(xlsx, book, err) || !write(pytorch, script, err)) {
            return GradSheetCli.BAD_INPUT;
        }
        if (book != null) {
            out.println("wrote " + xlsx + ": " + loaded.sheet().size() + " cells"
                    + (steps > 0 ? ", an SGD sheet of " + steps + " steps" : ", no SGD sheet")
                    + (loaded.data() != null ? ", the data table" : ""));
        }
        if (script != null) {
            out.println("wrote " + pytorch + ": run it with python3 " + pytorch.getFileName()
                    + (loaded.data() != null ? " (--train to train)" : ""));
        }
        return GradSheetCli.OK;
    }

    private static boolean write(Path path, byte[] bytes, PrintWriter err) {
        if (path == null) {
            return true;
        }
        try {
            AtomicFile.write(path, bytes);
            return true;
        } catch (IOException e) {
            err.println(path + ": cannot write: " + e.getMessage());
            return false;
        }
    }
}
