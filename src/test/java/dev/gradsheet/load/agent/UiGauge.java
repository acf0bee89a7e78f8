package dev.gradsheet.load.agent;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.PushConnection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UIs alive on the server: each one from its creation until it is detached (its tab closed, its
 * heartbeats missed, its session ended). Browsers' UIs (the real servlet) and the load test's mocked
 * ones (Karibu's servlet, same Spring context) are counted apart; a browser UI with a connected push
 * channel is a push session. Read without the UIs' locks: a gauge, not a transaction.
 */
public final class UiGauge implements VaadinServiceInitListener {
    private final Set<UI> browser = ConcurrentHashMap.newKeySet();
    private final Set<UI> mocked = ConcurrentHashMap.newKeySet();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        Set<UI> into = service.getClass().getName().contains("Mock") ? mocked : browser;
        service.addUIInitListener(e -> {
            UI ui = e.getUI();
            into.add(ui);
            ui.addDetachListener(d -> into.remove(ui));
        });
    }

    /** Browser UIs alive now. */
    public int browserUis() {
        return browser.size();
    }

    /** Mocked (Karibu) UIs alive now. */
    public int mockedUis() {
        return mocked.size();
    }

    /** Browser UIs whose push channel is connected now. */
    public int pushConnected() {
        int n = 0;
        for (UI ui : List.copyOf(browser)) {
            PushConnection push = ui.getInternals().getPushConnection();
            if (push != null && push.isConnected()) {
                n++;
            }
        }
        return n;
    }
}
