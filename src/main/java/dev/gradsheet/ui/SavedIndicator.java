package dev.gradsheet.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import dev.gradsheet.server.SaveState;
import dev.gradsheet.ui.common.TabAccess;
import dev.gradsheet.ui.frames.FrameWorkers;
import dev.gradsheet.ui.frames.PageUpdates;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;

/**
 * The page's head says where the sheet's edits stand with the database — "saving…" until an edit is
 * in it, "saved" after, "not saved: the database does not answer" while saves fail (until one
 * succeeds) — as every tab on the sheet hears it at once from the registry. What it says as saved is
 * in the database. The registry speaks on the saving or the editing thread; the words are put on
 * the page after a hand-off.
 */
final class SavedIndicator extends Span {
    private final Observable<SaveState> states;
    private final FrameWorkers frames;
    private PageUpdates updates;
    private Disposable watch;
    private SaveState shown;

    SavedIndicator(Observable<SaveState> states, FrameWorkers frames) {
        this.states = states;
        this.frames = frames;
        setId("save-state");
        addClassName("gs-save-state");
        getElement().setAttribute("role", "status"); // read out when it changes, politely
        getElement().setAttribute("title", getTranslation("save.title"));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        updates = TabAccess.of(ui, frames).open(TabAccess.page(ui));
        PageUpdates to = updates;
        watch = states.subscribe(state -> to.post(() -> show(state)), failure -> { });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (watch != null) {
            watch.dispose();
            updates.close();
            watch = null;
            updates = null;
        }
        super.onDetach(detachEvent);
    }

    /** Says {@code state} in the page's language. */
    void show(SaveState state) {
        shown = state;
        setText(switch (state) {
            case SAVED -> getTranslation("save.saved");
            case SAVING -> getTranslation("save.saving");
            case FAILING -> getTranslation("save.failing");
            case FULL -> getTranslation("save.full");
        });
        if (state == SaveState.FAILING) {
            addClassName("gs-error");
        } else {
            removeClassName("gs-error");
        }
    }

    /** What it says now (null before the registry spoke). */
    SaveState state() {
        return shown;
    }
}
