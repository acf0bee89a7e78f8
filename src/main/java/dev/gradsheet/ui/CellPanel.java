package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientExplanation;

/**
 * The selected cell: "Why this gradient?" (the chain rule with the numbers, term by term, with each
 * operation's rule) and the cell's actions: rename, delete, make it the objective. Refusals are shown
 * next to the field or button that caused them.
 */
public class CellPanel extends Composite<VerticalLayout> {
    final H4 title = new H4();
    final Paragraph equation = new Paragraph();
    final UnorderedList terms = new UnorderedList();
    final Paragraph note = new Paragraph();
    final TextField renameField = new TextField();
    final Button rename = new Button();
    final Button delete = new Button();
    final Button makeObjective = new Button();
    final Span actionError = new Span();
    /** Why a formula step's actions are disabled. */
    final Span stepHint = new Span();
    private final SheetPresenter presenter;
    private final Div details = new Div();
    final ChainView chain = new ChainView(this::show);
    private String name;

    /** Why the shown cell's value is NaN or infinite (hidden when it is a number). */
    final com.vaadin.flow.component.html.Paragraph notFinite = new com.vaadin.flow.component.html.Paragraph();

    public CellPanel(SheetPresenter presenter) {
        this.presenter = presenter;
        title.setId("why-title");
        equation.setId("why-equation");
        equation.addClassName("gs-mono");
        terms.setId("why-terms");
        note.setId("why-note");
        renameField.setId("rename-field");
        renameField.setPlaceholder(getTranslation("why.newName"));
        renameField.setAriaLabel(getTranslation("why.newNameLabel"));
        rename.setText(getTranslation("why.rename"));
        delete.setText(getTranslation("why.delete"));
        makeObjective.setText(getTranslation("why.makeObjective"));
        renameField.setWidth("10em");
        rename.setId("rename");
        rename.addClickListener(e -> rename());
        rename.addClickShortcut(Key.ENTER).listenOn(renameField);
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        makeObjective.setId("make-objective");
        makeObjective.addClickListener(e -> makeObjective());
        actionError.setId("cell-error");
        actionError.addClassName("gs-error");
        HorizontalLayout actions = new HorizontalLayout(renameField, rename, delete, makeObjective);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        stepHint.setId("step-hint");
        notFinite.setId("why-not-finite");
        notFinite.addClassName("gs-error");
        details.add(notFinite, equation, terms, chain, note, actions, stepHint, actionError);
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(title, details);
        show(null);
    }

    /** Shows the cell called {@code name} (null or a deleted cell: a hint to select one). */
    public void show(String name) {
        if (!java.util.Objects.equals(name, this.name)) {
            clearErrors();
        }
        this.name = name;
        var cell = presenter.cell(name);
        if (cell.isEmpty()) {
            this.name = null;
            title.setText(getTranslation("why.selectCell"));
            details.setVisible(false);
            return;
        }
        details.setVisible(true);
        refresh(cell.get());
    }

    /** Re-reads the shown cell after an edit (its numbers may have changed). */
    public void refresh() {
        show(name);
    }

    private void refresh(Cell c) {
        title.setText(getTranslation("why.title", "d" + presenter.objective() + "/d" + c.name(), Format.readable(c.grad())));
        String bad = Double.isFinite(c.value()) ? null : presenter.notFinite(c.name()).map(NotFiniteTexts::of).orElse(null);
        notFinite.setText(bad == null ? "" : bad);
        notFinite.setVisible(bad != null);
        GradientExplanation why = presenter.explain(c.name());
        equation.setText(Explanations.equation(why));
        terms.removeAll();
        for (GradientExplanation.Term t : why.terms()) {
            String rule = Explanations.rule(t);
            terms.add(new ListItem(getTranslation("why.term", t.user(), t.op(), "d" + why.objective() + "/d" + t.user(),
                    "∂" + t.user() + "/∂" + c.name(), Format.readable(t.upstream()), Format.readable(t.local()),
                    Format.readable(t.product()), rule.isEmpty() ? "" : " — " + rule)));
        }
        // big sheets get no path listing (paths are followed cell by cell)
        chain.show(presenter.size() > ChainView.MAX_CELLS || presenter.objective() == null ? null
                : presenter.gradientPaths(c.name(), ChainView.SHOWN));
        note.setText(Explanations.note(why));
        note.setVisible(!why.note().isEmpty());
        boolean editable = !c.generated();
        renameField.setEnabled(editable);
        rename.setEnabled(editable);
        delete.setEnabled(editable);
        makeObjective.setEnabled(!c.name().equals(presenter.objective()));
        stepHint.setText(c.generated()
                ? getTranslation("why.stepOf", c.name(), c.owner()) : "");
    }

    /** The cell shown, or null. */
    public String shown() {
        return name;
    }

    void rename() {
        clearErrors();
        if (name == null) {
            return;
        }
        SheetPresenter.Outcome o = presenter.rename(name, renameField.getValue());
        if (o.ok()) {
            name = renameField.getValue().strip();
            renameField.clear();
            fireEvent(new RenamedEvent(this, name));
        } else {
            renameField.setErrorMessage(o.error());
            renameField.setInvalid(true);
            presenter.post(this::clearErrors);
        }
    }

    void delete() {
        clearErrors();
        if (name == null) {
            return;
        }
        SheetPresenter.Outcome o = presenter.delete(name);
        if (!o.ok()) {
            actionError.setText(o.error());
            presenter.post(this::clearErrors);
        }
    }

    void makeObjective() {
        clearErrors();
        if (name == null) {
            return;
        }
        SheetPresenter.Outcome o = presenter.setObjective(name);
        if (!o.ok()) {
            actionError.setText(o.error());
            presenter.post(this::clearErrors);
        }
    }

    public com.vaadin.flow.shared.Registration addRenamedListener(
            com.vaadin.flow.component.ComponentEventListener<RenamedEvent> listener) {
        return addListener(RenamedEvent.class, listener);
    }

    /** The shown cell was renamed to {@link #newName()}. */
    public static class RenamedEvent extends com.vaadin.flow.component.ComponentEvent<CellPanel> {
        private final String newName;

        public RenamedEvent(CellPanel source, String newName) {
            super(source, false);
            this.newName = newName;
        }

        public String newName() {
            return newName;
        }
    }

    private void clearErrors() {
        renameField.setInvalid(false);
        renameField.setErrorMessage(null);
        actionError.setText("");
    }
}
