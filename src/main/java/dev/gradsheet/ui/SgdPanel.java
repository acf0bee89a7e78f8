package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.gradsheet.engine.Sheet;

/**
 * "Apply SGD step": a learning-rate field (default 0.01), a steps count and the button; shows the
 * objective before → after. Each run is one undoable edit. Bad input is explained under its field.
 * It sits in the page's one-line toolbar: its fields are labelled in line, and its messages take the
 * room left on the line (cut with an ellipsis, whole in their tooltip) instead of a line of their own.
 */
public class SgdPanel extends Composite<Div> {
    final NumberField learningRate = new NumberField(getTranslation("sgd.lr"));
    final IntegerField steps = new IntegerField(getTranslation("sgd.steps"));
    final Button apply = new Button(getTranslation("sgd.apply"));
    final Span result = new Span();
    final Span error = new Span();
    private final SheetPresenter presenter;

    public SgdPanel(SheetPresenter presenter) {
        this.presenter = presenter;
        learningRate.setId("sgd-lr");
        learningRate.setValue(Sheet.DEFAULT_LEARNING_RATE);
        learningRate.setStep(0.001);
        learningRate.setWidth("6em");
        steps.setId("sgd-steps");
        steps.setValue(1);
        steps.setMin(1);
        steps.setMax(presenter.limits().stepsPerClick());
        steps.setStepButtonsVisible(true);
        steps.setWidth("7.5em");
        apply.setId("sgd-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> apply());
        apply.addClickShortcut(Key.ENTER).listenOn(learningRate, steps);
        result.setId("sgd-result");
        error.setId("sgd-error");
        error.addClassName("gs-error");
        result.addClassName("gs-toolbar-message");
        error.addClassName("gs-toolbar-message");
        InlineLabel.inline(learningRate);
        InlineLabel.inline(steps);
        Div layout = getContent();
        layout.addClassName("gs-sgd");
        layout.add(InlineLabel.of(learningRate), learningRate, InlineLabel.of(steps), steps, apply, result, error);
    }

    /** Runs the step(s) with the fields' settings and shows the outcome. */
    public void apply() {
        clear();
        SheetPresenter.StepOutcome out = presenter.sgdStep(learningRate.getValue(), steps.getValue());
        if (out.lrError() != null) {
            learningRate.setErrorMessage(out.lrError());
            learningRate.setInvalid(true);
        } else if (out.stepsError() != null) {
            steps.setErrorMessage(out.stepsError());
            steps.setInvalid(true);
        } else if (out.error() != null) {
            say(error, out.error());
        } else if (out.job() != null) {
            say(result, getTranslation(out.job().waiting() ? "sgd.queued" : "sgd.background",
                    String.valueOf(steps.getValue())));
        } else {
            Sheet.StepResult r = out.result();
            String objective = presenter.objective();
            say(result, getTranslation(r.steps() == 1 ? "sgd.resultOne" : "sgd.resultMany",
                    Format.readable(r.learningRate()), objective, Format.readable(r.objectiveBefore()),
                    Format.readable(r.objectiveAfter()), String.valueOf(r.steps())));
        }
        presenter.post(this::clear); // the outcome belongs to this click: the next action takes it away
    }

    /** A message in the toolbar's line: cut to fit, whole in its tooltip. */
    private static void say(Span where, String text) {
        where.setText(text);
        where.setTitle(text);
    }

    private void clear() {
        learningRate.setInvalid(false);
        steps.setInvalid(false);
        say(error, "");
        say(result, "");
    }
}
