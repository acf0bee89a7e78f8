package dev.gradsheet.train;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;

/**
 * Lesson item 11 side by side: the same sigmoid neuron from the same start, trained once with squared
 * error and once with cross-entropy. At the pre-activation z the error term is 2(a − y)·σ′(z) under
 * MSE but just a − y under cross-entropy, so from a bad (saturated) start cross-entropy learns faster.
 *
 * @param mse          the run under squared error
 * @param crossEntropy the run under cross-entropy
 * @param mseStart     ∂L/∂z at the start under MSE, for the first sample
 * @param ceStart      ∂L/∂z at the start under cross-entropy, for the first sample
 */
public record LossComparison(Trainer.Result mse, Trainer.Result crossEntropy, double mseStart, double ceStart) {

    /** Trains both neurons from weights (w1, w2, b) on {@code data} (columns x1, x2, y) with {@code config}. */
    public static LossComparison run(DataTable data, double w1, double w2, double b, TrainingConfig config) {
        Sheet mse = neuron(Templates.Loss.MSE, w1, w2, b);
        Sheet ce = neuron(Templates.Loss.CROSS_ENTROPY, w1, w2, b);
        double mseStart = startGradient(mse, data);
        double ceStart = startGradient(ce, data);
        return new LossComparison(new Trainer(mse, data, config).run(), new Trainer(ce, data, config).run(),
                mseStart, ceStart);
    }

    /** ∂L/∂z with the first sample loaded. */
    private static double startGradient(Sheet sheet, DataTable data) {
        sheet.setValues(java.util.Map.of("x1", data.get(0, 0), "x2", data.get(0, 1), "y", data.get(0, 2)));
        double g = sheet.grad("z");
        sheet.undo();
        return g;
    }

    static Sheet neuron(Templates.Loss loss, double w1, double w2, double b) {
        try {
            return SheetFile.parse(Templates.sigmoidNeuron(loss, w1, w2, b), "neuron").sheet();
        } catch (SheetFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
