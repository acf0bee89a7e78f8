package dev.gradsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.MarkdownDoc;
import java.io.IOException;
import java.nio.file.Path;
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
 * The contract every operation of {@link Op} keeps, checked over all of them at sample points away
 * from their kinks: the backward step (the kernel's fast path or the derived one) adds upstream ×
 * local derivative to each argument; central finite differences agree; "Why this gradient?"'s terms
 * add up to the gradient; the rule sentence is there; docs/sheet-format.md's formula list names it. An op
 * added without one of its parts — or without sample points here — fails.
 */
public class OpContractTest {
    /**
     * Sample arguments per op: each row one call (its length is the argument count). Inside each op's
     * domain, so the export contract test computes them too.
     */
    public static final Map<Op, double[][]> POINTS = new EnumMap<>(Op.class);

    static {
        POINTS.put(Op.COPY, new double[][] {{0.7}});
        POINTS.put(Op.ADD, new double[][] {{1.3, -0.6}, {-2, 5}});
        POINTS.put(Op.SUB, new double[][] {{1.3, -0.6}, {-2, 5}});
        POINTS.put(Op.MUL, new double[][] {{1.3, -0.6}, {-2, 5}});
        POINTS.put(Op.DIV, new double[][] {{1.3, -0.6}, {-2, 5}});
        POINTS.put(Op.NEG, new double[][] {{0.7}});
        POINTS.put(Op.SIGMOID, new double[][] {{0.3}, {-2.1}});
        POINTS.put(Op.TANH, new double[][] {{0.3}, {-2.1}});
        POINTS.put(Op.RELU, new double[][] {{0.5}, {-0.5}});
        POINTS.put(Op.STEP, new double[][] {{0.5}, {-0.5}, {0.5, 0.2}});
        POINTS.put(Op.EXP, new double[][] {{0.4}, {-1.2}});
        POINTS.put(Op.LOG, new double[][] {{2.5}, {0.3}});
        POINTS.put(Op.MSE, new double[][] {{0.3, 1}, {-1, 2}});
        POINTS.put(Op.BCE, new double[][] {{0.3, 1}, {0.8, 0.4}});
        POINTS.put(Op.SUM, new double[][] {{0.2, -1.1, 3}});
        POINTS.put(Op.MEAN, new double[][] {{0.2, -1.1, 3}});
        POINTS.put(Op.POW, new double[][] {{1.7, 2.3}, {2, 3}, {0.5, -1.5}});
        POINTS.put(Op.SQRT, new double[][] {{2.0}, {0.3}});
        POINTS.put(Op.ABS, new double[][] {{1.2}, {-0.8}});
        POINTS.put(Op.SOFTPLUS, new double[][] {{0.5}, {-3}, {12}});
        POINTS.put(Op.LEAKY_RELU, new double[][] {{0.5}, {-0.5}, {-0.5, 0.2}, {0.5, 0.2}});
        POINTS.put(Op.MAX, new double[][] {{1, 2}, {2, 1}});
        POINTS.put(Op.MIN, new double[][] {{1, 2}, {2, 1}});
    }

    private static final String[] ARG_NAMES = {"a", "b", "c"};

    static Stream<Arguments> calls() {
        List<Arguments> out = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.hasArguments()) {
                for (double[] p : POINTS.getOrDefault(op, new double[0][])) {
                    out.add(Arguments.of(op, p));
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyOpWithArgumentsHasSamplePointsARuleAndFitsItsArity() {
        for (Op op : Op.values()) {
            if (!op.hasArguments()) {
                continue;
            }
            assertTrue(POINTS.containsKey(op), op + " has no sample points in OpContractTest.POINTS");
            assertFalse(op.rule().isBlank(), op + " has no rule sentence");
            for (double[] p : POINTS.get(op)) {
                assertTrue(p.length >= op.minArgs() && p.length <= op.maxArgs(), op + " given " + p.length);
            }
        }
    }

    /** y = op(a, b, ...) on weights, scaled by an upstream factor: L = y * 1.7. */
    private static Sheet sheetFor(Op op, double[] args) {
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            text.append(ARG_NAMES[k]).append(" = weight(").append(args[k]).append(")\n");
            names.add(ARG_NAMES[k]);
        }
        String call = op == Op.COPY ? "a" : op.write(names.get(0), names.size() > 1 ? names.get(1) : null);
        if (op.maxArgs() == Integer.MAX_VALUE) {
            call = op.label() + "(" + String.join(", ", names) + ")";
        }
        text.append("y = ").append(call).append("\nm = input(1.7)\nL = y * m\n");
        Sheet s = Sheets.of(text.toString());
        assertEquals(op.label(), s.cell("y").orElseThrow().kind(), text.toString());
        return s;
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("calls")
    void backwardIsUpstreamTimesLocalDerivative(Op op, double[] args) {
        Sheet s = sheetFor(op, args);
        double y = s.value("y");
        double b = args.length > 1 ? args[1] : op.defaultSecond();
        if (op.maxArgs() == 2 || op.maxArgs() == 1) {
            assertEquals(op.forward(args[0], b), y, 0, "forward");
        }
        double upstream = s.grad("y");
        assertEquals(1.7, upstream, 0);
        for (int k = 0; k < args.length; k++) {
            double local = op.local(k, args[0], b, y, args.length);
            assertEquals(upstream * local, s.grad(ARG_NAMES[k]), 1e-12 * Math.max(1, Math.abs(upstream * local)),
                    "∂L/∂" + ARG_NAMES[k]);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("calls")
    void finiteDifferencesAgree(Op op, double[] args) {
        Sheet s = sheetFor(op, args);
        for (int k = 0; k < args.length; k++) {
            String n = ARG_NAMES[k];
            double h = 1e-6 * Math.max(1, Math.abs(args[k]));
            s.setValue(n, args[k] + h);
            double up = s.value("L");
            s.setValue(n, args[k] - h);
            double down = s.value("L");
            s.setValue(n, args[k]);
            double numeric = (up - down) / (2 * h);
            double analytic = s.grad(n);
            assertEquals(analytic, numeric, 1e-6 * Math.max(1, Math.abs(analytic)), op + " ∂L/∂" + n);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("calls")
    void explanationTermsAddUpToTheGradientWithTheRule(Op op, double[] args) {
        Sheet s = sheetFor(op, args);
        for (int k = 0; k < args.length; k++) {
            GradientExplanation e = s.explain(ARG_NAMES[k]);
            assertEquals(1, e.terms().size(), e.equation());
            GradientExplanation.Term t = e.terms().get(0);
            assertEquals(op.rule(), t.rule());
            assertEquals(s.grad("y"), t.upstream(), 0);
            assertEquals(s.grad(ARG_NAMES[k]), t.product(), 1e-12 * Math.max(1, Math.abs(t.product())), e.equation());
        }
    }

    @Test
    void theFusedCrossEntropyExplainsItsGradientToo() {
        Sheet s = Sheets.of("z = weight(0.4)\np = sigmoid(z)\nt = input(1)\nL = bce(p, t)\n");
        double sum = s.explain("z").terms().stream().mapToDouble(GradientExplanation.Term::product).sum();
        assertEquals(Op.sigmoid(0.4) - 1, s.grad("z"), 1e-15);
        assertEquals(s.grad("z"), sum, 1e-15);
    }

    @Test
    void theFormatDocsFormulaListNamesEveryOp() throws IOException {
        String section = MarkdownDoc.read(Path.of("docs/sheet-format.md")).section("## Formulas");
        for (Op op : Op.values()) {
            String written;
            if (op.isFunction()) {
                written = "`" + op.label() + "(";
            } else if (op.symbol() != 0) {
                written = "`a " + op.symbol() + " b`";
            } else if (op == Op.NEG) {
                written = "`-a`";
            } else {
                continue; // const and copy are written as a number and a name
            }
            assertTrue(section.contains(written), "docs/sheet-format.md's formula list does not name " + written);
        }
    }

    @Test
    void everyFunctionParsesByItsLabel() {
        for (Op op : Op.values()) {
            if (op.isFunction()) {
                assertNotNull(Op.function(op.label()), op.label());
            }
        }
        assertEquals(Op.LEAKY_RELU, Op.function("leaky_relu"));
    }
}
