package dev.gradsheet.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.ui.common.Format;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How the cell grid shows a cell: its columns (name, formula, kind with the input/weight switch,
 * value, gradient, local derivative, and after a training run the batch gradient), their headers and
 * tooltips, and the marks on a row (formula step, objective, just changed, saturated, not finite).
 * Practice mode hides the numbers the student is asked for. Everything is rendered as text.
 */
final class CellColumns {
    private final Grid<Cell> grid;
    private final SheetPresenter presenter;
    final Grid.Column<Cell> name;
    final Grid.Column<Cell> formula;
    final Grid.Column<Cell> value;
    private final Grid.Column<Cell> grad;
    private final Grid.Column<Cell> local;
    private final Grid.Column<Cell> batch;
    /** Practice mode is on: its answer columns take the local derivative's room. */
    private boolean practising;
    /** "Check numerically" shows its estimates beside the gradients, in the local derivative's room. */
    private boolean checking;
    /** Practice mode: whose value and gradient are hidden. */
    private Predicate<Cell> hideValue = c -> false;
    private Predicate<Cell> hideGrad = c -> false;
    /** After a training run: each weight's mean gradient over the last batch. */
    private Map<String, Double> batchGradients = Map.of();
    private String objective;
    /** Whether a row is marked as just changed (by the last change set, or by Step through). */
    private Predicate<String> flashed = name -> false;
    private String flashPart = "flash-0";

    /** Adds the columns to {@code grid}; a Kind cell's switch calls {@code switchKind}. */
    CellColumns(Grid<Cell> grid, SheetPresenter presenter, Consumer<Cell> switchKind) {
        this.grid = grid;
        this.presenter = presenter;
        this.objective = presenter.objective();
        // Widths: name, value and gradient always fit an 800 px screen beside the rest; text wraps
        // instead of being cut (gradsheet.css), and every header has a tooltip.
        name = grid.addColumn(Cell::name).setKey("name").setHeader(header("grid.name", "grid.nameTip"))
                .setWidth("100px").setFlexGrow(0).setResizable(true);
        formula = grid.addColumn(BreakPoints.renderer(CellColumns::shownFormula)).setKey("formula")
                .setHeader(header("grid.formula", "grid.formulaTip"))
                .setWidth("104px").setFlexGrow(2).setResizable(true);
        formula.setTooltipGenerator(Cell::formula);
        addKind(switchKind);
        value = addValue();
        grad = addGrad();
        local = addLocal();
        batch = addBatch();
        updateHeaders();
        grid.setPartNameGenerator(this::rowParts);
    }

    /**
     * The Kind column. A saturated sigmoid (σ′ &lt; 0.01) is flagged: it barely passes a gradient back.
     * Inputs and weights carry a small switch: only weights learn, so the difference must be visible
     * and one click away (one undoable edit).
     */
    private void addKind(Consumer<Cell> switchKind) {
        grid.addColumn(LitRenderer.<Cell>of(
                        "<span>${item.kind}</span><button class=\"gs-kind-switch\" ?hidden=\"${item.fixed}\""
                        + " title=\"${item.switchTitle}\" style=\"margin-left:4px;font-size:0.8em;cursor:pointer\""
                        + " @click=\"${switchKind}\">${item.switchLabel}</button>")
                        .withProperty("kind", c -> c.isSaturated() ? "⚠ " + c.kind() : c.kind()) // a kind is an op's name: never translated
                        .withProperty("fixed", c -> !c.isEditableValue())
                        .withProperty("switchLabel", c -> c.isEditableValue() ? "⇄" : "")
                        .withProperty("switchTitle", c -> !c.isEditableValue() ? ""
                                : "input".equals(c.kind()) ? grid.getTranslation("grid.makeWeight", c.name())
                                : grid.getTranslation("grid.makeInput", c.name()))
                        .withFunction("switchKind", switchKind::accept))
                .setKey("kind")
                .setHeader(header("grid.kind", "grid.kindTip"))
                .setWidth("100px").setFlexGrow(0)
                .setPartNameGenerator(c -> c.isSaturated() ? "saturated" : null)
                .setTooltipGenerator(c -> c.isSaturated()
                        ? grid.getTranslation("grid.saturated", Format.readable(c.sigmoidSlope())) : null);
    }

    /** The Value column: NaN and ±∞ are marked, and the tooltip says where they came from. */
    private Grid.Column<Cell> addValue() {
        Grid.Column<Cell> column = grid.addColumn(c -> hideValue.test(c) ? CellGrid.HIDDEN
                        : (Double.isFinite(c.value()) ? "" : "⚠ ") + Format.readable(c.value()))
                .setKey("value").setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1);
        column.setTooltipGenerator(c -> hideValue.test(c) ? null
                : Double.isFinite(c.value()) ? c.name() + " = " + Format.exact(c.value())
                : presenter.cell(c.name()).isPresent() ? presenter.notFinite(c.name()).map(NotFiniteTexts::of).orElse(null)
                : c.name() + " = " + c.value());
        column.setPartNameGenerator(c -> hideValue.test(c) || Double.isFinite(c.value()) ? null : "nonfinite");
        return column;
    }

    private Grid.Column<Cell> addGrad() {
        Grid.Column<Cell> column = grid.addColumn(c -> hideGrad.test(c) ? CellGrid.HIDDEN : Format.readable(c.grad()))
                .setKey("grad").setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1);
        column.setTooltipGenerator(c -> hideGrad.test(c) ? null
                : "d" + objective + "/d" + c.name() + " = " + Format.exact(c.grad()));
        column.setPartNameGenerator(c -> hideGrad.test(c) ? null : Format.gradBucket(c.grad()));
        return column;
    }

    /** "Local ∂": the factor the next cell (the one using this cell) contributes to the chain rule. */
    private Grid.Column<Cell> addLocal() {
        Span localHeader = new Span(grid.getTranslation("grid.local"));
        localHeader.getElement().setAttribute("title", grid.getTranslation("grid.localTip"));
        return grid.addColumn(BreakPoints.<Cell>renderer(c -> hideGrad.test(c) ? CellGrid.HIDDEN : localDerivative(c)))
                .setKey("local").setHeader(localHeader)
                .setWidth("100px").setFlexGrow(1).setTooltipGenerator(c -> hideGrad.test(c) ? null : localDerivative(c));
    }

    /**
     * After a training run: each weight's mean gradient over the last batch, beside the gradient of
     * the one sample the grid's values belong to.
     */
    private Grid.Column<Cell> addBatch() {
        Grid.Column<Cell> column = grid.addColumn(c -> batchGradients.containsKey(c.name())
                        ? Format.readable(batchGradients.get(c.name())) : "")
                .setKey("batch").setHeader(header("grid.batch", "grid.batchTip"))
                .setTextAlign(ColumnTextAlign.END).setWidth("110px").setFlexGrow(1)
                .setTooltipGenerator(c -> batchGradients.containsKey(c.name()) ? grid.getTranslation("grid.batchCellTip",
                        "d" + objective + "/d" + c.name(), Format.exact(batchGradients.get(c.name()))) : null);
        column.setVisible(false);
        return column;
    }

    /** Whether the batch gradients of a training run are shown. */
    boolean showsBatchGradients() {
        return !batchGradients.isEmpty();
    }

    /**
     * Shows each weight's mean gradient of the last training batch in its own column (empty: hides
     * it); the value and gradient headers then say they are the last sample's. The caller re-reads the rows.
     */
    void showBatchGradients(Map<String, Double> gradients) {
        batchGradients = Map.copyOf(gradients);
        batch.setVisible(!batchGradients.isEmpty());
        // the batch gradient takes the local derivative's place, so name, value and gradient still fit
        showLocal();
        updateHeaders();
    }

    /**
     * Practice mode on or off: the answer columns take the local derivative's room (its numbers are
     * hidden anyway), and a gradient column of question marks needs less of it, so an 1366 px
     * screen shows every asked cell's answer field without sideways scrolling.
     */
    void practice(boolean on) {
        practising = on;
        grad.setWidth(on ? "70px" : "110px");
        showLocal();
    }

    /** "Check numerically" shows its column (true) or not: the estimates take the local derivative's room. */
    void checking(boolean shown) {
        checking = shown;
        showLocal();
    }

    /** The local derivative shows unless something else has its room: a run's batch gradients, practice, the check. */
    private void showLocal() {
        local.setVisible(batchGradients.isEmpty() && !practising && !checking);
    }

    /** Practice mode: hides the values and the gradients (and local derivatives) of these cells. */
    void hide(Predicate<Cell> values, Predicate<Cell> grads) {
        hideValue = values;
        hideGrad = grads;
    }

    /** Takes the sheet's objective now; true when it changed (every row must then be read again). */
    boolean objectiveChanged() {
        String now = presenter.objective();
        boolean changed = now == null ? objective != null : !now.equals(objective);
        objective = now;
        if (changed) {
            updateHeaders();
        }
        return changed;
    }

    /** Which rows are marked as just changed; returns the marks before. */
    Predicate<String> mark(Predicate<String> changed, String part) {
        Predicate<String> previous = flashed;
        flashed = changed;
        flashPart = part;
        return previous;
    }

    /** The other of the two "just changed" parts, so marking the same rows again restarts their flash. */
    String nextFlashPart() {
        return "flash-0".equals(flashPart) ? "flash-1" : "flash-0";
    }

    private void updateHeaders() {
        boolean afterRun = !batchGradients.isEmpty();
        value.setHeader(header(afterRun ? "grid.valueLastSample" : "grid.value",
                afterRun ? "grid.valueLastSampleTip" : "grid.valueTip"));
        String of = objective == null ? "L" : objective;
        grad.setHeader(headerSpan(grid.getTranslation(afterRun ? "grid.gradLastSample" : "grid.grad"),
                grid.getTranslation(afterRun ? "grid.gradLastSampleTip" : "grid.gradTip", of)));
    }

    /** A short column header from the bundles; {@code moreKey}'s text shows on hover. */
    private Span header(String key, String moreKey) {
        return headerSpan(grid.getTranslation(key), grid.getTranslation(moreKey));
    }

    private static Span headerSpan(String text, String more) {
        Span span = new Span(text);
        span.setTitle(more);
        return span;
    }

    /** The header's text of column {@code key} (its tooltip: {@link #headerTooltip}). */
    String headerText(String key) {
        var c = grid.getColumnByKey(key).getHeaderComponent();
        return c instanceof Span s ? s.getText() : grid.getColumnByKey(key).getHeaderText();
    }

    /** The tooltip of column {@code key}'s header, or null. */
    String headerTooltip(String key) {
        var c = grid.getColumnByKey(key).getHeaderComponent();
        return c instanceof Span s ? s.getTitle().orElse(null) : null;
    }

    private String rowParts(Cell c) {
        StringBuilder parts = new StringBuilder();
        if (c.generated()) {
            parts.append("generated ");
        }
        if (c.name().equals(objective)) {
            parts.append("objective ");
        }
        if (flashed.test(c.name())) {
            parts.append(flashPart);
        }
        String s = parts.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The local derivative a cell's gradient is built from: for one cell using it, {@code ∂f/∂q = -4};
     * for several, how many; for the objective, "objective".
     */
    String localDerivative(Cell c) {
        if (c.name().equals(objective)) {
            return grid.getTranslation("grid.objective");
        }
        // count the terms first; only a cell with one user needs its term (and its name)
        int terms = presenter.explanationTermCount(c.name());
        if (terms == 0) {
            return "";
        }
        if (terms == 1) {
            List<GradientExplanation.Term> one = presenter.explain(c.name()).terms();
            if (one.size() != 1) { // another tab's edit came between the two reads
                return one.isEmpty() ? "" : grid.getTranslation("grid.sumOver", String.valueOf(one.size()));
            }
            GradientExplanation.Term t = one.get(0);
            return "∂" + t.user() + "/∂" + c.name() + " = " + Format.readable(t.local());
        }
        return grid.getTranslation("grid.sumOver", String.valueOf(terms));
    }

    /**
     * The formula as the grid shows it: an input's or weight's number for reading, e.g.
     * {@code weight(-2.32)} rather than {@code weight(-2.3200000000000003)}; the editor and the
     * tooltip give the exact text.
     */
    static String shownFormula(Cell c) {
        return c.isEditableValue() ? c.kind() + "(" + Format.readable(c.value()) + ")" : c.formula();
    }
}
