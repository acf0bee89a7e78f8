package dev.gradsheet.ui;

import dev.gradsheet.ui.i18n.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.renderer.Renderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.sheet.Expectation.Quantity;
import java.util.function.BiConsumer;

/**
 * Practice mode's "Your value" and "Your answer" columns of the cell grid: a field per asked number,
 * checked when the student presses Enter or leaves the field (✓ within tolerance, ✗ otherwise),
 * and a Hint button on a wrong answer. Kept apart from {@link CellGrid}, which only hides numbers.
 */
final class PracticeColumns {
    static final String RIGHT = "✓";
    static final String WRONG = "✗";

    private final PracticeSession session;
    private final Grid.Column<Cell> valueAnswers;
    private final Grid.Column<Cell> gradAnswers;
    private final ComponentRenderer<Component, Cell> valueCells;
    private final ComponentRenderer<Component, Cell> gradCells;

    /**
     * Adds the columns to {@code grid}; {@code onAnswer} hears every checked answer, {@code onHint}
     * a request for the next hint about a cell's number.
     */
    PracticeColumns(Grid<Cell> grid, PracticeSession session, Runnable onAnswer, BiConsumer<String, Quantity> onHint) {
        this.session = session;
        valueCells = new ComponentRenderer<>(c -> cellOf(c, Quantity.VALUE, onAnswer, onHint));
        gradCells = new ComponentRenderer<>(c -> cellOf(c, Quantity.GRAD, onAnswer, onHint));
        // 170 px: a short header (its tooltip says the rest), the field, the mark and "Hint" all fit
        valueAnswers = grid.addColumn(nothing())
                .setKey("answer-value").setWidth("170px").setFlexGrow(0);
        gradAnswers = grid.addColumn(nothing())
                .setKey("answer-grad").setWidth("170px").setFlexGrow(0);
        // Beside the gradients they stand for, not at the far right where a narrow grid hides them.
        java.util.List<Grid.Column<Cell>> order = new java.util.ArrayList<>(grid.getColumns());
        order.remove(valueAnswers);
        order.remove(gradAnswers);
        int at = order.indexOf(grid.getColumnByKey("grad")) + 1;
        order.add(at, gradAnswers);
        order.add(at, valueAnswers);
        grid.setColumnOrder(order);
        // The answer fields widen the rows past a narrow grid: keep the names in sight when it scrolls sideways.
        grid.getColumnByKey("name").setFrozen(true);
        refresh();
    }

    /** Shows the columns the current practice mode asks for. */
    void refresh() {
        boolean on = session.mode().on();
        show(valueAnswers, valueCells, session.mode().hide() == dev.gradsheet.sheet.Practice.Hide.VALUES
                || session.hasClaims(Quantity.VALUE));
        show(gradAnswers, gradCells, on || session.hasClaims(Quantity.GRAD));
        // Outside practice the columns show the sheet's claims (@expect), checked.
        valueAnswers.setHeader(header(on ? "practice.yourValue" : "practice.claimedValue",
                on ? "practice.yourValueTip" : "practice.claimedValueTip"));
        gradAnswers.setHeader(header(on ? "practice.yourGrad" : "practice.claimedGrad",
                on ? "practice.yourGradTip" : "practice.claimedGradTip"));
    }

    /** A short header; the tooltip says what the column holds. */
    private static Span header(String key, String tipKey) {
        Span header = new Span(Texts.t(key));
        header.setTitle(Texts.t(tipKey));
        return header;
    }

    /**
     * Shows or hides {@code column}. A hidden column renders nothing: the grid renders hidden columns
     * too, and a component per row and column on every refresh of a row made each edit of a big sheet
     * create and send a few hundred spans nobody sees.
     */
    private static void show(Grid.Column<Cell> column, ComponentRenderer<Component, Cell> cells, boolean visible) {
        if (visible != (column.getRenderer() == cells)) {
            column.setRenderer(visible ? cells : nothing());
        }
        column.setVisible(visible);
    }

    /** What a hidden column renders: no component, no data (a renderer of its own for each column). */
    private static Renderer<Cell> nothing() {
        return LitRenderer.of("");
    }

    private Component cellOf(Cell c, Quantity q, Runnable onAnswer, BiConsumer<String, Quantity> onHint) {
        if (!session.asks(c, q)) {
            return claimOf(c, q);
        }
        String key = (q == Quantity.GRAD ? "grad-" : "value-") + c.name();
        TextField field = new TextField();
        field.setId("answer-" + key);
        // the input's own accessible name (an aria-label on the host leaves the input named by its empty
        // label, which axe-core reports as critical)
        field.setAriaLabel(Texts.t(q == Quantity.GRAD ? "practice.yourGradOf" : "practice.yourValueOf", c.name()));
        field.setWidth("72px");
        field.setValue(session.answerText(c.name(), q));
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        Span mark = new Span();
        mark.setId("mark-" + key);
        Button hint = new Button(Texts.t("practice.hint"), e -> onHint.accept(c.name(), q));
        hint.setId("hint-" + key);
        hint.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        show(session.right(c.name(), q), mark, hint);
        field.addValueChangeListener(e -> {
            if (!e.isFromClient() && e.getOldValue().equals(e.getValue())) {
                return;
            }
            PracticeSession.Answer a = session.answer(c.name(), q, e.getValue());
            field.setInvalid(a.error() != null);
            field.setErrorMessage(a.error());
            show(a.right(), mark, hint);
            onAnswer.run();
        });
        HorizontalLayout row = new HorizontalLayout(field, mark, hint);
        row.setSpacing(false);
        row.getStyle().set("gap", "var(--lumo-space-xs)");
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    /** A claim shown read-only: {@code -12 ✓}; nothing when the cell has none. */
    private Span claimOf(Cell c, Quantity q) {
        Span s = new Span();
        Boolean right = session.right(c.name(), q);
        if (right != null) {
            s.setId("claim-" + (q == Quantity.GRAD ? "grad-" : "value-") + c.name());
            s.setText(session.answerText(c.name(), q) + " " + (right ? RIGHT : WRONG));
            s.getElement().setAttribute("title", Texts.t(right ? "practice.claimHolds" : "practice.claimFails"));
            s.getElement().setAttribute("aria-label", session.answerText(c.name(), q) + ": "
                    + Texts.t(right ? "practice.claimHolds" : "practice.claimFails"));
            s.getElement().setAttribute("role", "img");
        }
        return s;
    }

    private static void show(Boolean right, Span mark, Button hint) {
        mark.setText(right == null ? "" : right ? RIGHT : WRONG);
        mark.getStyle().set("color", right == null ? "" : right ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("font-weight", "bold");
        mark.getElement().setAttribute("title", right == null ? "" : Texts.t(right ? "practice.right" : "practice.notYet"));
        // screen readers say "right" / "not right yet", not the mark's name; the mark's shape
        // (✓ or ✗), not only its green or red, tells sighted students
        if (right == null) {
            mark.getElement().removeAttribute("role");
            mark.getElement().removeAttribute("aria-label");
        } else {
            mark.getElement().setAttribute("role", "img");
            mark.getElement().setAttribute("aria-label", Texts.t(right ? "practice.right" : "practice.notYet"));
        }
        hint.setVisible(Boolean.FALSE.equals(right));
    }
}
