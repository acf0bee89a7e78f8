package dev.gradsheet.ui.train;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * The training panel's readout: one line of step, epoch, loss and speed ({@link StatusLine}) and the
 * progress bar under it. Its two components stand in the panel's controls, each on a line of its own:
 * the line's text changes many times a second while a run goes, and beside the buttons in a wrapping
 * row it could move them when its length crossed the line.
 */
final class ReadoutView {
    final Span status = new Span();
    /** Says the tab gets fewer updates because the server is behind; hidden otherwise. */
    final Span busy = new Span();
    final ProgressBar progress = new ProgressBar();

    ReadoutView() {
        busy.setId("train-busy");
        busy.addClassName("gs-legend");
        busy.setText(TrainTexts.t("train.status.busy"));
        busy.setVisible(false);
        status.setId("train-status");
        status.getStyle().set("font-variant-numeric", "tabular-nums");
        progress.setId("train-progress");
        progress.getElement().setAttribute("aria-label", TrainTexts.t("train.panel.progress")); // a named progress bar
        progress.setWidthFull();
    }

    /** A run's progress: the bar and the line. */
    void show(TrainingPresenter.Progress p) {
        progress.setIndeterminate(p.indeterminate());
        progress.setValue(p.fraction());
        show(p.readout());
    }

    /** The line alone (after a Step: the bar keeps the last run's). */
    void show(TrainingPresenter.Readout line) {
        status.setText(StatusLine.of(line));
    }

    /** Whether the tab gets fewer updates because the server is behind (said under the line). */
    void busy(boolean behind) {
        busy.setVisible(behind);
    }

    /** Pause was asked for: the run stops after its current step. */
    void stopping() {
        status.setText(TrainTexts.t("train.status.stopping"));
    }

    /** After a Reset: the loop at its start, the bar empty. */
    void reset() {
        show(TrainingPresenter.resetReadout());
        progress.setValue(0);
    }
}
