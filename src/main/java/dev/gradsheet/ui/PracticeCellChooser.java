package dev.gradsheet.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cells practice mode asks about: a labelled multi-select of the sheet's cells (every row of
 * the grid, formula steps too) for sheets of up to {@link #LISTED_UP_TO} cells, and a typed,
 * comma-separated list for bigger ones, where a list of every name would not help anyone. Nothing
 * chosen means every gradient. A typed name the sheet lacks is refused next to the field and left
 * out, so practice goes on with the others.
 */
final class PracticeCellChooser extends Composite<Div> implements com.vaadin.flow.component.HasEnabled {
    /** Sheets of up to this many cells offer their cells in the multi-select. */
    static final int LISTED_UP_TO = 200;

    final MultiSelectComboBox<String> listed = new MultiSelectComboBox<>(getTranslation("practice.cellsLabel"));
    /** The typed list for big sheets, comma-separated. */
    final TextField typed = new TextField(getTranslation("practice.cellsLabel"));
    private final PracticeSession session;
    private boolean updating;

    /** {@code changed} runs when the person changes the choice. */
    PracticeCellChooser(PracticeSession session, Runnable changed) {
        this.session = session;
        listed.setId("practice-cells-list");
        listed.setPlaceholder(getTranslation("practice.cellsPlaceholder"));
        listed.setTooltipText(getTranslation("practice.cellsTip"));
        listed.setWidth("16em");
        listed.addValueChangeListener(e -> {
            if (!updating) {
                changed.run();
            }
        });
        typed.setId("practice-cells");
        typed.setPlaceholder(getTranslation("practice.cellsPlaceholder"));
        typed.setTooltipText(getTranslation("practice.cellsTypedTip"));
        typed.setWidth("16em");
        typed.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        typed.addValueChangeListener(e -> {
            if (!updating) {
                changed.run();
            }
        });
        getContent().add(listed, typed);
        refreshNames();
    }

    /** Shows the choice {@code cells} (a teacher's saved setting, say) without calling back. */
    void show(List<String> cells) {
        updating = true;
        try {
            typed.setValue(String.join(", ", cells));
            listed.setValue(new LinkedHashSet<>(cells.stream().filter(this::offered).toList()));
        } finally {
            updating = false;
        }
    }

    private boolean offered(String name) {
        return listed.getListDataView().contains(name);
    }

    /**
     * Re-reads the sheet's cells (after cells were added, renamed or deleted): the multi-select for a
     * small sheet, the typed list for a big one, each keeping what is still there.
     */
    void refreshNames() {
        List<String> names = session.cellNames(LISTED_UP_TO);
        List<String> before = chosen();
        updating = true;
        try {
            listed.setItems(names == null ? List.of() : names);
            listed.setVisible(names != null);
            typed.setVisible(names == null);
        } finally {
            updating = false;
        }
        show(before);
    }

    /**
     * The chosen cells that exist, in the order chosen; with the typed list, names the sheet lacks are
     * refused next to the field.
     */
    List<String> chosen() {
        if (listed.isVisible()) {
            return sortedAsSheet(listed.getValue());
        }
        List<String> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : typed.getValue().split(",")) {
            String name = part.strip();
            if (name.isEmpty() || chosen.contains(name)) {
                continue;
            }
            if (session.hasCell(name)) {
                chosen.add(name);
            } else {
                unknown.add(name);
            }
        }
        typed.setInvalid(!unknown.isEmpty());
        typed.setErrorMessage(unknown.isEmpty() ? null : getTranslation("practice.noCell", String.join(", ", unknown)));
        return chosen;
    }

    /** The multi-select's choice in the grid's order (its own order is the order of clicks). */
    private List<String> sortedAsSheet(Set<String> picked) {
        List<String> out = new ArrayList<>();
        listed.getListDataView().getItems().filter(picked::contains).forEach(out::add);
        return out;
    }
}
