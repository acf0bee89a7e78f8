package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Routes;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.common.Format;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import dev.gradsheet.ui.common.PageVisibility;
import dev.gradsheet.ui.common.TabAccess;
import dev.gradsheet.ui.common.VisitorKey;
import dev.gradsheet.ui.frames.ChangeFeed;
import dev.gradsheet.ui.frames.FrameWorkers;
import dev.gradsheet.ui.frames.PageUpdates;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web sheet at {@code /sheet/<id>}: a one-line head (the objective first, whether the sheet's
 * edits are saved: {@link SavedIndicator}), the sheet's description in one line, a one-line toolbar
 * with the SGD step, then the cell grid with the selected cell's "Why this gradient?" under it and,
 * beside it, the tabs (graph, add a cell, data & training, practice, history). Training takes the
 * whole width below 1700 px, with the grid one click away. Every tab on the same link shares one live
 * sheet; each edit anywhere arrives through the sheet's change stream and is pushed to every open tab
 * — handed off the editing thread first ({@link ChangeFeed}): a training run's progress, at the tab's
 * pace and only while the tab is shown.
 */
@Route(Routes.SHEET)
public class SheetView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SheetView.class);
    /** Session attribute remembering the sheet this browser worked on last. */
    static final String LAST_SHEET = "gradsheet.lastSheet";
    /**
     * Client-side filter for the undo/redo keys: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd on a Mac), but
     * not while typing in a field, where they undo the typing as usual.
     */
    static final String UNDO_KEYS = "(event.ctrlKey || event.metaKey) && !event.altKey"
            + " && ['z', 'y'].includes(event.key.toLowerCase())"
            + " && !(event.composedPath()[0] instanceof HTMLInputElement)"
            + " && !(event.composedPath()[0] instanceof HTMLTextAreaElement)";
    /** Cookie remembering it across server restarts. */
    static final String LAST_SHEET_COOKIE = dev.gradsheet.web.LastSheetCookie.NAME;

    private final SheetRegistry registry;
    private final FrameWorkers frames;
    private SheetPresenter presenter;
    private CellGrid grid;
    private GraphPage graphPage;
    private CellPanel cellPanel;
    private AddCellForm addForm;
    private SheetToolbar toolbar;
    private SgdPanel sgd;
    private PracticeSession practiceSession;
    private PracticePanel practicePanel;
    private PracticeColumns practiceColumns;
    /** The objective and its value, first thing in the page's head. */
    private PageHead head;
    private StartGuide startGuide;
    /** The last refused in-place edit, in full (the field's own message may be cut by the column). */
    final Span editError = new Span();
    private Div left;
    private Div main;
    private SideTabs tabs;
    private HistoryPanel history;
    /** Says aloud (to screen readers) what other tabs changed. */
    private LiveAnnouncer liveRegion;
    private dev.gradsheet.ui.train.TrainingPanel training;
    private Disposable subscription;
    /** What this view receives while attached (its change feed's queue). */
    private PageUpdates updates;
    private SavedIndicator saved;
    private final PageVisibility visibility = new PageVisibility(this::shown);
    /** The sheet this tab has told the registry it shows. */
    private SharedSheet tracked;
    private com.vaadin.flow.dom.DomListenerRegistration undoKeys;
    /** "Grid": back to the grid where training took its place. */
    private com.vaadin.flow.component.button.Button showGrid;
    /** Whose sheet this is and what this visitor may do with it (asked of server.access). */
    private final dev.gradsheet.server.access.SheetActions actions;
    private dev.gradsheet.server.Actor actor;
    private dev.gradsheet.ui.classroom.AccessBar accessBar;

    public SheetView(SheetRegistry registry, FrameWorkers frames, dev.gradsheet.server.access.SheetActions actions) {
        this.registry = registry;
        this.frames = frames;
        this.actions = actions;
        setWidthFull();
        setHeight("100vh"); // the page itself never scrolls: the grid, the explanation and the tabs do
        addClassName("gs-sheet");
        setPadding(true);
        setSpacing(false);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        Optional<SharedSheet> shared;
        try {
            shared = registry.find(id);
        } catch (SheetRegistry.SheetUnreadableException e) {
            showMissing(ServerMessages.of(e.getMessage()));
            return;
        }
        if (shared.isEmpty()) {
            showMissing(getTranslation("sheet.missing"));
            return;
        }
        actor = dev.gradsheet.ui.classroom.Visitor.current(actions.users());
        var viewRefused = actions.access().rights(actor, shared.get()).refusal(dev.gradsheet.server.access.Action.VIEW);
        if (viewRefused != null) { // a student's copy is the student's and their teacher's only
            showMissing(getTranslation(viewRefused.messageKey()));
            return;
        }
        VaadinSession.getCurrent().setAttribute(LAST_SHEET, shared.get().id());
        rememberInCookie(shared.get().id());
        build(shared.get());
    }

    /** Tells the registry which sheet this tab shows (null: none), so unopened sheets can leave memory. */
    private void track(SharedSheet shown) {
        if (tracked == shown) {
            return;
        }
        if (tracked != null) {
            registry.closed(tracked);
        }
        tracked = shown;
        if (shown != null) {
            registry.opened(shown);
        }
    }

    /** Sets the last-sheet cookie from the server (HttpOnly), on the request that opened the sheet. */
    private static void rememberInCookie(String id) {
        if (com.vaadin.flow.server.VaadinService.getCurrentRequest() instanceof com.vaadin.flow.server.VaadinServletRequest req
                && com.vaadin.flow.server.VaadinService.getCurrentResponse() instanceof com.vaadin.flow.server.VaadinServletResponse res) {
            dev.gradsheet.web.LastSheetCookie.set(req.getHttpServletRequest(), res.getHttpServletResponse(), id);
        }
    }

    @Override
    public String getPageTitle() {
        return presenter == null ? "GradSheet" : "GradSheet: " + presenter.objective();
    }

    private void showMissing(String why) {
        presenter = null;
        if (isAttached()) {
            track(null);
        }
        add(new H2("GradSheet"), new Paragraph(why), new Anchor("", getTranslation("sheet.startWorked")),
                new dev.gradsheet.ui.i18n.LanguageSwitch());
    }

    private void build(SharedSheet shared) {
        String visitor = VisitorKey.current();
        presenter = new SheetPresenter(shared, registry.limits(), registry.jobs(), visitor);
        presenter.setVisit(dev.gradsheet.ui.classroom.Visitor.visit());
        createParts(shared);
        wireParts(shared);
        toolbar.setMain(sgd);
        main = main();
        accessBar = new dev.gradsheet.ui.classroom.AccessBar(shared, actions, actor, this::applyAccess);
        add(head, intro(new SheetAbout(shared.description()), accessBar), startGuide, toolbar, main, liveRegion, visibility);
        setFlexGrow(1, main);

        practiceChanged();
        updateStatus();
        if (isAttached()) {
            track(shared);
            getUI().ifPresent(this::subscribe);
        }
    }

    /** The parts of the page, each given the presenter (or the shared sheet) it works on. */
    private void createParts(SharedSheet shared) {
        saved = new SavedIndicator(registry.saveState(shared), frames);
        head = new PageHead(saved);
        toolbar = new SheetToolbar(presenter);
        sgd = new SgdPanel(presenter);
        grid = new CellGrid(presenter);
        graphPage = new GraphPage(presenter, grid);
        liveRegion = new LiveAnnouncer(LiveAnnouncer.timer(task -> getUI().ifPresent(ui -> ui.access(task::run))));
        cellPanel = new CellPanel(presenter);
        addForm = new AddCellForm(presenter);
        practiceSession = new PracticeSession(shared, () -> registry.changed(shared));
        practicePanel = new PracticePanel(practiceSession, shared, () -> registry.changed(shared), this::practiceChanged);
        practiceColumns = new PracticeColumns(grid.grid(), practiceSession, practicePanel::refreshScore,
                practicePanel::nextHint);
        training = new dev.gradsheet.ui.train.TrainingPanel(shared, registry, frames, VisitorKey.current());
        training.actFor(presenter); // its runs and steps are this tab's person's
        training.getContent().setOpened(true); // its tab is the switch; the panel itself stays open
        startGuide = new StartGuide(presenter, addForm, this::open);
        editError.setId("edit-error");
        editError.addClassName("gs-error");
        editError.addClassName("gs-edit-error");
    }

    /** What one part does to the others: a selected cell is explained and drawn, a node or neuron selects its cell. */
    private void wireParts(SharedSheet shared) {
        toolbar.addOpenListener(e -> open(e.bytes(), e.fileName()));
        // Asking for the share link keeps the sheet, even if nobody has changed it yet.
        toolbar.shareLink.getElement().addEventListener("click", e -> registry.keep(shared));
        grid.addCellSelectedListener(e -> {
            cellPanel.show(e.name());
            graphPage.selected(e.name());
        });
        grid.addEditRefusedListener(e -> {
            editError.setText(e.message() == null ? "" : e.cell() + ": " + e.message());
            if (e.message() != null) {
                presenter.post(() -> editError.setText(""));
            }
        });
        cellPanel.addRenamedListener(e -> grid.follow(e.newName()));
        training.addTrainingFinishedListener(e -> {
            grid.showBatchGradients(e.batchGradient());
            presenter.post(training::clearResult); // "Stopped at step …" belongs to this run only
        });
        training.network().addCellClickListener(e -> { // a neuron or edge: its cell, with its explanation in view
            grid.select(e.name());
            showGridIfTrainingTookItsPlace();
        });
    }

    /**
     * The description with the access bar beside it, on one line: the bar costs the page no line of
     * its own, and the description gives way to it (its first line is cut, "more" shows the rest).
     */
    private static Div intro(SheetAbout about, dev.gradsheet.ui.classroom.AccessBar accessBar) {
        Div intro = new Div(about, accessBar);
        intro.addClassName("gs-intro");
        return intro;
    }

    /**
     * The page under the toolbar: the grid with the selected cell's explanation under it, and beside
     * it (below it on narrow screens, see gradsheet.css) the tabs Graph, Add a cell, Data & training and
     * Practice.
     * The explanation is outside the tabs so it is always in view; tab pages stay attached when hidden,
     * so a training run keeps going while the graph is shown. Data & training is laid out like
     * TensorFlow Playground and needs the width: below 1700 px it takes the grid's place (the page
     * is marked {@code gs-wide-page}), and "Grid" at the start of the tab bar brings the grid back.
     */
    private Div main() {
        cellPanel.addClassName("gs-why");
        left = new Div(grid, editError, cellPanel); // a refused edit is explained right under the grid
        left.addClassName("gs-left");
        tabs = new SideTabs();
        tabs.add("tab-graph", getTranslation("tab.graph"), graphPage);
        tabs.add("tab-add", getTranslation("tab.add"), addForm);
        tabs.add("tab-training", getTranslation("tab.training"), training);
        tabs.add("tab-practice", getTranslation("tab.practice"), practicePanel);
        history = new HistoryPanel(presenter, registry); // the sheet's saved revisions
        tabs.add("tab-history", getTranslation("tab.history"), history);
        // a practice sheet opens on its score and hints; a sheet with data on its training; an empty
        // sheet where cells are added (the start guide points there); any other on its graph
        tabs.show(practiceSession.mode().on() ? "tab-practice"
                : presenter.shared().data() != null ? "tab-training"
                : presenter.size() == 0 ? "tab-add" : "tab-graph");
        Div page = new Div(left, tabs);
        page.setId("main");
        page.addClassName("gs-main");
        showGrid = showGridButton();
        tabs.lead(showGrid);
        tabs.onShown(id -> page.getClassNames().set("gs-wide-page", "tab-training".equals(id)));
        page.getClassNames().set("gs-wide-page", "tab-training".equals(tabs.shown()));
        return page;
    }

    /**
     * Brings the grid and "Why this gradient?" back where Data & training took their place (the
     * screen is too narrow for both, so "Grid" is shown: only the browser knows); beside the grid,
     * training stays.
     */
    private void showGridIfTrainingTookItsPlace() {
        showGrid.getElement().executeJs("if ($0.offsetParent) $0.click()", showGrid.getElement());
    }

    /** "Grid", shown only while training takes the grid's place: back to the grid beside the graph. */
    private com.vaadin.flow.component.button.Button showGridButton() {
        var back = new com.vaadin.flow.component.button.Button(getTranslation("sheet.showGrid"), e -> tabs.show("tab-graph"));
        back.setId("show-grid");
        back.addClassName("gs-show-grid");
        back.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        back.setTooltipText(getTranslation("sheet.showGridTip"));
        return back;
    }

    /**
     * What this visitor may do here, from the access rules (through the access bar, again whenever the
     * sheet's sharing changes): the presenter refuses edits the rules refuse, and the panels that change
     * the sheet without it are switched off (the server then ignores their events too).
     */
    private void applyAccess(dev.gradsheet.server.access.SheetAccess.Rights rights) {
        presenter.setAccess(actor, rights);
        var editRefused = rights.refusal(dev.gradsheet.server.access.Action.EDIT);
        boolean edit = editRefused == null;
        sgd.getElement().setEnabled(edit);
        addForm.getElement().setEnabled(edit);
        training.getElement().setEnabled(edit);
        practiceSession.lock(edit ? null : getTranslation(editRefused.messageKey()));
        practicePanel.lockSetting(!edit || rights.copy());
        if (rights.copy() && rights.can(dev.gradsheet.server.access.Action.HAND_IN)) { // a student's own copy
            String id = presenter.shared().id();
            practiceSession.setTracker((target, hint) -> actions.classroom().counted(id, target, hint));
        }
        history.setAuthorNames(dev.gradsheet.ui.classroom.AuthorNames.of(actions.users(), actor));
    }

    /** Opens a sheet (example or upload) as a new shared sheet; on errors the current one stays. */
    void open(byte[] bytes, String fileName) {
        presenter.beginAction();
        // a file name is the visitor's text: at most 80 characters, no control or bidi character raw
        String source = fileName == null ? getTranslation("sheet.uploadName") : dev.gradsheet.engine.Messages.shorten(fileName);
        SheetFile.Loaded loaded;
        try {
            loaded = dev.gradsheet.export.SheetImport.parse(bytes, source); // a .sheet file or a workbook GradSheet wrote
        } catch (SheetFormatException e) {
            List<String> lines = new ArrayList<>();
            lines.add(getTranslation("sheet.notOpened", source));
            lines.addAll(e.lines());
            toolbar.showUploadErrors(lines);
            return;
        } catch (RuntimeException e) {
            toolbar.showUploadErrors(List.of(getTranslation("sheet.notOpenedBecause", source, e.getMessage())));
            return;
        }
        SharedSheet created = registry.create(loaded, dev.gradsheet.server.SheetOwner.of(actor.key()));
        if (!dev.gradsheet.sheet.Examples.isExampleText(bytes)) {
            registry.keep(created); // an upload is kept at once; an example costs nothing until edited
        }
        Notification.show(getTranslation("sheet.opened", source));
        getUI().ifPresent(ui -> ui.navigate(SheetView.class, created.id()));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (presenter == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        track(presenter.shared());
        subscribe(ui);
        if (undoKeys != null) {
            undoKeys.remove();
        }
        undoKeys = ui.getElement().addEventListener("keydown", e -> {
            boolean redo = e.getEventData().getBoolean("event.shiftKey")
                    || "y".equalsIgnoreCase(e.getEventData().getString("event.key"));
            if (redo) {
                presenter.redo();
            } else {
                presenter.undo();
            }
        }).setFilter(UNDO_KEYS).addEventData("event.shiftKey").addEventData("event.key");
    }

    /**
     * Follows the sheet's changes on this tab: the thread that made a change (which holds the sheet's
     * lock while it announces) only queues it; the page applies it in order.
     */
    private void subscribe(UI ui) {
        unsubscribe();
        SheetPresenter p = presenter;
        updates = TabAccess.of(ui, frames).open(TabAccess.page(ui));
        ChangeFeed feed = new ChangeFeed(updates, (changes, missed) -> {
            if (p != presenter) {
                return;
            }
            if (missed) {
                grid.grid().getDataProvider().refreshAll();
                refreshAll();
            }
            for (ChangeSet change : changes) {
                onChange(change);
                // an edit this tab's presenter made carries it as the change set's source; any other is told aloud
                if (!p.madeHere(change)) {
                    liveRegion.announce(ChangeSummary.of(change.label(), head.status.getText()));
                }
            }
        });
        subscription = p.changes().subscribe(feed::offer,
                error -> LOG.warn("change stream of sheet {} failed: {}", p.shared().id(), dev.gradsheet.server.LogText.of(error)));
        // Anything that changed while this view was not attached.
        grid.grid().getDataProvider().refreshAll();
        refreshAll();
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
        if (updates != null) {
            updates.close();
            updates = null;
        }
    }

    /** The browser shows this tab, or hides it: a hidden tab is sent no redraws until it is shown again. */
    private void shown(boolean on) {
        getUI().ifPresent(ui -> TabAccess.of(ui, frames).shown(on));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        track(null);
        unsubscribe();
        if (undoKeys != null) {
            undoKeys.remove();
            undoKeys = null;
        }
        super.onDetach(detachEvent);
    }

    /** Applies one edit (made here or in another tab) to everything on screen. */
    void onChange(ChangeSet change) {
        graphPage.stale();
        presenter.edited(change.version());
        tellIfUndoneElsewhere(change);
        grid.apply(change);
        graphPage.changed(change);
        if (change.structural()) {
            addForm.refreshNames();
            startGuide.refresh();
        }
        cellPanel.refresh();
        toolbar.refresh(change.structural());
        practicePanel.refreshScore();
        if (change.structural()) {
            practicePanel.refreshNames();
        }
        updateStatus();
    }

    /** Practice mode switched or changed: hide (or show) numbers in the grid, the graph and the side panel. */
    private void practiceChanged() {
        practiceColumns.refresh();
        java.util.function.Predicate<Cell> value = c -> practiceSession.asks(c, dev.gradsheet.sheet.Expectation.Quantity.VALUE);
        java.util.function.Predicate<Cell> grad = c -> practiceSession.asks(c, dev.gradsheet.sheet.Expectation.Quantity.GRAD);
        grid.hide(value, grad);
        grid.practice(practiceSession.mode().on());
        if (practiceSession.mode().on()) {
            grid.scrollIntoView("answer-grad"); // the fields to type in, in view
        }
        // "Why this gradient?" would give the answers away; the hints replace it while practising.
        cellPanel.setVisible(!practiceSession.mode().on());
        graphPage.practice(practiceSession.mode().on(), value, grad);
        updateStatus();
    }

    /**
     * The history is the sheet's, shared by every tab: an undo or redo made in another tab changes
     * this one's numbers too, so it says so.
     */
    private void tellIfUndoneElsewhere(ChangeSet change) {
        boolean undo = change.origin() == ChangeSet.Origin.UNDO;
        if ((undo || change.origin() == ChangeSet.Origin.REDO) && !presenter.madeHere(change)) {
            // an undo's label is "undo <the edit>": the notice names the edit
            Notification n = Notification.show(getTranslation(undo ? "sheet.undoneElsewhere" : "sheet.redoneElsewhere",
                    EditLabels.of(change.label().label(0))), 6000,
                    Notification.Position.TOP_CENTER);
            n.setId("undo-elsewhere");
        }
    }

    private void refreshAll() {
        cellPanel.refresh();
        toolbar.refresh();
        updateStatus();
    }

    private void updateStatus() {
        String objective = presenter.objective();
        String line;
        if (objective != null && practiceSession != null
                && presenter.cell(objective).map(c -> practiceSession.asks(c, dev.gradsheet.sheet.Expectation.Quantity.VALUE)).orElse(false)) {
            line = objective + " = " + CellGrid.HIDDEN;
        } else {
            line = objective == null ? getTranslation("sheet.noObjective") : objective + " = " + Format.readable(presenter.objectiveValue());
        }
        int size = presenter.size();
        head.show(line, size == 1 ? getTranslation("sheet.oneCell") : getTranslation("sheet.cells", String.valueOf(size)));
    }

    /** For tests: the parts of the view. */
    SheetPresenter presenter() {
        return presenter;
    }

    CellGrid cellGrid() {
        return grid;
    }

    GraphView graph() {
        return graphPage.graph;
    }

    /** The Graph tab: the picture, its options, Step through and Check numerically. */
    GraphPage graphPage() {
        return graphPage;
    }

    CellPanel cellPanel() {
        return cellPanel;
    }

    SheetToolbar toolbar() {
        return toolbar;
    }

    SgdPanel sgdPanel() {
        return sgd;
    }

    PracticePanel practicePanel() {
        return practicePanel;
    }

    StepPanel stepPanel() {
        return graphPage.stepPanel;
    }

    NumericCheck numericCheck() {
        return graphPage.numericCheck;
    }

    GraphTextEquivalent graphText() {
        return graphPage.text;
    }

    LiveAnnouncer liveRegion() {
        return liveRegion;
    }

    AddCellForm addForm() {
        return addForm;
    }

    SideTabs sideTabs() {
        return tabs;
    }

    /** The History tab's panel. */
    HistoryPanel history() {
        return history;
    }

    /** The head's word on whether the sheet's edits are saved. */
    SavedIndicator saved() {
        return saved;
    }

    /** Shows the side panel's tab {@code id} ({@code tab-graph}, {@code tab-add}, {@code tab-training}). */
    public void showTab(String id) {
        if (tabs != null) {
            tabs.show(id);
        }
    }

    Cell cell(String name) {
        return presenter.cell(name).orElseThrow();
    }
}
