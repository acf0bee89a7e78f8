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
 * graph's view whenever a person looks at another tab.)
 */
public class SideTabs extends Composite<Div> {
    private final Tabs tabs = new Tabs();
    private final Div pages = new Div();
    private final Map<Tab, Div> pageOf = new LinkedHashMap<>();
    private final Map<String, Tab> byId = new LinkedHashMap<>();

    public SideTabs() {
        tabs.addClassName("gs-tab-bar");
        pages.addClassName("gs-pages");
        tabs.addSelectedChangeListener(e -> pageOf.forEach((tab, page) -> page.setVisible(tab == e.getSelectedTab())));
        getContent().addClassName("gs-side");
        getContent().add(tabs, pages);
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
            tabs.setSelectedTab(tab);
            pageOf.forEach((t, page) -> page.setVisible(t == tab));
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
