package dev.gradsheet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import dev.gradsheet.ui.i18n.LanguageSwitch;

/**
 * The sheet page's head, one line: the objective and its value first, large, where the eye goes
 * (what every gradient is about), the cell count, whether the sheet's edits are saved, then,
 * quieter, the gradient colours' legend (a strip of the colours, its words in the tooltip) and the
 * language switch.
 */
final class PageHead extends Composite<Div> {
    /** The objective and its value. */
    final Span status = new Span();
    final Span cellCount = new Span();

    /** The head of a sheet whose save state {@code saveState} says ("saving…", "saved"). */
    PageHead(Component saveState) {
        H2 title = new H2("GradSheet");
        title.addClassName("gs-brand");
        Span objectiveLabel = new Span(getTranslation("sheet.objective"));
        objectiveLabel.addClassName("gs-quiet");
        status.setId("status");
        status.addClassName("gs-status");
        status.getElement().setAttribute("title", getTranslation("sheet.objectiveTitle"));
        cellCount.setId("cell-count");
        cellCount.addClassName("gs-quiet");
        saveState.getElement().getClassList().add("gs-save-state");
        Div spacer = new Div();
        spacer.addClassName("gs-spacer");
        Div head = getContent();
        head.addClassName("gs-head");
        head.add(title, objectiveLabel, status, cellCount, saveState, spacer, legend(), new LanguageSwitch());
    }

    /** The gradient colours, from blue (the objective falls as the cell rises) to red; the words in its tooltip. */
    private Span legend() {
        Span strip = new Span();
        strip.addClassName("gs-legend-strip");
        strip.getElement().setAttribute("aria-hidden", "true");
        Span legend = new Span(strip, new Span(getTranslation("sheet.legendShort")));
        legend.setId("legend");
        legend.addClassName("gs-legend");
        legend.getElement().setAttribute("title", getTranslation("sheet.legend"));
        legend.getElement().setAttribute("tabindex", "0"); // its tooltip reachable by keyboard too
        legend.getElement().setAttribute("role", "note"); // a span may carry its name only with a role
        legend.getElement().setAttribute("aria-label", getTranslation("sheet.legend"));
        return legend;
    }

    /** Shows the objective's line ("L = 4") and the cell count. */
    void show(String objective, String cells) {
        status.setText(objective);
        cellCount.setText(cells);
    }
}
