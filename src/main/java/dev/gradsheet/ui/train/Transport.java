package dev.gradsheet.ui.train;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;

/**
 * The Playground's transport: Play, Pause, Step, Reset and the speed control, in one wrapping row
 * that stays in view. Each button calls the action it is given; while a run goes on only Pause (and
 * Reset, which pauses first) can be pressed.
 */
class Transport extends Composite<HorizontalLayout> {
    /** The speed control's choices: steps per screen update (0: as fast as the engine goes). */
    static final List<Integer> SPEEDS = List.of(0, 1000, 100, 10, 1);
    final Button start = new Button(TrainTexts.t("train.panel.play"));
    final Button stop = new Button(TrainTexts.t("train.panel.pause"));
    final Button stepOnce = new Button(TrainTexts.t("train.panel.step"));
    final Button reset = new Button(TrainTexts.t("train.panel.reset"));
    final Select<Integer> speed = new Select<>();

    Transport(Runnable play, Runnable pause, Runnable step, Runnable resetLoop) {
        start.setId("train-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> play.run());
        stop.setId("train-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.setEnabled(false);
        stop.addClickListener(e -> pause.run());
        stepOnce.setId("train-step");
        stepOnce.setTooltipText(TrainTexts.t("train.panel.step.tooltip"));
        stepOnce.addClickListener(e -> step.run());
        reset.setId("train-reset");
        reset.setTooltipText(TrainTexts.t("train.panel.reset.tooltip"));
        reset.addClickListener(e -> resetLoop.run());
        speed.setId("train-speed");
        speed.setLabel(TrainTexts.t("train.panel.speed"));
        speed.setItems(SPEEDS);
        speed.setItemLabelGenerator(n -> n == 0 ? TrainTexts.t("train.panel.speed.full") : TrainTexts.t("train.panel.speed.steps", n));
        speed.setValue(0);
        speed.setWidth("10em");
        speed.setTooltipText(TrainTexts.t("train.panel.speed.tooltip"));
        HorizontalLayout row = getContent();
        row.add(start, stop, stepOnce, reset, speed);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
    }

    /** Play and Step while no run goes on, Pause while one does. */
    void running(boolean running) {
        start.setEnabled(!running);
        stop.setEnabled(running);
        stepOnce.setEnabled(!running);
    }
}
