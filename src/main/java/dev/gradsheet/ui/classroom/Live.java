package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;

/** Runs a page's update in its UI (pushed) each time an event arrives, until disposed or the tab closes. */
final class Live {
    private Live() {
    }

    static Disposable follow(Observable<?> events, UI ui, Runnable update) {
        return events.subscribe(e -> {
            try {
                ui.access(update::run);
            } catch (UIDetachedException gone) {
                // the tab closed; its onDetach disposes the subscription
            }
        }, e -> { });
    }
}
