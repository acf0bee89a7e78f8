package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.gradsheet.sheet.Examples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * "Start here" for an empty sheet: what a sheet is in three short steps, and one-click starting
 * points (fill in a first model here, or open an example as a new sheet). Shown only while the sheet
 * has no cells.
 */
public class StartGuide extends Composite<Div> {
    /** The cells "Fill in a first model" adds: two numbers and a formula using them. */
    static final List<String[]> FIRST_MODEL = List.of(
            new String[] {"x", "input(2)"}, new String[] {"w", "weight(0.5)"}, new String[] {"p", "w * x"});

    final Button fill = new Button(getTranslation("start.fill"));
    final Button worked = new Button(getTranslation("start.worked"));
    final Button neuron = new Button(getTranslation("start.neuron"));
    private final SheetPresenter presenter;
    private final AddCellForm addForm;

    /**
     * The guide for the sheet of {@code presenter}.
     *
     * @param addForm the add-cell form, which says which cell became the objective
     * @param open    opens an example's text (as a new sheet), given its bytes and file name
     */
    public StartGuide(SheetPresenter presenter, AddCellForm addForm, BiConsumer<byte[], String> open) {
        this.presenter = presenter;
        this.addForm = addForm;
        Div box = getContent();
        box.setId("start-guide");
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin", "var(--lumo-space-xs) 0")
                .set("background", "var(--lumo-primary-color-10pct)");
        H3 title = new H3(getTranslation("start.title"));
        title.getStyle().set("margin", "0");
        OrderedList steps = new OrderedList(
                new ListItem(getTranslation("start.step1")),
                new ListItem(getTranslation("start.step2")),
                new ListItem(getTranslation("start.step3")));
        steps.getStyle().set("margin", "var(--lumo-space-xs) 0");
        fill.setId("start-fill");
        fill.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fill.addClickListener(e -> fillFirstModel());
        worked.setId("start-worked");
        worked.addClickListener(e -> open.accept(bytes(Examples.WORKED), Examples.WORKED.id() + ".sheet"));
        neuron.setId("start-neuron");
        Examples.Example cs231n = Examples.ALL.get(1);
        neuron.addClickListener(e -> open.accept(bytes(cs231n), cs231n.id() + ".sheet"));
        HorizontalLayout buttons = new HorizontalLayout(fill, worked, neuron);
        buttons.setWrap(true);
        box.add(title, steps, buttons);
        refresh();
    }

    private static byte[] bytes(Examples.Example example) {
        return example.text().getBytes(StandardCharsets.UTF_8);
    }

    /** Shows the guide while the sheet is empty. */
    public void refresh() {
        setVisible(presenter.size() == 0);
    }

    /** Adds x = input(2), w = weight(0.5) and p = w * x to this sheet (p becomes the objective). */
    void fillFirstModel() {
        for (String[] cell : FIRST_MODEL) {
            if (presenter.cell(cell[0]).isEmpty()) {
                presenter.addCell(cell[0], cell[1]);
            }
        }
        addForm.sayIfObjective(FIRST_MODEL.get(FIRST_MODEL.size() - 1)[0]);
    }

}
