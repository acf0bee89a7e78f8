package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backprop one cell at a time, free of Vaadin: the forward pass in the order the engine computes
 * cells in ({@link Sheet#evaluationOrder()}; each cell computed from its arguments, with numbers),
 * then the backward pass in reverse order (upstream gradient × local derivative, summed with += where
 * a cell feeds several others). The steps are a snapshot of the sheet when they were made.
 */
public final class StepThrough {
    /** Sheets with more cells than this are not stepped through: nobody clicks Next that often. */
    public static final int MAX_CELLS = 2_000;

    /**
     * One step.
     *
     * @param cell      the cell computed
     * @param arguments the cells it reads (forward) or that read it (backward)
     * @param backward  whether this is the backward pass
     * @param text      the computation with its numbers
     */
    public record Step(String cell, List<String> arguments, boolean backward, String text) {
    }

    private StepThrough() {
    }

    /** Every step of one forward and one backward pass over {@code sheet}. */
    public static List<Step> of(Sheet sheet) {
        return sheet.read(() -> {
            Map<String, List<String>> args = sheet.arguments();
            Map<String, Cell> cells = new HashMap<>();
            for (Cell c : sheet.cells()) {
                cells.put(c.name(), c);
            }
            List<String> order = sheet.evaluationOrder(); // the engine's own, so the steps are its steps
            List<Step> steps = new ArrayList<>(2 * order.size());
            for (String name : order) {
                steps.add(new Step(name, List.copyOf(args.get(name)), false, forward(cells.get(name), args.get(name), cells)));
            }
            String objective = sheet.objective();
            for (int i = order.size() - 1; i >= 0; i--) {
                String name = order.get(i);
                GradientExplanation why = sheet.explain(name);
                List<String> users = why.terms().stream().map(GradientExplanation.Term::user).toList();
                steps.add(new Step(name, users, true, backward(why, objective)));
            }
            return steps;
        });
    }

    private static String forward(Cell c, List<String> args, Map<String, Cell> cells) {
        String value = num(c.value());
        if (c.isInput() || c.isWeight()) {
            return Texts.t("step.forwardLeaf", c.name(), value, c.kind());
        }
        if (args.isEmpty()) {
            return Texts.t("step.forwardConstant", c.name(), value);
        }
        List<String> values = args.stream().map(a -> paren(cells.get(a).value())).toList();
        String symbols;
        String numbers;
        String op = switch (c.kind()) {
            case "add" -> " + ";
            case "sub" -> " − ";
            case "mul" -> " · ";
            case "div" -> " / ";
            default -> null;
        };
        if (op != null && args.size() == 2) {
            symbols = args.get(0) + op + args.get(1);
            numbers = values.get(0) + op + values.get(1);
        } else if (c.kind().equals("neg")) {
            symbols = "−" + args.get(0);
            numbers = "−" + values.get(0);
        } else if (c.kind().equals("copy")) {
            symbols = args.get(0);
            numbers = values.get(0);
        } else {
            symbols = c.kind() + "(" + String.join(", ", args) + ")";
            numbers = c.kind() + "(" + String.join(", ", values) + ")";
        }
        return Texts.t("step.forward", c.name() + " = " + symbols + " = " + numbers + " = " + value);
    }

    private static String backward(GradientExplanation why, String objective) {
        if (why.terms().size() > 1) {
            return Texts.t("step.backwardMany", why.cell(), String.valueOf(why.terms().size()), why.equation());
        }
        if (why.cell().equals(objective)) {
            return Texts.t("step.backwardObjective", why.equation());
        }
        return Texts.t("step.backward", why.equation());
    }

    private static String num(double v) {
        return Numbers.readable(v, 6);
    }

    private static String paren(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }
}
