package dev.gradsheet.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import java.util.ArrayList;
import java.util.List;

/**
 * The cell names a combo box offers (the objective picker, the add-cell form's arguments). A small
 * sheet's names are handed over as a list; a big sheet's are fetched a page at a time as the list
 * scrolls or is filtered: a list of 1.6 million names per combo box per tab cost seconds
 * on open and about 100 MB each.
 */
final class NameChoices {
    /** Sheets of up to this many cells give their combo boxes the whole list of names. */
    static final int LISTED_UP_TO = 20_000;
    /** Most cells a filtered fetch of a big sheet reads before answering with what it found. */
    static final int SCAN_LIMIT = 200_000;
    private static final int PAGE = 2_000;

    private NameChoices() {
    }

    /** Gives {@code box} the names of the presenter's user cells, as a list or lazily by size. */
    static void offer(ComboBox<String> box, SheetPresenter presenter) {
        if (presenter.size() <= LISTED_UP_TO) {
            box.setItems(presenter.names());
        } else {
            box.setItems(query -> presenter.names(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        }
    }

    /**
     * Names of user cells containing {@code filter} (any case), in display order, from match
     * {@code offset} on, at most {@code limit}; an exact name comes first. Reads at most
     * {@link #SCAN_LIMIT} cells beyond the first match asked for, so a keystroke never walks a huge sheet.
     */
    static List<String> page(Sheet sheet, String filter, int offset, int limit) {
        String needle = filter.toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        boolean exact = !filter.isEmpty() && sheet.cell(filter).filter(c -> !c.generated()).isPresent();
        int skip = offset;
        if (exact) {
            if (skip == 0) {
                out.add(filter);
            } else {
                skip--;
            }
        }
        int size = sheet.size();
        int read = 0;
        for (int from = 0; from < size && out.size() < limit && read < SCAN_LIMIT + (long) offset; from += PAGE) {
            for (Cell c : sheet.cells(from, PAGE)) {
                read++;
                if (c.generated() || exact && c.name().equals(filter)
                        || !needle.isEmpty() && !c.name().toLowerCase(java.util.Locale.ROOT).contains(needle)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else if (out.size() < limit) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }
}
