package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The sheet's description (its leading comment) under the page's head: its first line, with "more"
 * to read the rest, so a long lesson text does not push the grid down; hidden when there is none.
 * The text is a text node, never HTML.
 */
final class SheetAbout extends Composite<Div> {
    /** Descriptions longer than this (or of several lines) get "more". */
    static final int ONE_LINE = 110;
    final Paragraph text = new Paragraph();
    final Button more = new Button();
    private boolean open;

    SheetAbout(String description) {
        String shown = description == null ? "" : ExampleTexts.description(description);
        text.setText(shown);
        text.setId("description");
        text.addClassName("gs-description");
        text.getElement().setAttribute("title", shown);
        more.setId("description-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        more.addClickListener(e -> toggle());
        more.setVisible(shown.contains("\n") || shown.length() > ONE_LINE);
        Div box = getContent();
        box.setId("about");
        box.addClassName("gs-about");
        box.add(text, more);
        box.setVisible(!shown.isBlank());
        show(false);
    }

    /** Shows the whole description, or its first line again. */
    void toggle() {
        show(!open);
    }

    private void show(boolean whole) {
        open = whole;
        getContent().getClassNames().set("gs-open", whole);
        more.setText(getTranslation(whole ? "sheet.less" : "sheet.more"));
        more.getElement().setAttribute("aria-expanded", String.valueOf(whole));
    }

    boolean isOpen() {
        return open;
    }
}
