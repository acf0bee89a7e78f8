package dev.gradsheet.load.agent;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.train.BuiltInData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sheet page as a mocked (Karibu) student sees and works it, found only by the element ids the
 * browser tests use too, so it drives any version of the page: the grid {@code cells} and its
 * in-place editor, the SGD button, the training tab's template dialog and Play/Pause, the Download
 * link. Every method runs on the student's own thread, which holds its mocked session.
 */
final class KaribuPage {
    private KaribuPage() {
    }

    /** Opens {@code path} ("" starts a fresh worked example) and lets the page settle. */
    static void open(String path) {
        UI.getCurrent().navigate(path);
        MockVaadin.clientRoundtrip();
    }

    /** The id of the sheet shown ({@code sheet/<id>}), or null. */
    static String sheetId() {
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        return path.startsWith("sheet/") ? path.substring("sheet/".length()) : null;
    }

    static <T extends Component> T byId(Class<T> type, String id) {
        return LocatorJ._get(type, spec -> spec.withId(id));
    }

    static Optional<Component> find(String id) {
        List<Component> found = LocatorJ._find(Component.class, spec -> spec.withId(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Clicks button {@code id} as a person would (it must be visible and enabled). */
    static void click(String id) {
        ButtonKt._click(byId(Button.class, id));
        MockVaadin.clientRoundtrip();
    }

    static boolean enabled(String id) {
        return byId(Button.class, id).isEnabled();
    }

    /** The text an element shows. */
    static String text(String id) {
        return find(id).map(c -> c.getElement().getTextRecursively().strip()).orElse("");
    }

    /** Types {@code text} into cell {@code name}'s value in the grid's editor and presses Enter. */
    static void editValue(String name, String text) {
        @SuppressWarnings("unchecked")
        Grid<Cell> grid = byId(Grid.class, "cells");
        Cell item = GridKt._findAll(grid).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cell " + name + " in the grid"));
        grid.getEditor().editItem(item);
        MockVaadin.clientRoundtrip();
        TextField field = byId(TextField.class, "edit-value");
        field.setValue(text);
        ShortcutsKt._fireShortcut(field, Key.ENTER);
        MockVaadin.clientRoundtrip();
    }

    /** The grid's rows as the page shows them: name, value, gradient. */
    static List<List<String>> rows() {
        @SuppressWarnings("unchecked")
        Grid<Cell> grid = byId(Grid.class, "cells");
        int size = GridKt._size(grid);
        List<List<String>> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(List.of(GridKt._getFormatted(grid, i, "name"), GridKt._getFormatted(grid, i, "value"),
                    GridKt._getFormatted(grid, i, "grad")));
        }
        return rows;
    }

    /** The sheet's text as its Download link gives it. */
    static String download() {
        return new String(DownloadKt._download(byId(Anchor.class, "download")), StandardCharsets.UTF_8);
    }

    /** Shows the side panel's tab {@code id} ({@code tab-training}, ...). */
    static void showTab(String id) {
        Tab tab = byId(Tab.class, id);
        tab.getParent().filter(Tabs.class::isInstance).map(Tabs.class::cast).ifPresent(t -> t.setSelectedTab(tab));
        MockVaadin.clientRoundtrip();
    }

    /**
     * Builds an MLP from the training tab's Templates dialog: hidden layers {@code hidden} ("4",
     * "8, 8") on built-in data {@code data}, opened as a new sheet of this student's.
     */
    @SuppressWarnings("unchecked")
    static void openTemplate(String hidden, BuiltInData data) {
        showTab("tab-training");
        click("templates");
        byId(TextField.class, "template-hidden").setValue(hidden);
        byId(ComboBox.class, "template-data").setValue(data);
        click("template-open");
        showTab("tab-training");
    }
}
