package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.Op;
import java.util.List;

/**
 * Adds a cell: a name and a formula typed in, or an operation picked with its arguments from the
 * existing cells (which writes the formula). A bare number asks first whether it is an input (data,
 * SGD never moves it) or a weight (SGD learns it). A refused cell is explained under the field at
 * fault and the sheet stays as it was. After a cell is added the caret goes back to the name field,
 * so a student building by hand types the next cell at once; while nobody has picked the sheet's
 * objective, it follows the newest loss-like cell, and the form says so once.
 */
public class AddCellForm extends Composite<VerticalLayout> {
    /** The operations the builder offers: every op {@link Op} defines but copy, in its order. */
    static final List<String> OPS = Op.offered().stream().map(Op::label).toList();

    final TextField name = new TextField(getTranslation("add.name"));
    final TextField formula = new TextField(getTranslation("add.formula"));
    final Button add = new Button(getTranslation("add.add"));
    final Select<String> op = new Select<>();
    final ComboBox<String> arg1 = new ComboBox<>();
    final ComboBox<String> arg2 = new ComboBox<>();
    /** The question a bare number raises: input or weight? */
    final Span kindQuestion = new Span();
    final Button asInput = new Button(getTranslation("add.asInput"));
    final Button asWeight = new Button(getTranslation("add.asWeight"));
    final HorizontalLayout kindRow = new HorizontalLayout();
    /** What the last add did beyond adding (it made the cell the objective). */
    final Span notice = new Span();
    private final SheetPresenter presenter;
    /** Whether this form has said that the objective follows the newest cell (it says so once). */
    private boolean toldFollowing;

    public AddCellForm(SheetPresenter presenter) {
        this.presenter = presenter;
        name.setId("add-name");
        name.setPlaceholder(getTranslation("add.namePlaceholder"));
        name.setWidth("7em");
        formula.setId("add-formula");
        formula.setPlaceholder(getTranslation("add.formulaPlaceholder"));
        formula.setWidth("16em");
        add.setId("add-cell");
        add.addClickListener(e -> add());
        add.addClickShortcut(Key.ENTER).listenOn(name, formula);
        setUpBuilder();
        setUpKindQuestion();
        notice.setId("add-notice");
        HorizontalLayout typed = new HorizontalLayout(name, formula, add);
        typed.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        typed.setWrap(true);
        HorizontalLayout builder = new HorizontalLayout(op, arg1, arg2);
        builder.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        builder.setWrap(true);
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(new H4(getTranslation("add.title")), typed, kindRow, builder, notice);
        refreshNames();
    }

    /** The cell builder: an operation and its arguments write the formula field. */
    private void setUpBuilder() {
        op.setId("add-op");
        op.setLabel(getTranslation("add.op"));
        op.setItems(OPS);
        op.setWidth("9em");
        arg1.setId("add-arg1");
        arg1.setLabel(getTranslation("add.argument"));
        arg1.setAllowCustomValue(true);
        arg1.addCustomValueSetListener(e -> arg1.setValue(e.getDetail()));
        arg2.setId("add-arg2");
        arg2.setLabel(getTranslation("add.argument2"));
        arg2.setAllowCustomValue(true);
        arg2.addCustomValueSetListener(e -> arg2.setValue(e.getDetail()));
        for (var f : List.of(arg1, arg2)) {
            f.setWidth("8em");
            f.addValueChangeListener(e -> build());
        }
        op.addValueChangeListener(e -> {
            arg2.setVisible(e.getValue() != null && SheetPresenter.isBinary(e.getValue()));
            arg2.setLabel(e.getValue() != null && SheetPresenter.secondIsOptional(e.getValue())
                    ? getTranslation("add.argument2Optional") : getTranslation("add.argument2"));
            arg1.setLabel(e.getValue() != null && List.of("input", "weight", "const").contains(e.getValue())
                    ? getTranslation("add.value") : getTranslation("add.argument"));
            build();
        });
        arg2.setVisible(false);
    }

    /** The question a bare number raises, input or weight, with its two answers. */
    private void setUpKindQuestion() {
        kindQuestion.setId("add-kind-question");
        asInput.setId("add-as-input");
        asInput.setTooltipText(getTranslation("add.asInputTip"));
        asInput.addClickListener(e -> addNumber(false));
        asWeight.setId("add-as-weight");
        asWeight.setTooltipText(getTranslation("add.asWeightTip"));
        asWeight.addClickListener(e -> addNumber(true));
        kindRow.setId("add-kind");
        kindRow.add(kindQuestion, asInput, asWeight);
        kindRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        kindRow.setWrap(true);
        kindRow.setVisible(false);
    }

    /** Re-reads the cell names offered as arguments (after cells were added, renamed or deleted). */
    public void refreshNames() {
        NameChoices.offer(arg1, presenter);
        NameChoices.offer(arg2, presenter);
    }

    private void build() {
        if (op.getValue() != null) {
            formula.setValue(SheetPresenter.formulaFor(op.getValue(), arg1.getValue(), arg2.getValue()));
        }
    }

    /**
     * Adds the cell; on success the fields are cleared, on refusal the message shows under its field.
     * A bare number is not added yet: the form asks whether it is an input or a weight.
     */
    public void add() {
        clearMessages();
        if (SheetPresenter.isBareNumber(formula.getValue()) && !name.getValue().isBlank()) {
            presenter.beginAction();
            String n = name.getValue().strip();
            kindQuestion.setText(getTranslation("add.kindQuestion", n + " = " + formula.getValue().strip()));
            kindRow.setVisible(true);
            asWeight.focus();
            presenter.post(this::clearMessages);
            return;
        }
        done(presenter.addCell(name.getValue(), formula.getValue()));
    }

    /** The answer to "input or weight?": adds the number as that kind. */
    void addNumber(boolean weight) {
        clearMessages();
        done(presenter.addNumber(name.getValue(), formula.getValue(), weight));
    }

    private void done(SheetPresenter.Outcome o) {
        if (o.ok()) {
            String added = name.getValue().strip();
            sayIfObjective(added);
            name.clear();
            formula.clear();
            op.clear();
            arg1.clear();
            arg2.clear();
            name.focus(); // the next cell, at once
            return;
        }
        TextField at = o.about() == EditRefusedException.Reason.NAME ? name : formula;
        at.setErrorMessage(o.error());
        at.setInvalid(true);
        presenter.post(this::clearMessages);
    }

    /**
     * Says so, once, when the cell just added became the objective: a sheet nobody has picked an
     * objective for gives it to its first formula, then to each newer loss-like cell; the head of the
     * page shows the objective every time.
     */
    void sayIfObjective(String added) {
        if (added.equals(presenter.objective()) && !toldFollowing) {
            toldFollowing = true;
            notice.setText(getTranslation("add.objectiveNow", added));
            presenter.post(this::clearMessages);
        }
    }

    /** Clears the form's messages and the input-or-weight question. */
    void clearMessages() {
        for (TextField f : List.of(name, formula)) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        kindRow.setVisible(false);
        notice.setText("");
    }
}
