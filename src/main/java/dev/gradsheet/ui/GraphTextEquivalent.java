package dev.gradsheet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.gradsheet.engine.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The graph picture in words, for screen readers and the keyboard: the selected cell's
 * formula, the cells it uses (its inputs) and the cells using it, each a button that selects that
 * cell. It shows names and formulas only, never numbers, so it gives nothing away in practice mode.
 */
public class GraphTextEquivalent extends Div {
    private final SheetPresenter presenter;
    private final GraphModel model;
    private final Consumer<String> select;
    private final Span selected = new Span();
    private final Div inputs = new Div();
    private final Div users = new Div();

    /** {@code select} is called with a cell's name when its button is pressed. */
    public GraphTextEquivalent(SheetPresenter presenter, GraphModel model, Consumer<String> select) {
        this.presenter = presenter;
        this.model = model;
        this.select = select;
        setId("graph-text");
        addClassName("gs-graph-text");
        selected.setId("graph-text-selected");
        inputs.setId("graph-text-inputs");
        users.setId("graph-text-users");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", getTranslation("graphText.label"));
        add(selected, inputs, users);
        show(null);
    }

    /** Describes cell {@code name} (null: nothing selected). */
    public void show(String name) {
        Cell cell = name == null ? null : presenter.cell(name).orElse(null);
        inputs.removeAll();
        users.removeAll();
        if (cell == null) {
            selected.setText(getTranslation("graphText.none"));
            return;
        }
        selected.setText(getTranslation("graphText.selected", cell.name() + " (" + cell.kind() + ")"
                + (cell.formula() == null || cell.formula().isBlank() ? "" : " = " + cell.formula())));
        fill(inputs, getTranslation("graphText.uses"), inputsOf(cell), getTranslation("graphText.noOther"));
        fill(users, getTranslation("graphText.usedBy"), presenter.usersOf(cell.name()),
                getTranslation("graphText.noOther"));
    }

    private void fill(Div list, String label, List<String> names, String none) {
        list.add(new Span(label + " "));
        if (names.isEmpty()) {
            list.add(new Span(none));
        }
        for (String n : names) {
            Button b = new Button(n, e -> select.accept(n));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            b.getElement().setAttribute("aria-label", getTranslation("graphText.select", n));
            b.addClassName("gs-graph-text-name");
            list.add(b);
        }
    }

    /**
     * The user-level cells {@code cell}'s formula reads, in order: arguments that are the formula's
     * own intermediate steps ({@code f.1}, {@code f.2}) are looked through. The edges come from
     * the graph model's cache, so a selection does not read a big sheet's edges again.
     */
    private List<String> inputsOf(Cell cell) {
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(model.argumentsOf(cell.name()));
        while (!todo.isEmpty()) {
            String a = todo.remove(0);
            Cell c = presenter.cell(a).orElse(null);
            if (c != null && c.generated() && cell.name().equals(c.owner())) {
                todo.addAll(0, model.argumentsOf(a));
            } else if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
