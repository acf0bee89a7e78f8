package dev.gradsheet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.html.Span;

/**
 * A field's label beside it rather than above it, for the page's one-line toolbar: the field keeps
 * its own label (what screen readers announce and tests read), drawn hidden by gradsheet.css
 * ({@code .gs-inline-field}), and a span shows the same words in line, hidden from screen readers so
 * they are not said twice.
 */
final class InlineLabel {
    private InlineLabel() {
    }

    /** Marks {@code field} as labelled in line (its own label is not drawn). */
    static <T extends Component & HasLabel> void inline(T field) {
        field.getElement().getClassList().add("gs-inline-field");
    }

    /** The in-line label of {@code field}: its label's words. */
    static <T extends Component & HasLabel> Span of(T field) {
        Span label = new Span(field.getLabel());
        label.addClassName("gs-inline-label");
        label.getElement().setAttribute("aria-hidden", "true");
        return label;
    }
}
