package dev.gradsheet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code gradsheet eval|step|check|train FILE ...}. Exit codes: 0 fine, 1 a check
 * failed, 2 bad input or usage (messages on stderr as {@code FILE:LINE:COL: message}).
 */
@Command(name = "gradsheet", mixinStandardHelpOptions = true, version = "GradSheet 0.1",
        description = "Live neural-network cells: evaluate, step and check .sheet files.",
        subcommands = {EvalCommand.class, StepCommand.class, CheckCommand.class, TrainCommand.class, NewCommand.class,
            CommandLine.HelpCommand.class})
public final class GradSheetCli implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: eval, step, check or train");
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GradSheetCli());
        cli.setOut(out);
        PrintWriter safeErr = new PrintWriter(new SafeWriter(err));
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

    /** Runs the command line on the process's streams; returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
    }
}
