package dev.gradsheet.ui;

import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.server.HistoryPolicy;
import dev.gradsheet.server.Revision;
import dev.gradsheet.server.RevisionRestore;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.common.Format;

import dev.gradsheet.ui.i18n.Texts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import io.reactivex.rxjava3.disposables.Disposable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sheet's saved revisions, newest first: when, the edit that made it, the
 * objective's value then, and Restore, which brings the sheet back to it as an undoable edit seen on
 * every tab of the link. The list follows the autosaves while the panel is shown.
 */
public class HistoryPanel extends Composite<Div> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SheetPresenter presenter;
    private final SheetRegistry registry;
    final Grid<Revision> revisions = new Grid<>();
    final Div message = new Div();
    final Paragraph empty = new Paragraph(getTranslation("history.empty"));
    private Disposable watch;
    /** Each revision's author (key) and how to name one; none until the page says how. */
    private java.util.Map<Long, String> authors = java.util.Map.of();
    private java.util.function.Function<String, String> authorName = key -> "";

    public HistoryPanel(SheetPresenter presenter, SheetRegistry registry) {
        this.presenter = presenter;
        this.registry = registry;
        HistoryPolicy policy = registry.store().history();
        Paragraph about = new Paragraph(getTranslation(policy.keepDaily() ? "history.aboutDaily" : "history.about",
                String.valueOf(policy.keepLast())));
        about.addClassName("gs-hint");
        revisions.setId("history-grid");
        revisions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        revisions.addColumn(r -> "#" + r.number()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        revisions.addColumn(r -> when(r.savedAt(), Instant.now())).setHeader(getTranslation("history.saved")).setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> TIME.format(r.savedAt().atZone(ZoneId.systemDefault())));
        revisions.addColumn(r -> EditLabels.of(r.edit())).setHeader(getTranslation("history.edit")).setFlexGrow(1)
                .setTooltipGenerator(r -> EditLabels.of(r.edit()));
        revisions.addColumn(HistoryPanel::objective).setHeader(getTranslation("history.objective")).setAutoWidth(true).setFlexGrow(0);
        revisions.addColumn(r -> authorName.apply(authors.get(r.number()))).setHeader(getTranslation("history.by"))
                .setAutoWidth(true).setFlexGrow(0);
        revisions.addComponentColumn(r -> {
            Button restore = new Button(getTranslation("history.restore"), e -> restore(r));
            restore.setId("restore-" + r.number());
            restore.setEnabled(presenter.access().can(dev.gradsheet.server.access.Action.RESTORE)); // the owner's
            restore.getElement().setAttribute("aria-label", getTranslation("history.restoreLabel", String.valueOf(r.number())));
            return restore;
        }).setAutoWidth(true).setFlexGrow(0);
        revisions.setAllRowsVisible(false);
        revisions.setHeight("min(60vh, 480px)");
        message.setId("history-message");
        empty.setId("history-empty");
        Div root = getContent();
        root.setId("history");
        root.addClassName("gs-history");
        root.add(about, message, empty, revisions);
        refresh();
    }

    /** Names each revision's author ({@code key} may be null: not known) in the "By" column. */
    public void setAuthorNames(java.util.function.Function<String, String> names) {
        this.authorName = names;
        refresh();
    }

    /** Reads the sheet's revisions again. */
    public void refresh() {
        List<Revision> list;
        try {
            list = registry.store().revisions(presenter.shared().id());
            authors = registry.store().revisionAuthors(presenter.shared().id());
        } catch (RuntimeException e) {
            message.setText(getTranslation("history.unreadable"));
            return;
        }
        revisions.setItems(list);
        empty.setVisible(list.isEmpty());
        revisions.setVisible(!list.isEmpty());
    }

    /** Brings the sheet back to revision {@code r}; the outcome is shown above the list. */
    void restore(Revision r) {
        presenter.beginAction();
        var refused = presenter.access().refusal(dev.gradsheet.server.access.Action.RESTORE);
        if (refused != null) { // restore is the owner's (and a copy's teacher's): nothing changes
            message.setText(getTranslation(refused.messageKey()));
            presenter.post(() -> message.setText(""));
            return;
        }
        String id = presenter.shared().id();
        String text = registry.store().revisionText(id, r.number()).orElse(null);
        if (text == null) {
            message.setText(getTranslation("history.gone", String.valueOf(r.number())));
            refresh();
            return;
        }
        try {
            EditLabel restore = EditLabel.of(EditLabel.Kind.RESTORE, r.number());
            SheetFile.Loaded target = SheetFile.parse(text, "revision " + r.number());
            int edits = presenter.asThisTab(() -> RevisionRestore.restore(presenter.shared(), target, restore));
            registry.changed(presenter.shared(), restore, presenter.actor());
            message.setText(getTranslation(edits == 0 ? "history.already" : "history.restored",
                    String.valueOf(r.number())));
        } catch (SheetFormatException e) {
            message.setText(getTranslation("history.cannotRead", String.valueOf(r.number()), String.join("; ", e.lines())));
        } catch (RuntimeException e) {
            message.setText(getTranslation("history.incomplete", String.valueOf(r.number()), e.getMessage()));
        }
        presenter.post(() -> message.setText(""));
    }

    /** "12 s ago", "5 min ago", "3 h ago", else the date and time. */
    static String when(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        if (ago.isNegative() || ago.toSeconds() < 60) {
            return Texts.t("history.secondsAgo", String.valueOf(Math.max(0, ago.toSeconds())));
        }
        if (ago.toMinutes() < 60) {
            return Texts.t("history.minutesAgo", String.valueOf(ago.toMinutes()));
        }
        if (ago.toHours() < 24) {
            return Texts.t("history.hoursAgo", String.valueOf(ago.toHours()));
        }
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    static String objective(Revision r) {
        if (r.objective() == null) {
            return "";
        }
        return r.objective() + " = " + (Double.isNaN(r.objectiveValue()) ? Texts.t("history.notANumber") : Format.readable(r.objectiveValue()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        // after the autosave (SheetRegistry.SAVE_DELAY_MS) has written the edit's revision
        watch = presenter.changes().debounce(SheetRegistry.SAVE_DELAY_MS * 3, TimeUnit.MILLISECONDS)
                .subscribe(change -> {
                    try {
                        ui.access(this::refresh);
                    } catch (com.vaadin.flow.component.UIDetachedException closed) {
                        // the tab is gone; onDetach disposes the subscription
                    }
                }, error -> { });
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watch != null) {
            watch.dispose();
        }
        super.onDetach(event);
    }
}
