package dev.gradsheet.ui.train;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which numbers the grid shows after a training run or a Step: the last sample's (each data column's
 * cell and its value), the objective, and each weight's value with its mean gradient over the last
 * batch (the gradient the step used, not the one of the sample the grid shows).
 */
public record GridNumbers(Map<String, Double> sample, String objective, List<WeightGradient> gradients) {
    /** A weight's value and its mean gradient over the last batch. */
    public record WeightGradient(String weight, double value, double batch) {
    }

    /** The numbers of {@code sheet} now, trained on {@code data} (null: none), with the last batch's mean gradient per weight. */
    static GridNumbers of(Sheet sheet, DataTable data, Map<String, Double> batchGradient) {
        Map<String, Double> sample = new LinkedHashMap<>();
        if (data != null) {
            for (String column : data.columns()) {
                sheet.cell(column).ifPresent(c -> sample.put(column, c.value()));
            }
        }
        List<WeightGradient> gradients = new ArrayList<>();
        batchGradient.forEach((w, g) -> gradients.add(new WeightGradient(w,
                sheet.cell(w).map(c -> c.value()).orElse(Double.NaN), g)));
        return new GridNumbers(sample, sheet.objective(), List.copyOf(gradients));
    }

    /** Whether every weight's batch gradient is 0 (the step moved nothing). */
    public boolean allZero() {
        return gradients.stream().allMatch(g -> g.batch() == 0);
    }

    /** Each weight's mean gradient over the last batch, in the weights' order. */
    public Map<String, Double> batchGradient() {
        Map<String, Double> out = new LinkedHashMap<>();
        gradients.forEach(g -> out.put(g.weight(), g.batch()));
        return out;
    }
}
