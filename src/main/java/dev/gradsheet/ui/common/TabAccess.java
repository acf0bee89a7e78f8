package dev.gradsheet.ui.common;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import dev.gradsheet.ui.frames.FrameWorkers;
import dev.gradsheet.ui.frames.PageQueue;
import dev.gradsheet.ui.frames.Tab;
import java.util.Optional;

/**
 * A Vaadin UI (one browser tab) as the frame workers know it: its {@link Tab}, kept with the UI and
 * gone with it, and the way work is handed to its page ({@code UI.access}, dropped once the tab is
 * closed).
 */
public final class TabAccess {
    private TabAccess() {
    }

    /** The tab of {@code ui}, made on first use. */
    public static Tab of(UI ui, FrameWorkers workers) {
        Tab tab = ComponentUtil.getData(ui, Tab.class);
        if (tab == null) {
            tab = new Tab(workers);
            ComponentUtil.setData(ui, Tab.class, tab);
        }
        return tab;
    }

    /** The tab of {@code ui}, if a part of its page has made it. */
    public static Optional<Tab> existing(UI ui) {
        return Optional.ofNullable(ComponentUtil.getData(ui, Tab.class));
    }

    /** Runs tasks on {@code ui}'s page, with its session's lock; drops them once the tab is closed. */
    public static PageQueue.Page page(UI ui) {
        return task -> {
            try {
                ui.access(task::run);
            } catch (UIDetachedException gone) {
                // the tab is closed: nothing to show
            }
        };
    }
}
