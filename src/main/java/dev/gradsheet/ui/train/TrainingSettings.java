package dev.gradsheet.ui.train;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.gradsheet.sheet.DataTable;

/**
 * The training panel's settings in one wrapping row: learning rate, batch size, epochs (empty: until
 * paused), test share, seed and shuffle. It only holds what was typed; {@link TrainingPresenter}
 * checks it.
 */
class TrainingSettings extends Composite<HorizontalLayout> {
    final NumberField learningRate = new NumberField(TrainTexts.t("train.panel.learningRate"));
    final IntegerField batch = new IntegerField(TrainTexts.t("train.panel.batch"));
    final IntegerField epochs = new IntegerField(TrainTexts.t("train.panel.epochs"));
    final IntegerField testShare = new IntegerField(TrainTexts.t("train.panel.testShare"));
    final IntegerField seed = new IntegerField(TrainTexts.t("train.panel.seed"));
    final Checkbox shuffle = new Checkbox(TrainTexts.t("train.panel.shuffle"), true);

    /** {@code splitChanged} runs when the test share or the seed changes (which rows are held back). */
    TrainingSettings(Runnable splitChanged) {
        learningRate.setId("train-lr");
        learningRate.setValue(0.5);
        learningRate.setWidth("7em");
        batch.setId("train-batch");
        batch.setMin(1);
        batch.setWidth("8em");
        epochs.setId("train-epochs");
        epochs.setPlaceholder(TrainTexts.t("train.panel.epochs.placeholder"));
        epochs.setTooltipText(TrainTexts.t("train.panel.epochs.tooltip"));
        epochs.setMin(1);
        epochs.setWidth("7em");
        testShare.setId("train-test");
        testShare.setValue(0);
        testShare.setMin(0);
        testShare.setMax(90);
        testShare.setWidth("5em");
        testShare.setTooltipText(TrainTexts.t("train.panel.testShare.tooltip"));
        testShare.addValueChangeListener(e -> splitChanged.run());
        seed.setId("train-seed");
        seed.setValue(1);
        seed.setWidth("6em");
        seed.addValueChangeListener(e -> splitChanged.run());
        shuffle.setId("train-shuffle");
        HorizontalLayout row = getContent();
        row.add(learningRate, batch, epochs, testShare, seed, shuffle);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
    }

    /** What was typed, with the speed chosen beside the buttons. */
    TrainingPresenter.Settings values(Integer stepsPerTick) {
        return new TrainingPresenter.Settings(learningRate.getValue(), batch.getValue(), epochs.getValue(),
                testShare.getValue(), seed.getValue(), shuffle.getValue(), stepsPerTick);
    }

    /** Chooses a batch size for new data: all samples when few, else 10 (1 without data, unless one was typed). */
    void suggestBatch(DataTable table) {
        if (table != null) {
            batch.setValue(table.size() <= 16 ? table.size() : 10);
            batch.setMax(table.size());
        } else if (batch.getValue() == null) {
            batch.setValue(1);
        }
    }
}
