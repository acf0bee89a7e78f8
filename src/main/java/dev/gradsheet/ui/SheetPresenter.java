package dev.gradsheet.ui;

import dev.gradsheet.server.ServerLimits;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.ui.common.Format;
import dev.gradsheet.ui.common.Refusals;

import dev.gradsheet.ui.i18n.Texts;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.GradientCheck;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.GradientPaths;
import dev.gradsheet.engine.NonFinite;
import dev.gradsheet.engine.Op;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.jobs.JobRefusedException;
import dev.gradsheet.jobs.TrainingJob;
import io.reactivex.rxjava3.core.Observable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logic behind the sheet view, free of Vaadin: turns what a person typed into edits of the
 * shared sheet and every refusal into a message for the field it belongs to. A refused edit leaves
 * the sheet unchanged (the engine guarantees it; the presenter checks its own input first).
 *
 * <p>A message on screen belongs to the action that caused it: components {@link #post} each message
 * with a way to clear it, and it goes when this view starts its next action ({@link #beginAction})
 * or when a later edit (from any tab) arrives ({@link #edited}).
 */
public final class SheetPresenter implements dev.gradsheet.server.ActsFor {
    /** Most steps one click of "Apply SGD step" may run, unless the server sets another limit. */
    public static final int MAX_STEPS = ServerLimits.defaults().stepsPerClick();
    /**
     * SGD requests bigger than this many cell-steps (steps × cells; about 0.3 s on a laptop core)
     * run as a background job with progress and Stop instead of on the click's request thread.
     */
    static final long BACKGROUND_CELL_STEPS = 50_000_000L;

    private final SharedSheet shared;
    private final ServerLimits limits;
    private final JobPool jobs;
    /** Who edits here (one browser): long SGD requests count against this visitor's runs; null: nobody in particular. */
    private final String visitor;
    /** Messages on screen: the sheet's version when each was shown, and how to clear it. */
    private final List<Posted> posted = new ArrayList<>();
    /** Versions of the undos and redos made here (the last few), so other tabs' ones can be told apart. */

    /** Who this tab acts for (null: nobody in particular, as in tools and tests) and what they may do. */
    private dev.gradsheet.server.Actor actor;
    private dev.gradsheet.server.access.SheetAccess.Rights access = dev.gradsheet.server.access.SheetAccess.Rights.ALL;
    /** The visit (browser session) this tab belongs to, or null. */
    private String visit;

    /** A presenter with the default limits; long SGD requests run on the caller's thread. */
    public SheetPresenter(SharedSheet shared) {
        this(shared, ServerLimits.defaults(), null);
    }

    /** A presenter within the server's {@code limits}, running long work on {@code jobs}. */
    public SheetPresenter(SharedSheet shared, ServerLimits limits, JobPool jobs) {
        this(shared, limits, jobs, null);
    }

    /** As {@link #SheetPresenter(SharedSheet, ServerLimits, JobPool)}, long SGD requests counted against {@code visitor}'s runs. */
    public SheetPresenter(SharedSheet shared, ServerLimits limits, JobPool jobs, String visitor) {
        this.shared = shared;
        this.limits = limits;
        this.jobs = jobs;
        this.visitor = visitor;
    }

    public ServerLimits limits() {
        return limits;
    }

    /** This tab acts for {@code actor}, who may do what {@code rights} say (edits are refused otherwise). */
    public void setAccess(dev.gradsheet.server.Actor actor, dev.gradsheet.server.access.SheetAccess.Rights rights) {
        this.actor = actor;
        this.access = rights;
    }

    /**
     * Runs {@code work} (edits outside the presenter's own, such as a restore) as this tab's: other
     * tabs are told somebody else made it, this one is not.
     */
    public <T> T asThisTab(java.util.function.Supplier<T> work) {
        return sheet().actingAs(this, work);
    }

    /** The person this tab edits for: every edit made here is recorded as theirs. */
    @Override
    public dev.gradsheet.server.Actor actor() {
        return actor;
    }

    /** This tab belongs to visit {@code visit} (a random id per browser session): its edits' revisions record it. */
    public void setVisit(String visit) {
        this.visit = visit;
    }

    @Override
    public String visit() {
        return visit;
    }

    /** What the person may do with this sheet: the one question the page asks of the access rules. */
    public dev.gradsheet.server.access.SheetAccess.Rights access() {
        return access;
    }

    /** Why this tab may not edit, in words, or null when it may. */
    private String editRefused() {
        var refusal = access.refusal(dev.gradsheet.server.access.Action.EDIT);
        return refusal == null ? null : Texts.t(refusal.messageKey());
    }

    private record Posted(long version, Runnable clear) {
    }

    /** A message was shown for the action just done; {@code clear} removes it. */
    public void post(Runnable clear) {
        posted.add(new Posted(sheet().version(), clear));
    }

    /** A new action starts: the messages of earlier actions go. */
    public void beginAction() {
        List<Posted> old = List.copyOf(posted);
        posted.clear();
        old.forEach(p -> p.clear().run());
    }

    /** An edit with this version reached the view: messages shown before it are stale. */
    public void edited(long version) {
        List<Posted> stale = posted.stream().filter(p -> p.version() < version).toList();
        posted.removeAll(stale);
        stale.forEach(p -> p.clear().run());
    }

    /**
     * Whether {@code change} was made through this presenter (this tab), not in another tab: every
     * edit, step, undo and redo made here passes the presenter as the change's source.
     */
    public boolean madeHere(ChangeSet change) {
        return change.source() == this;
    }

    public SharedSheet shared() {
        return shared;
    }

    /** The engine's sheet, for the presenter's own reads and edits; views ask the presenter instead. */
    private Sheet sheet() {
        return shared.sheet();
    }

    /** Every edit of the sheet (made in any tab), as it happens; see {@link #madeHere}. */
    public Observable<ChangeSet> changes() {
        return sheet().changes();
    }

    /** The objective's name, or null when the sheet has no formula yet. */
    public String objective() {
        return sheet().objective();
    }

    /** The objective's value (NaN without an objective). */
    public double objectiveValue() {
        return sheet().objectiveValue();
    }

    /** How many cells the sheet has (formula steps included). */
    public int size() {
        return sheet().size();
    }

    /** The row of cell {@code name} in display order, or -1. */
    public int indexOf(String name) {
        return sheet().indexOf(name);
    }

    /** Up to {@code limit} cells in display order from row {@code offset}. */
    public List<Cell> cells(int offset, int limit) {
        return sheet().cells(offset, limit);
    }

    /** The cell at row {@code row} in display order, if there is one. */
    public Optional<Cell> cellAt(int row) {
        return sheet().cells(row, 1).stream().findFirst();
    }

    /** A page of rows read in one state of the sheet, and that state's version. */
    public record Rows(List<Cell> cells, long version) {
    }

    /** Up to {@code limit} rows from {@code offset}, all from one state of the sheet (another tab may be editing). */
    public Rows rows(int offset, int limit) {
        Sheet sheet = sheet();
        return sheet.read(() -> new Rows(sheet.cells(offset, limit), sheet.version()));
    }

    /** The chain rule's terms behind {@code name}'s gradient. */
    public GradientExplanation explain(String name) {
        return sheet().explain(name);
    }

    /** How many terms {@code name}'s gradient sums, without building them. */
    public int explanationTermCount(String name) {
        return sheet().explanationTermCount(name);
    }

    /** The paths from the objective down to {@code name}, the first {@code shown} of them in full. */
    public GradientPaths gradientPaths(String name, int shown) {
        return GradientPaths.of(sheet(), name, shown);
    }

    /** The cells whose formulas use {@code name}. */
    public List<String> usersOf(String name) {
        return sheet().usersOf(name);
    }

    /** Why {@code name} is NaN or ±∞ (the engine's typed cause), or empty when it is a finite number. */
    public Optional<NonFinite> notFinite(String name) {
        return sheet().notFinite(name);
    }

    /** The label of the edit Undo would undo, or null; read once, as another tab may undo meanwhile. */
    public dev.gradsheet.engine.EditLabel undoLabel() {
        return sheet().undoLabel();
    }

    /** The label of the edit Redo would redo, or null. */
    public dev.gradsheet.engine.EditLabel redoLabel() {
        return sheet().redoLabel();
    }

    /** The steps of the forward pass, one per computed cell, for "Step through". */
    public List<StepThrough.Step> stepThrough() {
        return StepThrough.of(sheet());
    }

    /** Every gradient compared with a finite-difference estimate ("Check numerically"). */
    public GradientCheck gradientCheck() {
        return GradientCheck.run(sheet());
    }

    /** A model of the sheet's graph picture, which reads the live sheet as it draws. */
    public GraphModel graphModel() {
        return new GraphModel(sheet());
    }

    /** The user cells' names (no formula steps) in display order. */
    public List<String> names() {
        return sheet().names();
    }

    /** A page of user cells' names containing {@code filter} (see {@link NameChoices#page}). */
    public List<String> names(String filter, int offset, int limit) {
        return NameChoices.page(sheet(), filter, offset, limit);
    }

    /**
     * The outcome of an edit: empty when it was applied, else the message to show and what it is
     * about (which field a form puts it next to).
     */
    public record Outcome(String error, EditRefusedException.Reason about) {
        static final Outcome OK = new Outcome(null, null);

        /** A refusal about something other than a name or formula field. */
        public Outcome(String error) {
            this(error, error == null ? null : EditRefusedException.Reason.OTHER);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** Sets an input's or weight's value from text such as {@code -3}, {@code −3} or {@code 1e-3}. */
    public Outcome setValue(String name, String text) {
        beginAction();
        Double v = Format.parse(text);
        if (v == null) {
            return new Outcome(Texts.t("presenter.notANumber", text.strip()));
        }
        return run(() -> sheet().setValue(name, v));
    }

    /** Replaces {@code name}'s formula. */
    public Outcome setFormula(String name, String formula) {
        beginAction();
        if (formula == null || formula.isBlank()) {
            return new Outcome(Texts.t("presenter.enterFormula"), EditRefusedException.Reason.FORMULA);
        }
        return run(() -> sheet().setFormula(name, formula.strip()));
    }

    /** Renames a cell; formulas using it follow. */
    public Outcome rename(String name, String newName) {
        beginAction();
        if (newName == null || newName.isBlank()) {
            return new Outcome(Texts.t("presenter.enterNewName"), EditRefusedException.Reason.NAME);
        }
        if (newName.strip().equals(name)) {
            return Outcome.OK;
        }
        return run(() -> sheet().rename(name, newName.strip()));
    }

    /** Deletes a cell nobody uses. */
    public Outcome delete(String name) {
        beginAction();
        return run(() -> sheet().delete(name));
    }

    /** Adds a cell {@code name = formula}. */
    public Outcome addCell(String name, String formula) {
        beginAction();
        if (name == null || name.isBlank()) {
            return new Outcome(Texts.t("presenter.enterName"), EditRefusedException.Reason.NAME);
        }
        if (formula == null || formula.isBlank()) {
            return new Outcome(Texts.t("presenter.enterFormula"), EditRefusedException.Reason.FORMULA);
        }
        String added = name.strip();
        String typed = formula.strip();
        // one edit, so one Undo takes the cell back and the objective with it
        return run(() -> sheet().asOneEdit(dev.gradsheet.engine.EditLabel.of(dev.gradsheet.engine.EditLabel.Kind.ADD, added), () -> {
            boolean follows = shared.objectiveFollows().get() || !sheet().hasExplicitObjective();
            sheet().addCell(added, typed);
            if (follows) {
                follow(added);
            }
        }));
    }

    /**
     * The sheet's objective was not picked by anyone: it follows the newest loss-like cell
     * ({@link ObjectiveFollower}), from the first formula on (the engine gives an objectiveless sheet
     * its first formula cell) until a person picks one.
     */
    private void follow(String added) {
        Sheet s = sheet();
        String objective = s.objective();
        if (!s.hasExplicitObjective() || objective == null) {
            return; // a number added to a sheet without formulas: nothing to follow yet
        }
        shared.objectiveFollows().set(true);
        Cell cell = s.cell(added).orElseThrow();
        Cell current = s.cell(objective).orElseThrow();
        if (ObjectiveFollower.takesOver(cell, current, s.usersOf(objective).contains(added))) {
            s.setObjective(added);
        }
    }

    /** Whether the objective still follows the newest loss-like cell added (nobody has picked one). */
    public boolean objectiveFollows() {
        return shared.objectiveFollows().get();
    }

    /** Makes {@code name} the objective (null: the last cell again); a picked objective stays where it is put. */
    public Outcome setObjective(String name) {
        beginAction();
        Outcome o = run(() -> sheet().setObjective(name));
        if (o.ok()) {
            shared.objectiveFollows().set(false);
        }
        return o;
    }

    /**
     * The result of an SGD request: the step's result, or the background job running it (a long
     * request), or a message for one of the two fields.
     */
    public record StepOutcome(Sheet.StepResult result, String lrError, String stepsError, String error,
                              TrainingJob job) {
        StepOutcome(Sheet.StepResult result, String lrError, String stepsError, String error) {
            this(result, lrError, stepsError, error, null);
        }

        public boolean ok() {
            return result != null || job != null;
        }
    }

    /** Runs {@code steps} SGD steps at learning rate {@code lr}, as one undoable edit. */
    public StepOutcome sgdStep(Double lr, Integer steps) {
        beginAction();
        if (editRefused() != null) {
            return new StepOutcome(null, null, null, editRefused());
        }
        if (lr == null || !Double.isFinite(lr) || lr <= 0) {
            return new StepOutcome(null, Texts.t("presenter.lrPositive"), null, null);
        }
        int max = limits.stepsPerClick();
        if (steps == null || steps < 1 || steps > max) {
            return new StepOutcome(null, null, Texts.t("presenter.stepsRange", String.valueOf(max)), null);
        }
        if (sheet().weights().isEmpty()) {
            return new StepOutcome(null, null, null, Texts.t("presenter.noWeight"));
        }
        if (jobs != null && (long) steps * sheet().size() > BACKGROUND_CELL_STEPS) {
            return inBackground(lr, steps);
        }
        if (shared.training().busy()) {
            return new StepOutcome(null, null, null, Texts.t("presenter.busy"));
        }
        try {
            return new StepOutcome(sheet().actingAs(this, () -> sheet().sgdStep(lr, steps)), null, null, null);
        } catch (EditRefusedException e) {
            return new StepOutcome(null, null, null, Refusals.of(e, e.getMessage()));
        }
    }

    /** A long SGD request as the sheet's background job (progress and Stop in every tab). */
    private StepOutcome inBackground(double lr, int steps) {
        try {
            TrainingJob job = shared.training().start(this, () -> TrainingJob.sgd(sheet(), lr, steps, jobs,
                    TrainingJob.PUBLISH_MS, TrainingJob.NOTIFY_MS, visitor));
            if (job == null) {
                return new StepOutcome(null, null, null, Texts.t("presenter.busy"));
            }
            return new StepOutcome(null, null, null, null, job);
        } catch (JobRefusedException e) {
            return new StepOutcome(null, null, null, dev.gradsheet.ui.common.JobRefusals.of(e));
        }
    }

    /** Undoes the last edit; false when there is nothing to undo. */
    public boolean undo() {
        beginAction();
        return editRefused() == null && sheet().actingAs(this, () -> sheet().undo());
    }

    /** Redoes the last undone edit; false when there is nothing to redo. */
    public boolean redo() {
        beginAction();
        return editRefused() == null && sheet().actingAs(this, () -> sheet().redo());
    }

    /**
     * Adds {@code name = number} as an input (data: SGD never moves it) or a weight (SGD learns it),
     * the question the add form asks when the formula is a bare number.
     */
    public Outcome addNumber(String name, String number, boolean weight) {
        Double v = Format.parse(number);
        if (v == null) {
            beginAction();
            return new Outcome(Texts.t("presenter.notANumber", number.strip()));
        }
        return addCell(name, (weight ? "weight(" : "input(") + Format.exact(v) + ")");
    }

    /** Whether a formula is a bare number (such as {@code 2} or {@code -0.5}): an input or a weight? */
    public static boolean isBareNumber(String formula) {
        return formula != null && !formula.isBlank() && Format.parse(formula) != null;
    }

    /** Switches an input to a weight or a weight to an input, keeping its value: one undoable edit. */
    public Outcome switchKind(String name) {
        beginAction();
        return run(() -> sheet().switchKind(name));
    }

    /** The sheet as {@code .sheet} text, for download. */
    public String sheetText() {
        return shared.text();
    }

    /** A file name for the download: {@code gradsheet-<id>.sheet}. */
    public String fileName() {
        return "gradsheet-" + shared.id() + ".sheet";
    }

    /** The cell called {@code name}, if it still exists. */
    public Optional<Cell> cell(String name) {
        return name == null ? Optional.empty() : sheet().cell(name);
    }

    /**
     * The formula a cell builder makes from an operation and its arguments, e.g.
     * {@code ("mul", "q", "z") → "q * z"}, {@code ("sigmoid", "a") → "sigmoid(a)"}; written by the
     * op's own definition ({@link Op#write}).
     */
    public static String formulaFor(String op, String a, String b) {
        Op o = Op.byLabel(op);
        return o == null ? op + "(" + (a == null || a.isBlank() ? "?" : a) + ")" : o.write(a, b);
    }

    /** Whether the operation takes (or may take) a second argument in the cell builder. */
    public static boolean isBinary(String op) {
        Op o = Op.byLabel(op);
        return o != null && o.maxArgs() >= 2;
    }

    /** Whether the operation's second argument may be left out (step's theta, leaky_relu's slope). */
    public static boolean secondIsOptional(String op) {
        Op o = Op.byLabel(op);
        return o != null && o.minArgs() < 2 && o.maxArgs() >= 2;
    }

    private Outcome run(Runnable edit) {
        if (editRefused() != null) {
            return new Outcome(editRefused());
        }
        try {
            sheet().actingAs(this, edit);
            return Outcome.OK;
        } catch (EditRefusedException e) {
            return new Outcome(message(e), e.reason());
        }
    }

    private static String message(EditRefusedException e) {
        return Refusals.of(e, e.column() > 0 && !e.getMessage().contains("column")
                ? e.getMessage() + " (at column " + e.column() + ")" : e.getMessage());
    }
}
