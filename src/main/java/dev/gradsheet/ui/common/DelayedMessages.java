package dev.gradsheet.ui.common;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A server slowed on purpose, for tests only: with {@code gradsheet.test.delay-requests} set (a
 * duration such as {@code 300ms}), every message a page sends to the server — a key, a click, a typed
 * value — waits that long before it is handled, as on a server busy with a class. It waits in Vaadin's
 * request start, which both ways a page talks to the server pass through: the push websocket (the
 * page's messages travel there, so a servlet filter would not see them) and plain requests. Not there
 * at all unless the setting is given.
 */
@Component
@ConditionalOnProperty("gradsheet.test.delay-requests")
public class DelayedMessages implements VaadinServiceInitListener {
    private final Duration delay;

    public DelayedMessages(@Value("${gradsheet.test.delay-requests}") Duration delay) {
        this.delay = delay;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new Delay(delay.toMillis()));
    }

    /** Sleeps at the start of each request, before the session is locked (nothing else waits on it). */
    private record Delay(long millis) implements VaadinRequestInterceptor {
        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session,
                Exception exception) {
            // nothing to undo: the delay holds no state
        }

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
            // the delay is at the start only
        }
    }
}
