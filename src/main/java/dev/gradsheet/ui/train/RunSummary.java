package dev.gradsheet.ui.train;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.gradsheet.ui.common.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * What the training panel says after a run or a Step: the result line (final loss, paused where,
 * how long), which numbers the grid now shows (the last sample's), and each weight's mean gradient
 * over the last batch in a table.
 */
class RunSummary extends Composite<VerticalLayout> {
    final Span finalLoss = new Span();
    final Paragraph numbersNote = new Paragraph();
    final Grid<GridNumbers.WeightGradient> batchGradient = new Grid<>();

    RunSummary() {
        finalLoss.setId("final-loss");
        finalLoss.getStyle().set("font-weight", "600");
        numbersNote.setId("numbers-note");
        numbersNote.addClassName("gs-description");
        numbersNote.setVisible(false);
        batchGradient.setId("batch-gradient");
        batchGradient.addThemeVariants(GridVariant.LUMO_COMPACT);
        batchGradient.setAllRowsVisible(true); // every weight listed: the panel scrolls, not a three-row box
        batchGradient.addColumn(GridNumbers.WeightGradient::weight).setHeader(TrainTexts.t("train.panel.gradient.weight"))
                .setWidth("7em").setFlexGrow(0);
        batchGradient.addColumn(g -> Format.readable(g.value())).setKey("value").setHeader(TrainTexts.t("train.panel.gradient.value"))
                .setTextAlign(ColumnTextAlign.END);
        batchGradient.addColumn(g -> Format.readable(g.batch())).setKey("batch")
                .setHeader(TrainTexts.t("train.panel.gradient.batch")).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(g -> TrainTexts.t("train.panel.gradient.tooltip", g.weight(), Format.exact(g.batch())));
        batchGradient.setVisible(false);
        VerticalLayout box = getContent();
        box.add(finalLoss, numbersNote, batchGradient);
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidth("24em");
    }

    /** The result line. */
    void say(String result) {
        finalLoss.setText(result);
    }

    /** Says which numbers the grid shows (the last sample's, with batches of {@code batch}) and lists the batch gradients. */
    void show(GridNumbers numbers, Integer batch) {
        List<String> sample = new ArrayList<>();
        numbers.sample().forEach((cell, value) -> sample.add(cell + " = " + Format.readable(value)));
        numbersNote.setText(TrainTexts.t("train.numbers.note", String.join(", ", sample), numbers.objective(),
                String.valueOf(batch)) + (numbers.allZero() ? " " + TrainTexts.t("train.numbers.allZero") : ""));
        numbersNote.setVisible(true);
        batchGradient.setItems(numbers.gradients());
        batchGradient.setVisible(true);
    }

    /** The numbers note and the table go (the result line stays). */
    void hideNumbers() {
        numbersNote.setVisible(false);
        batchGradient.setVisible(false);
    }

    /** Nothing said about any run. */
    void clear() {
        finalLoss.setText("");
        hideNumbers();
    }
}
