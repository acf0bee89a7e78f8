package dev.gradsheet.export;

import dev.gradsheet.engine.Op;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sheets the export tests use: the worked example, the CS231n neuron, a 2-4-1 XOR network with
 * its data, and random sheets that use every operation of {@link Op} (away from their kinks and
 * domain edges, where a spreadsheet has no NaN to agree with).
 */
final class ExportSheets {
    static final String WORKED = dev.gradsheet.sheet.Examples.WORKED.text();

    static final String CS231N = dev.gradsheet.sheet.Examples.byId("cs231n-neuron").text();

    /** A 2-4-1 tanh network with a sigmoid output and cross-entropy (logits form), on XOR's four rows. */
    static final String XOR = """
            # MLP 2-4-1 on XOR
            @objective = L
            @lr = 0.5
            x1 = input(0)
            x2 = input(0)
            w1_1_1 = weight(0.1412)
            w1_1_2 = weight(0.5214)
            b1_1 = weight(0)
            h1_1 = tanh(w1_1_1 * x1 + w1_1_2 * x2 + b1_1)
            w1_2_1 = weight(0.9991)
            w1_2_2 = weight(-0.118)
            b1_2 = weight(0.1)
            h1_2 = tanh(w1_2_1 * x1 + w1_2_2 * x2 + b1_2)
            w1_3_1 = weight(-0.1182)
            w1_3_2 = weight(0.5577)
            b1_3 = weight(-0.1)
            h1_3 = tanh(w1_3_1 * x1 + w1_3_2 * x2 + b1_3)
            w1_4_1 = weight(0.8005)
            w1_4_2 = weight(0.0489)
            b1_4 = weight(0.2)
            h1_4 = tanh(w1_4_1 * x1 + w1_4_2 * x2 + b1_4)
            w2_1_1 = weight(-0.3217)
            w2_1_2 = weight(0.441)
            w2_1_3 = weight(-0.1438)
            w2_1_4 = weight(0.1581)
            b2_1 = weight(0)
            out = sigmoid(w2_1_1 * h1_1 + w2_1_2 * h1_2 + w2_1_3 * h1_3 + w2_1_4 * h1_4 + b2_1)
            y = input(0)
            L = bce(out, y)
            @data = x1, x2, y
            @row = 0, 0, 0
            @row = 0, 1, 1
            @row = 1, 0, 1
            @row = 1, 1, 0
            """;

    private ExportSheets() {
    }

    static SheetFile.Loaded load(String text) {
        try {
            return SheetFile.parse(text, "test.sheet");
        } catch (SheetFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * A random sheet with every operation at least once, its arguments drawn from earlier cells and
     * kept inside each op's domain (log, sqrt and pow of a positive number, a divisor away from 0, a
     * probability inside (0, 1)); both forms of bce; one cell the objective does not use.
     */
    static String random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder("# random sheet " + seed + ": every operation\n@objective = L\n");
        List<String> pool = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            out.append("x").append(k).append(" = input(").append(number(r)).append(")\n");
            pool.add("x" + k);
        }
        for (int k = 1; k <= 4; k++) {
            out.append("w").append(k).append(" = weight(").append(number(r)).append(")\n");
            pool.add("w" + k);
        }
        out.append("t = input(").append(Math.round(r.nextDouble(0.1, 0.9) * 1000) / 1000.0).append(")\n");
        List<String> made = new ArrayList<>();
        int n = 0;
        for (Op op : Op.values()) {
            if (!op.hasArguments()) {
                continue;
            }
            for (String formula : formulas(op, pool, r)) {
                String name = "c" + (++n);
                out.append(name).append(" = ").append(formula).append('\n');
                made.add(name);
                // later cells take it squashed, so values stay in a range every program computes alike
                out.append("s").append(n).append(" = tanh(").append(name).append(")\n");
                pool.add("s" + n);
            }
        }
        out.append("unused = ").append(made.get(0)).append(" * 3\n");
        out.append("L = sum(").append(String.join(", ", made)).append(")\n");
        return out.toString();
    }

    private static List<String> formulas(Op op, List<String> pool, SplittableRandom r) {
        String a = pick(pool, r);
        String b = pick(pool, r);
        String c = pick(pool, r);
        return switch (op) {
            case COPY -> List.of(a);
            case ADD -> List.of(a + " + " + b);
            case SUB -> List.of(a + " - " + b);
            case MUL -> List.of(a + " * " + b);
            case DIV -> List.of(a + " / (abs(" + b + ") + 0.5)");
            case NEG -> List.of("-" + a);
            case SIGMOID -> List.of("sigmoid(" + a + ")");
            case TANH -> List.of("tanh(" + a + ")");
            case RELU -> List.of("relu(" + a + ")");
            case STEP -> List.of("step(" + a + ")", "step(" + a + ", " + b + ")");
            case EXP -> List.of("exp(tanh(" + a + "))");
            case LOG -> List.of("log(abs(" + a + ") + 0.5)");
            case MSE -> List.of("mse(" + a + ", " + b + ")");
            case BCE -> List.of("bce(sigmoid(" + a + "), t)", "bce(0.05 + 0.9 * sigmoid(" + b + "), t)");
            case SUM -> List.of("sum(" + a + ", " + b + ", " + c + ")");
            case MEAN -> List.of("mean(" + a + ", " + b + ", " + c + ")");
            case POW -> List.of("pow(abs(" + a + ") + 0.5, tanh(" + b + "))");
            case SQRT -> List.of("sqrt(abs(" + a + ") + 0.5)");
            case ABS -> List.of("abs(" + a + ")");
            case SOFTPLUS -> List.of("softplus(" + a + ")");
            case LEAKY_RELU -> List.of("leaky_relu(" + a + ")", "leaky_relu(" + a + ", " + b + ")");
            case MAX -> List.of("max(" + a + ", " + b + ")");
            case MIN -> List.of("min(" + a + ", " + b + ")");
            case INPUT, WEIGHT, CONST -> List.of();
        };
    }

    private static String pick(List<String> pool, SplittableRandom r) {
        return pool.get(r.nextInt(pool.size()));
    }

    /** A number in ±2 with three decimals, never 0 (a kink of relu, abs, step). */
    private static String number(SplittableRandom r) {
        double v = Math.round(r.nextDouble(-2, 2) * 1000) / 1000.0;
        return String.valueOf(v == 0 ? 0.25 : v);
    }

    /** The workbook of {@code loaded} with {@code steps} SGD steps. */
    static byte[] workbook(SheetFile.Loaded loaded, int steps) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WorkbookExport.write(loaded, "test.sheet", steps, out);
            return out.toByteArray();
        } catch (IOException | ExportRefusedException e) {
            throw new AssertionError(e);
        }
    }
}
