package dev.gradsheet.jobs;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.TrainingLoop;

/**
 * The Playground loop of one shared sheet: its {@link TrainingLoop} (epoch, step, place in the
 * shuffled order, the weights Reset restores) and the loss curves drawn so far, which go on across
 * Pause and Play. It belongs to the sheet's {@link JobSlot}, so every tab shows the same curve. A new
 * state begins when the data or the loop's settings (batch size, seed, shuffle, test share) change.
 */
public final class PlayState {
    private final TrainingLoop loop;
    private final Sheet sheet;
    private final long seed;
    private final double testShare;
    private final LossHistory stepLosses = new LossHistory();
    private final LossHistory epochLosses = new LossHistory();
    private final LossHistory testLosses = new LossHistory();

    /** A new loop over {@code data} (see {@link TrainingLoop}); the weights as they are now are its start. */
    public PlayState(Sheet sheet, DataTable data, int batch, long seed, boolean shuffle, double testShare) {
        this.loop = new TrainingLoop(sheet, data, batch, seed, shuffle, testShare);
        this.sheet = sheet;
        this.seed = seed;
        this.testShare = testShare;
    }

    public TrainingLoop loop() {
        return loop;
    }

    /** Whether this state trains {@code sheet} on {@code data} with these settings and the same weights. */
    boolean matches(Sheet sheet, DataTable data, int batch, long seed, boolean shuffle, double testShare) {
        return this.sheet == sheet && loop.data().equals(data) && loop.batchSize() == batch && this.seed == seed
                && loop.shuffles() == shuffle && this.testShare == testShare && loop.weights().equals(sheet.weights());
    }

    /** Loss per step: (step, loss), across Play, Pause and Step. */
    public LossHistory stepLosses() {
        return stepLosses;
    }

    /** Mean training loss per epoch, at the epoch's last step. */
    public LossHistory epochLosses() {
        return epochLosses;
    }

    /** Test loss per epoch (empty without test rows). */
    public LossHistory testLosses() {
        return testLosses;
    }

    /** After Reset: the curves start again. */
    public void clearCurves() {
        stepLosses.clear();
        epochLosses.clear();
        testLosses.clear();
    }
}
