package dev.gradsheet.ui.common;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.function.Consumer;

/**
 * Tells the server whether the browser shows the page (the Page Visibility API: a tab behind another,
 * a minimised window is hidden): an invisible {@code <gradsheet-visibility>} element
 * (frontend/gradsheet-visibility.js) reports each change, and once when it is attached.
 */
@Tag("gradsheet-visibility")
@JsModule("./gradsheet-visibility.js")
public class PageVisibility extends Component {
    private final Consumer<Boolean> shown;

    /** Tells {@code shown} true when the page is shown, false when it is hidden. */
    public PageVisibility(Consumer<Boolean> shown) {
        this.shown = shown;
        getElement().addEventListener("gs-visibility", e -> shown.accept(!e.getEventData().getBoolean("event.detail.hidden")))
                .addEventData("event.detail.hidden");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        shown.accept(true); // until the browser says otherwise
    }

    /** What the browser said (for tests: as the element would). */
    public void report(boolean hidden) {
        shown.accept(!hidden);
    }
}
