package dev.gradsheet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sheet's side panel: tabs over pages that all stay attached, only hidden, when another tab is
 * shown. (Vaadin's TabSheet detaches hidden pages, which would stop a training run and drop the
 * graph's view whenever a person looks at another tab.) The tab bar may lead with a component of the
 * page's ({@link #lead}), and listeners hear which tab is shown ({@link #onShown}).
 */
public class SideTabs extends Composite<Div> {
    private final Tabs tabs = new Tabs();
    private final Div bar = new Div();
    private final Div pages = new Div();
    private final Map<Tab, Div> pageOf = new LinkedHashMap<>();
    private final Map<String, Tab> byId = new LinkedHashMap<>();
    private final java.util.List<java.util.function.Consumer<String>> shownListeners = new java.util.ArrayList<>();

    public SideTabs() {
        tabs.addClassName("gs-tabs");
        bar.addClassName("gs-tab-bar");
        bar.add(tabs);
        pages.addClassName("gs-pages");
        tabs.addSelectedChangeListener(e -> {
            pageOf.forEach((tab, page) -> page.setVisible(tab == e.getSelectedTab()));
            String id = shown();
            shownListeners.forEach(l -> l.accept(id));
        });
        getContent().addClassName("gs-side");
        getContent().add(bar, pages);
    }

    /** Puts {@code c} at the start of the tab bar, before the tabs. */
    public void lead(Component c) {
        bar.addComponentAsFirst(c);
    }

    /** {@code listener} hears the id of the tab shown, whenever another is. */
    public void onShown(java.util.function.Consumer<String> listener) {
        shownListeners.add(listener);
    }

    /** Adds a tab {@code id} labelled {@code label} over {@code content}. */
    public void add(String id, String label, Component content) {
        Tab tab = new Tab(label);
        tab.setId(id);
        Div page = new Div(content);
        page.addClassName("gs-page");
        page.setId(id.replace("tab-", "page-"));
        page.setVisible(pageOf.isEmpty());
        pageOf.put(tab, page);
        byId.put(id, tab);
        tabs.add(tab);
        pages.add(page);
    }

    /** Shows the page of tab {@code id}. */
    public void show(String id) {
        Tab tab = byId.get(id);
        if (tab != null) {
            boolean changed = tabs.getSelectedTab() != tab;
            tabs.setSelectedTab(tab);
            pageOf.forEach((t, page) -> page.setVisible(t == tab));
            if (!changed) {
                shownListeners.forEach(l -> l.accept(id)); // the first tab is selected before any listener
            }
        }
    }

    /** The id of the tab shown. */
    public String shown() {
        Tab t = tabs.getSelectedTab();
        return t == null ? null : t.getId().orElse(null);
    }

    /** Whether the page of tab {@code id} is the one shown. */
    public boolean isShown(String id) {
        Tab tab = byId.get(id);
        return tab != null && pageOf.get(tab).isVisible();
    }
}
