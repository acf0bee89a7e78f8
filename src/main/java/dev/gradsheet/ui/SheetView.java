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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web sheet at {@code /sheet/<id>}: toolbar, SGD panel, the cell grid, the graph picture, the
 * selected cell's "Why this gradient?" panel and the add-cell form. Every tab on the same link
 * shares one live sheet; each edit anywhere arrives through the sheet's change stream and is
 * pushed to every open tab ({@code UI.access}).
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
    private SheetPresenter presenter;
    private CellGrid grid;
    private GraphView graph;
    private GraphModel graphModel;
    private CellPanel cellPanel;
    private AddCellForm addForm;
    private SheetToolbar toolbar;
    private SgdPanel sgd;
    private PracticeSession practiceSession;
    private PracticePanel practicePanel;
    private PracticeColumns practiceColumns;
    private StepPanel stepPanel;
    private NumericCheck numericCheck;
    /** The objective and its value, first thing in the page's head. */
    private final Span status = new Span();
    private final Span cellCount = new Span();
    private StartGuide startGuide;
    /** The last refused in-place edit, in full (the field's own message may be cut by the column). */
    final Span editError = new Span();
    /** Whether the graph draws the intermediate steps of compound formulas as their own nodes. */
    final com.vaadin.flow.component.checkbox.Checkbox showSteps = new com.vaadin.flow.component.checkbox.Checkbox();
    /** Sheets with more cells than this start with formula steps collapsed in the graph. */
    static final int STEPS_SHOWN_UP_TO = 20;
    /** Whether the graph draws weights and constants as their own nodes. */
    final com.vaadin.flow.component.checkbox.Checkbox showWeights = new com.vaadin.flow.component.checkbox.Checkbox();
    private Div left;
    private SideTabs tabs;
    private HistoryPanel history;
    /** Issue 15: the graph in words (the selected cell's inputs and users) and the live region. */
    private GraphTextEquivalent graphText;
    private LiveAnnouncer liveRegion;
    private dev.gradsheet.ui.train.TrainingPanel training;
    private Disposable subscription;
    /** The sheet this tab has told the registry it shows. */
    private SharedSheet tracked;
    private com.vaadin.flow.dom.DomListenerRegistration undoKeys;

    public SheetView(SheetRegistry registry) {
        this.registry = registry;
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
        return presenter == null ? "GradSheet" : "GradSheet: " + presenter.sheet().objective();
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
        presenter = new SheetPresenter(shared, registry.limits(), registry.jobs());
        toolbar = new SheetToolbar(presenter);
        sgd = new SgdPanel(presenter);
        grid = new CellGrid(presenter);
        graphModel = new GraphModel(presenter.sheet());
        graph = new GraphView();
        graph.setId("graph");
        graph.addClassName("gs-graph");
        graph.getElement().setAttribute("aria-describedby", "graph-text");
        graphText = new GraphTextEquivalent(presenter, graphModel, name -> grid.select(name));
        liveRegion = new LiveAnnouncer(LiveAnnouncer.timer(task -> getUI().ifPresent(ui -> ui.access(task::run))));
        cellPanel = new CellPanel(presenter);
        addForm = new AddCellForm(presenter);
        status.setId("status");

        practiceSession = new PracticeSession(shared, () -> registry.changed(shared));
        practicePanel = new PracticePanel(practiceSession, shared, () -> registry.changed(shared), this::practiceChanged);
        practiceColumns = new PracticeColumns(grid.grid(), practiceSession, practicePanel::refreshScore,
                practicePanel::nextHint);

        stepPanel = new StepPanel(presenter, this::showStep);
        numericCheck = new NumericCheck(presenter, grid.grid());

        toolbar.addOpenListener(e -> open(e.bytes(), e.fileName()));
        // Asking for the share link keeps the sheet, even if nobody has changed it yet.
        toolbar.shareLink.getElement().addEventListener("click", e -> registry.keep(shared));
        grid.addCellSelectedListener(e -> {
            cellPanel.show(e.name());
            graphText.show(e.name());
            GraphModel.Picture shown = graph.picture();
            if (shown != null && shown.neighbourhood()) {
                drawGraph();
            } else {
                graph.select(shownInGraph(e.name()));
            }
        });
        graph.addNodeClickListener(e -> grid.select(e.name()));
        editError.setId("edit-error");
        editError.addClassName("gs-error");
        editError.addClassName("gs-edit-error");
        grid.addEditRefusedListener(e -> {
            editError.setText(e.message() == null ? "" : e.cell() + ": " + e.message());
            if (e.message() != null) {
                presenter.post(() -> editError.setText(""));
            }
        });
        cellPanel.addRenamedListener(e -> grid.follow(e.newName()));

        H2 title = new H2("GradSheet");
        title.getStyle().set("margin", "0");
        // The objective is what every gradient is about: it stands first, large, where the eye goes.
        Span objectiveLabel = new Span(getTranslation("sheet.objective"));
        objectiveLabel.addClassName("gs-legend");
        status.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "700")
                .set("font-family", "monospace");
        status.getElement().setAttribute("title", getTranslation("sheet.objectiveTitle"));
        cellCount.setId("cell-count");
        cellCount.addClassName("gs-legend");
        Span legend = new Span(getTranslation("sheet.legend"));
        legend.addClassName("gs-legend");
        // the language switch before the long legend, so it shares the first line (no extra line at 800 px)
        HorizontalLayout head = new HorizontalLayout(title, objectiveLabel, status, cellCount,
                new dev.gradsheet.ui.i18n.LanguageSwitch(), legend);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        head.addClassName("gs-head");

        showSteps.setId("show-steps");
        showWeights.setLabel(getTranslation("sheet.showWeights"));
        showSteps.setValue(presenter.sheet().size() <= STEPS_SHOWN_UP_TO);
        showSteps.addValueChangeListener(e -> drawGraph());
        showWeights.setId("show-weights");
        showWeights.setValue(graphModel.picture(null, !showSteps.getValue(), true).nodes().size()
                <= GraphModel.WEIGHTS_SHOWN_UP_TO);
        showWeights.addValueChangeListener(e -> drawGraph());
        Paragraph description = new Paragraph(shared.description() == null ? "" : ExampleTexts.description(shared.description()));
        description.setId("description");
        description.addClassName("gs-description");
        description.setVisible(shared.description() != null && !shared.description().isBlank());
        training = new dev.gradsheet.ui.train.TrainingPanel(shared, registry);
        training.addTrainingFinishedListener(e -> {
            grid.showBatchGradients(e.batchGradient());
            presenter.post(training::clearResult); // "Stopped at step …" belongs to this run only
        });
        training.network().addCellClickListener(e -> grid.select(e.name())); // a neuron or edge: its cell
        training.getContent().setOpened(true); // its tab is the switch; the panel itself stays open
        startGuide = new StartGuide(presenter, addForm, this::open);

        Div top = new Div(toolbar, sgd);
        top.addClassName("gs-top");
        Div main = main();
        add(head, description, startGuide, top, main, liveRegion);
        setFlexGrow(1, main);

        updateStepsLabel();
        practiceChanged();
        updateStatus();
        if (isAttached()) {
            track(shared);
            getUI().ifPresent(this::subscribe);
        }
    }

    /**
     * The page under the toolbar: the grid with the selected cell's explanation under it, and beside
     * it (below it on narrow screens, see gradsheet.css) the tabs Graph, Add a cell, Data & training and
     * Practice.
     * The explanation is outside the tabs so it is always in view; tab pages stay attached when hidden,
     * so a training run keeps going while the graph is shown.
     */
    private Div main() {
        cellPanel.addClassName("gs-why");
        left = new Div(grid, editError, cellPanel); // a refused edit is explained right under the grid
        left.addClassName("gs-left");
        Div graphOptions = new Div(showSteps, showWeights);
        graphOptions.addClassName("gs-graph-options");
        // Step through and Check numerically sit under the graph, where a step is also drawn; they cost
        // the grid no height on a laptop screen.
        Div stepRow = new Div(stepPanel, numericCheck);
        stepRow.addClassName("gs-graph-options");
        Div graphPage = new Div(graph, graphText, graphOptions, stepRow);
        graphPage.addClassName("gs-graph-page");
        tabs = new SideTabs();
        tabs.add("tab-graph", getTranslation("tab.graph"), graphPage);
        tabs.add("tab-add", getTranslation("tab.add"), addForm);
        tabs.add("tab-training", getTranslation("tab.training"), training);
        tabs.add("tab-practice", getTranslation("tab.practice"), practicePanel);
        history = new HistoryPanel(presenter, registry); // issue 14: the sheet's saved revisions
        tabs.add("tab-history", getTranslation("tab.history"), history);
        // a practice sheet opens on its score and hints; a sheet with data on its training; an empty
        // sheet where cells are added (the start guide points there); any other on its graph
        tabs.show(practiceSession.mode().on() ? "tab-practice"
                : presenter.shared().data() != null ? "tab-training"
                : presenter.sheet().size() == 0 ? "tab-add" : "tab-graph");
        Div main = new Div(left, tabs);
        main.setId("main");
        main.addClassName("gs-main");
        return main;
    }

    /** Opens a sheet (example or upload) as a new shared sheet; on errors the current one stays. */
    void open(byte[] bytes, String fileName) {
        presenter.beginAction();
        String source = fileName == null ? getTranslation("sheet.uploadName") : fileName.length() > 80 ? fileName.substring(0, 80) : fileName;
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
        SharedSheet created = registry.create(loaded);
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

    private void subscribe(UI ui) {
        if (subscription != null) {
            subscription.dispose();
        }
        SheetPresenter p = presenter;
        subscription = p.sheet().changes().subscribe(change -> {
            // an edit this tab's presenter made carries it as the change set's source; any other is told aloud
            boolean elsewhere = !p.madeHere(change);
            try {
                ui.access(() -> {
                    if (p == presenter) {
                        onChange(change);
                        if (elsewhere) {
                            liveRegion.announce(ChangeSummary.of(change.label(), status.getText()));
                        }
                    }
                });
            } catch (com.vaadin.flow.component.UIDetachedException closed) {
                // the tab is gone; onDetach disposes the subscription
            }
        }, error -> LOG.warn("change stream of sheet {} failed: {}", p.shared().id(), error.toString()));
        // Anything that changed while this view was not attached.
        grid.grid().getDataProvider().refreshAll();
        refreshAll();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        track(null);
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
        if (undoKeys != null) {
            undoKeys.remove();
            undoKeys = null;
        }
        super.onDetach(detachEvent);
    }

    /** Applies one edit (made here or in another tab) to everything on screen. */
    void onChange(ChangeSet change) {
        if (stepPanel.active()) {
            stepPanel.stop(); // its numbers belong to the sheet before this edit
        }
        numericCheck.clear();
        presenter.edited(change.version());
        tellIfUndoneElsewhere(change);
        grid.apply(change);
        if (change.structural()) {
            graphModel.invalidate();
            drawGraph();
            addForm.refreshNames();
            startGuide.refresh();
            graphText.show(grid.selectedName());
            updateStepsLabel();
        } else {
            // walk the picture's nodes (at most a few hundred), not the change (up to every cell); a
            // RELOAD (training progress) lists no cells but changed every number: update every node
            List<GraphModel.Node> nodes = new ArrayList<>();
            String objective = presenter.sheet().objective();
            var picture = graph.picture();
            boolean all = change.rereadAll();
            if (picture != null) {
                for (GraphModel.Node n : picture.nodes()) {
                    if (all || change.contains(n.id())) {
                        presenter.cell(n.id()).ifPresent(c -> nodes.add(
                                graphModel.node(c, objective, true, n.classes().contains("outside"))));
                    }
                }
            }
            graph.update(nodes);
        }
        cellPanel.refresh();
        toolbar.refresh(change.structural());
        practicePanel.refreshScore();
        if (change.structural()) {
            practicePanel.refreshNames();
        }
        updateStatus();
    }

    /** One step of "Step through": its cell selected, the cell and its arguments marked in grid and graph. */
    private void showStep(StepThrough.Step step) {
        grid.select(step.cell());
        List<String> marked = new ArrayList<>(step.arguments());
        marked.add(step.cell());
        grid.highlight(marked);
        var picture = graph.picture();
        String objective = presenter.sheet().objective();
        List<GraphModel.Node> nodes = new ArrayList<>();
        for (String name : step.arguments()) {
            if (picture != null && picture.node(name) != null) {
                presenter.cell(name).ifPresent(c -> nodes.add(
                        graphModel.node(c, objective, true, picture.node(name).classes().contains("outside"))));
            }
        }
        graph.update(nodes);
        graph.select(shownInGraph(step.cell()));
    }

    /** Practice mode switched or changed: hide (or show) numbers in the grid, the graph and the side panel. */
    private void practiceChanged() {
        practiceColumns.refresh();
        java.util.function.Predicate<Cell> value = c -> practiceSession.asks(c, dev.gradsheet.sheet.Expectation.Quantity.VALUE);
        java.util.function.Predicate<Cell> grad = c -> practiceSession.asks(c, dev.gradsheet.sheet.Expectation.Quantity.GRAD);
        grid.hide(value, grad);
        graphModel.hide(value, grad);
        // "Why this gradient?" would give the answers away; the hints replace it while practising.
        cellPanel.setVisible(!practiceSession.mode().on());
        // So would stepping through and the finite-difference estimates.
        if (practiceSession.mode().on()) {
            stepPanel.stop();
            numericCheck.clear();
        }
        stepPanel.start.setEnabled(!practiceSession.mode().on());
        numericCheck.run.setEnabled(!practiceSession.mode().on());
        drawGraph();
        updateStatus();
    }

    /**
     * The history is the sheet's, shared by every tab: an undo or redo made in another tab changes
     * this one's numbers too, so it says so.
     */
    private void tellIfUndoneElsewhere(ChangeSet change) {
        String label = change.label();
        boolean undo = change.origin() == ChangeSet.Origin.UNDO;
        if ((undo || change.origin() == ChangeSet.Origin.REDO) && !presenter.madeHere(change)) {
            Notification n = Notification.show(getTranslation(undo ? "sheet.undoneElsewhere" : "sheet.redoneElsewhere",
                    EditLabels.of(label.substring(5))), 6000,
                    Notification.Position.TOP_CENTER);
            n.setId("undo-elsewhere");
        }
    }

    /** Names the formula steps after the sheet's own first one, e.g. "(f.1, f.2, …)". */
    private void updateStepsLabel() {
        // The first 1,000 rows are enough to find an example; big sheets are not read whole for a label.
        String first = presenter.sheet().cells(0, 1000).stream()
                .filter(Cell::generated).map(Cell::owner).findFirst().orElse(null);
        showSteps.setLabel(first == null ? getTranslation("sheet.showSteps")
                : getTranslation("sheet.showStepsNamed", first));
    }

    /** Draws the graph afresh around the selected cell, with or without formula steps. */
    private void drawGraph() {
        graph.show(graphModel.picture(grid.selectedName(), !showSteps.getValue(), showWeights.getValue()));
    }

    /** The graph node standing for cell {@code name}: itself, or its owner when steps are collapsed. */
    private String shownInGraph(String name) {
        GraphModel.Picture picture = graph.picture();
        if (name == null || picture == null || picture.node(name) != null) {
            return name;
        }
        return graphModel.shownAs(name, !showSteps.getValue(), showWeights.getValue());
    }

    private void refreshAll() {
        cellPanel.refresh();
        toolbar.refresh();
        updateStatus();
    }

    private void updateStatus() {
        var sheet = presenter.sheet();
        String objective = sheet.objective();
        if (objective != null && practiceSession != null
                && presenter.cell(objective).map(c -> practiceSession.asks(c, dev.gradsheet.sheet.Expectation.Quantity.VALUE)).orElse(false)) {
            status.setText(objective + " = " + CellGrid.HIDDEN);
        } else {
            status.setText(objective == null ? getTranslation("sheet.noObjective") : objective + " = " + Format.readable(sheet.objectiveValue()));
        }
        cellCount.setText(sheet.size() == 1 ? getTranslation("sheet.oneCell")
                : getTranslation("sheet.cells", String.valueOf(sheet.size())));
    }

    /** For tests: the parts of the view. */
    SheetPresenter presenter() {
        return presenter;
    }

    CellGrid cellGrid() {
        return grid;
    }

    GraphView graph() {
        return graph;
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
        return stepPanel;
    }

    NumericCheck numericCheck() {
        return numericCheck;
    }

    GraphTextEquivalent graphText() {
        return graphText;
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

    /** The History tab's panel (issue 14). */
    HistoryPanel history() {
        return history;
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
