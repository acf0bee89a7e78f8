package dev.gradsheet.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.engine.Op;
import dev.gradsheet.engine.OpContractTest;
import dev.gradsheet.sheet.SheetFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of {@link Op} has both exports: a workbook formula whose value and gradients,
 * computed by a spreadsheet evaluator, are the engine's at sample points; a line of PyTorch; and a
 * place in the random sheets the LibreOffice and PyTorch tests run — at the engine contract's sample
 * points ({@code OpContractTest} requires them of every op) and a few harder ones. An op added
 * without its exports fails.
 */
class ExportContractTest {
    /**
     * Points beyond the engine contract's ({@link OpContractTest#POINTS}) where a spreadsheet formula
     * could go wrong: overflow, cancellation, a negative base, ties.
     */
    static final Map<Op, double[][]> EXTRA = new EnumMap<>(Op.class);

    static {
        EXTRA.put(Op.SIGMOID, new double[][] {{-800}, {800}});
        EXTRA.put(Op.BCE, new double[][] {{1e-7, 0.2}, {0.9999999, 1}});
        EXTRA.put(Op.POW, new double[][] {{-2, 3}});
        EXTRA.put(Op.SOFTPLUS, new double[][] {{-40}, {40}});
        EXTRA.put(Op.MAX, new double[][] {{1, 1}});
        EXTRA.put(Op.MIN, new double[][] {{1, 1}});
    }

    static Stream<Arguments> calls() {
        List<Arguments> out = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.hasArguments()) {
                for (double[] p : OpContractTest.POINTS.getOrDefault(op, new double[0][])) {
                    out.add(Arguments.of(op, p));
                }
                for (double[] p : EXTRA.getOrDefault(op, new double[0][])) {
                    out.add(Arguments.of(op, p));
                }
            }
        }
        return out.stream();
    }

    /** A sheet of one call of {@code op} on weights a0, a1, ..., feeding L = 1.5 * y (so gradients are not just 1). */
    static String sheetOf(Op op, double[] args) {
        StringBuilder text = new StringBuilder("@objective = L\n");
        List<String> names = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            text.append("a").append(k).append(" = weight(").append(args[k]).append(")\n");
            names.add("a" + k);
        }
        String call = op == Op.SUM || op == Op.MEAN ? op.label() + "(" + String.join(", ", names) + ")"
                : op.write(names.get(0), names.size() > 1 ? names.get(1) : null);
        return text.append("y = ").append(call).append("\nL = y * 1.5\n").toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void theWorkbookComputesEachOperationAsTheEngine(Op op, double[] args) {
        SheetFile.Loaded loaded = ExportSheets.load(sheetOf(op, args));
        Workbooks.assertSameNumbers(loaded.sheet(), Workbooks.cells(Workbooks.evaluated(ExportSheets.workbook(loaded, 0))),
                op + " at " + java.util.Arrays.toString(args));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void theScriptComputesEachOperation(Op op, double[] args) throws ExportRefusedException {
        String script = PyTorchExport.write(ExportSheets.load(sheetOf(op, args)), "op.sheet", PyTorchExport.Training.DEFAULT);
        String expected = switch (op) {
            case COPY -> "y = a0.clone()";
            case ADD -> "y = a0 + a1";
            case SUB -> "y = a0 - a1";
            case MUL -> "y = a0 * a1";
            case DIV -> "y = a0 / a1";
            case NEG -> "y = -a0";
            case SUM -> "y = a0 + a1 + a2";
            case MEAN -> "y = y / 3";
            default -> "y = " + pythonName(op) + "(a0";
        };
        assertTrue(script.contains("\n    " + expected), op + ": no line '" + expected + "' in\n" + script.substring(script.indexOf("def forward")));
        assertTrue(script.contains("\n    L_1 = number(1.5)\n    L = y * L_1"), "L follows y");
    }

    /** The name the script's line calls (a torch function or the script's own), for the ops that are calls. */
    private static String pythonName(Op op) {
        return switch (op) {
            case MAX -> "maximum";
            case MIN -> "minimum";
            case SIGMOID, TANH, RELU, EXP, LOG, SQRT, ABS -> "torch." + op.label();
            default -> op.label();
        };
    }

    @Test
    void theRandomSheetsUseEveryOperation() {
        String sheet = ExportSheets.random(1);
        var kinds = ExportSheets.load(sheet).sheet().cells().stream().map(c -> c.kind()).distinct().toList();
        for (Op op : Op.values()) {
            assertTrue(kinds.contains(op.label()), op + " is missing from the random sheets");
        }
    }
}
