package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Step through": plays the forward pass one cell at a time, then the backward pass, with
 * Previous / Next / Play at a chosen speed. Each step is handed to {@code onStep}, which highlights
 * the cell and its arguments in the grid and the graph.
 */
final class StepPanel extends Composite<HorizontalLayout> {
    static final String SLOW = "slow (2 s)";
    static final String NORMAL = "normal (1 s)";
    static final String FAST = "fast (0.3 s)";

    final Button start = new Button(getTranslation("step.start"));
    final Button previous = new Button(getTranslation("step.previous"));
    final Button next = new Button(getTranslation("step.next"));
    final Button play = new Button(getTranslation("step.play"));
    final Select<String> speed = new Select<>();
    final Span position = new Span();
    final Span text = new Span();
    private final SheetPresenter presenter;
    private final Consumer<StepThrough.Step> onStep;
    private List<StepThrough.Step> steps;
    private int index = -1;
    private Registration poll;

    StepPanel(SheetPresenter presenter, Consumer<StepThrough.Step> onStep) {
        this.presenter = presenter;
        this.onStep = onStep;
        start.setId("step-start");
        previous.setId("step-previous");
        next.setId("step-next");
        play.setId("step-play");
        speed.setId("step-speed");
        position.setId("step-position");
        text.setId("step-text");
        text.getStyle().set("font-family", "var(--lumo-font-family)").set("font-weight", "500");
        speed.setItems(SLOW, NORMAL, FAST);
        speed.setValue(NORMAL);
        speed.setItemLabelGenerator(v -> getTranslation(SLOW.equals(v) ? "step.slow" : FAST.equals(v) ? "step.fast" : "step.normal"));
        speed.setAriaLabel(getTranslation("step.speed"));
        speed.setWidth("9em");
        for (Button b : List.of(start, previous, next, play)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        start.addClickListener(e -> toggle());
        previous.addClickListener(e -> go(index - 1));
        next.addClickListener(e -> go(index + 1));
        play.addClickListener(e -> setPlaying(poll == null));
        speed.addValueChangeListener(e -> {
            if (poll != null) {
                setPlaying(true);
            }
        });
        HorizontalLayout bar = getContent();
        bar.setId("step-bar");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.add(start, previous, next, play, speed, position, text);
        showControls(false);
    }

    private void toggle() {
        if (steps != null) {
            stop();
            return;
        }
        if (presenter.size() > StepThrough.MAX_CELLS) {
            text.setText(getTranslation("step.tooBig", String.valueOf(StepThrough.MAX_CELLS),
                    String.valueOf(presenter.size())));
            return;
        }
        steps = presenter.stepThrough();
        start.setText(getTranslation("step.stop"));
        showControls(true);
        go(0);
    }

    /** Ends stepping (also when the sheet changes: the steps' numbers would be stale). */
    void stop() {
        setPlaying(false);
        steps = null;
        index = -1;
        start.setText(getTranslation("step.start"));
        text.setText("");
        position.setText("");
        showControls(false);
    }

    boolean active() {
        return steps != null;
    }

    private void showControls(boolean on) {
        previous.setVisible(on);
        next.setVisible(on);
        play.setVisible(on);
        speed.setVisible(on);
    }

    private void go(int i) {
        if (steps == null || steps.isEmpty()) {
            return;
        }
        index = Math.max(0, Math.min(i, steps.size() - 1));
        StepThrough.Step s = steps.get(index);
        int forward = steps.size() / 2;
        position.setText(getTranslation(s.backward() ? "step.positionBackward" : "step.positionForward",
                String.valueOf(s.backward() ? index - forward + 1 : index + 1), String.valueOf(forward)));
        text.setText(s.text());
        previous.setEnabled(index > 0);
        next.setEnabled(index < steps.size() - 1);
        onStep.accept(s);
        if (index == steps.size() - 1) {
            setPlaying(false);
        }
    }

    private void setPlaying(boolean playing) {
        UI ui = UI.getCurrent();
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        if (ui == null) {
            return;
        }
        if (playing) {
            int ms = SLOW.equals(speed.getValue()) ? 2000 : FAST.equals(speed.getValue()) ? 300 : 1000;
            ui.setPollInterval(ms);
            poll = ui.addPollListener(e -> go(index + 1));
            play.setText(getTranslation("step.pause"));
        } else {
            ui.setPollInterval(-1);
            play.setText(getTranslation("step.play"));
        }
    }
}
