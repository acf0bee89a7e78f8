package dev.gradsheet.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.gradsheet.server.access.AccessRefusedException;
import dev.gradsheet.server.access.Action;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.Dashboard;
import dev.gradsheet.server.classroom.HandIn;
import dev.gradsheet.ui.common.Routes;
import io.reactivex.rxjava3.disposables.Disposable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code /dashboard/<assignment id>}, the class's teacher's live view of an assignment: students × asked
 * numbers (✓ / ✗ / empty, with answers typed and hints asked for), score, last activity and hand-in.
 * A student's name opens their copy to watch live (read-only). "Hide names" is for the projector.
 * The grades download as CSV and the hand-ins as {@code .sheet} files. It follows every change pushed
 * from any server ({@code assignment:<id>} events).
 */
@Route(Pages.DASHBOARD)
public class DashboardView extends ClassroomPage implements HasUrlParameter<String> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String CSV_FILE = "grades.csv";
    private static final String CSV_TYPE = "text/csv;charset=utf-8";
    private static final String ZIP_FILE = "hand-ins.zip";
    private static final String ZIP_TYPE = "application/zip";

    /** Built afresh on each visit (a second visit to the same view must not add its listeners twice). */
    private Grid<DashboardTable.Line> grid;
    private Checkbox hideNames;
    private Span updated;
    private Assignment assignment;
    private Disposable watch;

    public DashboardView(SheetActions actions) {
        super(actions);
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        begin("dashboard.title");
        Optional<Assignment> a = actions.classroom().store().assignment(id);
        if (a.isEmpty()) {
            refuse("assignment.missing", null, null);
            return;
        }
        Optional<?> refused = actions.access().check(actor, Action.DASHBOARD, a.get());
        if (refused.isPresent()) {
            refuse("access.TEACHER_ONLY", Pages.LOGIN, "bar.signIn");
            return;
        }
        assignment = a.get();
        grid = new Grid<>();
        hideNames = new Checkbox();
        updated = new Span();
        H3 title = new H3(assignment.title());
        Span asked = new Span(getTranslation("dashboard.asked", assignment.asked().settingText(),
                String.valueOf(assignment.tolerance())));
        Span due = new Span(assignment.due() == null ? "" : getTranslation("dashboard.due",
                DAY_TIME.format(assignment.due().atZone(ZoneId.systemDefault()))));
        hideNames.setId("hide-names");
        hideNames.setLabel(getTranslation("dashboard.hideNames"));
        hideNames.addValueChangeListener(e -> refresh());
        updated.setId("dashboard-updated");
        updated.addClassName("gs-legend");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = actions.gradesCsv(actor, assignment).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), CSV_FILE, CSV_TYPE, bytes.length);
        }), getTranslation("dashboard.csv"));
        csv.setId("export-csv");
        csv.getElement().setAttribute("download", CSV_FILE);
        Anchor zip = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = actions.handInsZip(actor, assignment);
            return new DownloadResponse(new ByteArrayInputStream(bytes), ZIP_FILE, ZIP_TYPE, bytes.length);
        }), getTranslation("dashboard.zip"));
        zip.setId("export-zip");
        zip.getElement().setAttribute("download", ZIP_FILE);
        zip.getStyle().set("margin-left", "var(--lumo-space-m)");
        Anchor studentLink = new Anchor(Pages.assignment(assignment.id()), getTranslation("assign.studentLink"));
        studentLink.getStyle().set("margin-left", "var(--lumo-space-m)");
        grid.setId("dashboard-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        add(title, new Div(asked, new Span(" "), due), new Div(hideNames, updated), new Div(csv, zip, studentLink), grid);
        refresh();
    }

    /** Reads the dashboard again and redraws it. */
    void refresh() {
        Dashboard d;
        try {
            d = actions.dashboard(actor, assignment);
        } catch (AccessRefusedException e) {
            return;
        }
        List<DashboardTable.Line> lines = DashboardTable.lines(d, hideNames.getValue(),
                (key, args) -> getTranslation(key, args));
        grid.removeAllColumns();
        grid.addComponentColumn(l -> {
            if (l.sheetId() == null) {
                return new Span(l.student());
            }
            Anchor watch = new Anchor(Routes.sheet(l.sheetId()), l.student());
            watch.setTarget("_blank");
            watch.setId("watch-" + l.number());
            watch.setTitle(getTranslation("dashboard.watch"));
            return watch;
        }).setHeader(getTranslation("dashboard.student")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(DashboardTable.Line::score).setHeader(getTranslation("dashboard.score")).setAutoWidth(true);
        for (int i = 0; i < d.targets().size(); i++) {
            int column = i;
            grid.addComponentColumn(l -> {
                Span mark = new Span(l.marks().get(column));
                mark.addClassName(l.marks().get(column).equals(DashboardTable.RIGHT) ? "gs-right"
                        : l.marks().get(column).equals(DashboardTable.WRONG) ? "gs-wrong" : "gs-empty");
                mark.setId("mark-" + l.number() + "-" + d.targets().get(column).replace('.', '-'));
                Span effort = new Span(l.efforts().get(column));
                effort.addClassName("gs-legend");
                effort.getStyle().set("margin-left", "var(--lumo-space-xs)");
                return new Div(mark, effort);
            }).setHeader(d.targets().get(column)).setAutoWidth(true);
        }
        grid.addColumn(l -> l.row().lastActivity() == null ? "" : TIME.format(l.row().lastActivity().atZone(ZoneId.systemDefault())))
                .setHeader(getTranslation("dashboard.lastActivity")).setAutoWidth(true);
        grid.addColumn(l -> handedIn(l.row().handIn())).setHeader(getTranslation("dashboard.handedIn")).setAutoWidth(true);
        grid.setItems(lines);
        updated.setText(getTranslation("dashboard.updated", TIME.format(Instant.now().atZone(ZoneId.systemDefault()))));
    }

    private String handedIn(HandIn h) {
        if (h == null) {
            return "";
        }
        String at = DAY_TIME.format(h.at().atZone(ZoneId.systemDefault()));
        return h.late() ? getTranslation("dashboard.late", at) : at;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (assignment == null) {
            return;
        }
        UI ui = event.getUI();
        // a burst of answers redraws once
        watch = Live.follow(actions.events().of("assignment:" + assignment.id()).debounce(150, TimeUnit.MILLISECONDS),
                ui, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watch != null) {
            watch.dispose();
            watch = null;
        }
        super.onDetach(event);
    }
}
