package dev.gradsheet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code gradsheet eval|step|check|train FILE ...}. Exit codes: 0 fine, 1 a check
 * failed or a training run diverged, 2 bad input or usage (messages on stderr as
 * {@code FILE:LINE:COL: message}).
 */
@Command(name = "gradsheet", mixinStandardHelpOptions = true, version = "GradSheet 0.1",
        description = "Live neural-network cells: evaluate, step and check .sheet files.",
        subcommands = {EvalCommand.class, StepCommand.class, CheckCommand.class, TrainCommand.class, NewCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class})
public final class GradSheetCli implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    /** {@code train} stopped a diverging run (the same code as a failed check: the command ran, the result is bad). */
    public static final int DIVERGED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: eval, step, check, train, new or export");
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Problems quote file names and user text: stderr never passes an unsafe character raw.
        PrintWriter safeErr = new PrintWriter(new SafeWriter(err));
        SheetOptions plainEval = plainEval(args);
        if (plainEval != null) {
            try {
                return EvalCommand.run(plainEval, out, safeErr);
            } catch (RuntimeException e) {
                safeErr.println("gradsheet: internal error: " + e);
                return 3;
            } finally {
                out.flush();
                safeErr.flush();
                err.flush();
            }
        }
        CommandLine cli = new CommandLine(new GradSheetCli());
        cli.setOut(out);
        cli.setErr(safeErr);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Never a stack trace for the user: one line saying what went wrong.
            commandLine.getErr().println("gradsheet: internal error: " + e);
            return 3;
        });
        int code = cli.execute(args);
        out.flush();
        safeErr.flush();
        err.flush();
        return code;
    }

    /**
     * The options of a plain {@code eval FILE [--json]} (the command people run most), or null for
     * anything else. Such a command skips building picocli's model of every command from its
     * annotations, which took a third of a small command's time; anything unusual (help, other
     * options, {@code @argfiles}, {@code --}) goes through picocli as before.
     */
    static SheetOptions plainEval(String[] args) {
        if (args.length < 2 || args.length > 3 || !args[0].equals("eval")) {
            return null;
        }
        SheetOptions options = new SheetOptions();
        String file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json") && !options.json) {
                options.json = true;
            } else if (file == null && !args[i].isEmpty() && args[i].charAt(0) != '-' && args[i].charAt(0) != '@') {
                file = args[i];
            } else {
                return null;
            }
        }
        if (file == null) {
            return null;
        }
        try {
            options.file = java.nio.file.Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli says what is wrong with it
        }
        return options;
    }

    /** Runs the command line on the process's streams; returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
    }
}
