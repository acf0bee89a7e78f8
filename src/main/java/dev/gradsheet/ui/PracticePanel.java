package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.sheet.Expectation.Quantity;
import dev.gradsheet.sheet.Practice;
import java.util.List;

/**
 * The "Practice" bar above the grid: the switch, what to hide (gradients, or values too) and of
 * which cells, the teacher's "open in practice mode" setting, the score line and the current hint.
 */
final class PracticePanel extends Composite<HorizontalLayout> {
    static final String GRADIENTS = "gradients";
    static final String VALUES = "values and gradients";

    final Checkbox practice = new Checkbox(getTranslation("practice.on"));
    final Select<String> hide = new Select<>();
    /** The cells asked about; none chosen: every gradient but the objective's. */
    final PracticeCellChooser cells;
    final Checkbox setting = new Checkbox(getTranslation("practice.setting"));
    final Span score = new Span();
    final Div hint = new Div();
    private final PracticeSession session;
    private final SharedSheet shared;
    private final Runnable saveSetting;
    private final Runnable onModeChanged;
    private String hintTarget;
    private int hintStep;

    PracticePanel(PracticeSession session, SharedSheet shared, Runnable saveSetting, Runnable onModeChanged) {
        this.session = session;
        this.shared = shared;
        this.saveSetting = saveSetting;
        this.onModeChanged = onModeChanged;
        cells = new PracticeCellChooser(session, this::modeChanged);
        practice.setId("practice");
        hide.setId("practice-hide");
        hide.setItems(GRADIENTS, VALUES);
        hide.setItemLabelGenerator(v -> getTranslation(VALUES.equals(v) ? "practice.hideValues" : "practice.hideGradients"));
        hide.setAriaLabel(getTranslation("practice.hide"));
        setting.setId("practice-setting");
        score.setId("practice-score");
        hint.setId("practice-hint");
        hint.addClassName("gs-hint");
        Practice start = session.mode();
        practice.setValue(start.on());
        hide.setValue(start.hide() == Practice.Hide.VALUES ? VALUES : GRADIENTS);
        cells.show(start.cells());
        setting.setValue(shared.practice().on());
        practice.addValueChangeListener(e -> modeChanged());
        hide.addValueChangeListener(e -> modeChanged());
        setting.addValueChangeListener(e -> {
            shared.practiceHolder().set(e.getValue() ? current(true) : Practice.OFF);
            saveSetting.run();
        });
        HorizontalLayout bar = getContent();
        bar.setId("practice-bar");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.add(practice, hide, cells, setting, score, hint);
        showControls();
        refreshScore();
    }

    /**
     * Locks practice mode as the sheet has it (or unlocks it again): on an assignment's copy what is asked
     * is the teacher's, and on someone else's sheet the setting is theirs.
     */
    void lockSetting(boolean locked) {
        practice.setEnabled(!locked);
        hide.setEnabled(!locked);
        cells.setEnabled(!locked);
        setting.setEnabled(!locked);
    }

    private Practice current(boolean on) {
        if (!on) {
            return Practice.OFF;
        }
        return new Practice(VALUES.equals(hide.getValue()) ? Practice.Hide.VALUES : Practice.Hide.GRADIENTS,
                cells.chosen());
    }

    private void modeChanged() {
        session.setMode(current(practice.getValue()));
        if (setting.getValue()) { // the teacher's saved setting follows what they choose to hide
            shared.practiceHolder().set(current(true));
            saveSetting.run();
        }
        showControls();
        clearHint();
        refreshScore();
        onModeChanged.run();
    }

    private void showControls() {
        boolean on = practice.getValue();
        hide.setVisible(on);
        cells.setVisible(on);
        score.setVisible(on);
        hint.setVisible(on);
    }

    /** Updates the score line (after an answer or an edit that changed the numbers). */
    void refreshScore() {
        score.setText(session.mode().on() ? session.score().text() : "");
    }

    /** After cells were added, renamed or deleted: offer the sheet's cells, and practise the chosen ones still there. */
    void refreshNames() {
        boolean chosen = !cells.chosen().isEmpty();
        cells.refreshNames();
        if (chosen && practice.getValue()) {
            session.setMode(current(true));
            onModeChanged.run();
        }
    }

    /** Shows the next hint about {@code q} of {@code cell}: the rule, then the upstream gradient, then the whole product. */
    void nextHint(String cell, Quantity q) {
        String target = cell + "/" + q;
        hintStep = target.equals(hintTarget) ? Math.min(hintStep + 1, 3) : 1;
        hintTarget = target;
        List<String> hints = session.hints(cell, q);
        hint.setText(getTranslation(q == Quantity.GRAD ? "practice.hintGrad" : "practice.hintValue",
                String.valueOf(hintStep), cell, hints.get(hintStep - 1)));
    }

    private void clearHint() {
        hintTarget = null;
        hintStep = 0;
        hint.setText("");
    }

    /** Whether practice mode hides {@code c}'s gradient in this view. */
    boolean hidesGrad(Cell c) {
        return session.asks(c, Quantity.GRAD);
    }
}
