package dev.gradsheet.cli;

import dev.gradsheet.engine.Activation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.Templates;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code new TEMPLATE [options]}: prints a template sheet (step neuron, sigmoid neuron, MLP). */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Print a template .sheet: step-neuron, sigmoid-neuron or mlp (optionally with a built-in data set).")
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "step-neuron, sigmoid-neuron or mlp")
    String template;

    @Option(names = "--inputs", defaultValue = "2", description = "MLP inputs (default 2)")
    int inputs;

    @Option(names = "--hidden", split = ",", defaultValue = "4", description = "MLP hidden layer sizes, e.g. 4 or 8,8")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "SIGMOID", description = "SIGMOID, TANH or RELU (default SIGMOID)")
    Activation activation;

    @Option(names = "--loss", defaultValue = "CROSS_ENTROPY", description = "MSE or CROSS_ENTROPY (default)")
    Templates.Loss loss;

    @Option(names = "--seed", defaultValue = "1", description = "initial weights' seed (default 1)")
    long seed;

    @Option(names = "--data", paramLabel = "NAME", description = "append a built-in data set as @data/@row lines")
    String data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text;
        try {
            text = switch (template) {
                case "step-neuron" -> Templates.stepNeuron();
                case "sigmoid-neuron" -> Templates.sigmoidNeuron(loss, 0.1, -0.1, 0);
                case "mlp" -> Templates.mlp(inputs, hidden, activation, loss, false, seed);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("gradsheet new: " + e.getMessage());
            return GradSheetCli.BAD_INPUT;
        }
        if (text == null) {
            spec.commandLine().getErr().println("gradsheet new: unknown template '" + template
                    + "'; choose step-neuron, sigmoid-neuron or mlp");
            return GradSheetCli.BAD_INPUT;
        }
        if (data != null) {
            BuiltInData set = BuiltInData.byId(data);
            if (set == null) {
                spec.commandLine().getErr().println("gradsheet new: unknown data set '" + data + "'");
                return GradSheetCli.BAD_INPUT;
            }
            try {
                SheetFile.Loaded loaded = SheetFile.parse(text, template);
                Sheet sheet = loaded.sheet();
                DataTable table = set.table();
                text = SheetFile.format(sheet, loaded.description(), table);
            } catch (SheetFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        spec.commandLine().getOut().print(text);
        return GradSheetCli.OK;
    }
}
