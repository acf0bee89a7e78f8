package dev.gradsheet.api;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.EditRefusedException;
import dev.gradsheet.engine.FormulaParser;
import dev.gradsheet.engine.Numbers;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.Expectation;
import dev.gradsheet.sheet.Practice;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import io.reactivex.rxjava3.core.Observable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A live computation graph built node by node in Java, the way the lesson draws it: inputs and
 * weights, operations on them, an objective; every node has a value and a gradient
 * ∂objective/∂node, and both update when a weight changes.
 * <pre>{@code
 * GradSheet s = new GradSheet();
 * Node x = s.input("x", -2), y = s.input("y", 5), z = s.weight("z", -4), t = s.input("t", -10);
 * Node f = x.plus(y).named("q").times(z).named("f");
 * Node loss = f.mse(t).named("L");
 * s.minimize(loss);                        // L = 4
 * z.grad();                                // -12
 * z.grads().subscribe(g -> System.out.println("dL/dz = " + g));
 * s.step();                                // z = -3.88, f = -11.64
 * s.undo();                                // back to z = -4
 * s.save(Path.of("worked-example.sheet")); // opens in the web app
 * }</pre>
 *
 * <h2>Subscribers' contract</h2>
 * {@link Node#values()}, {@link Node#grads()} and {@link #changes()} are RxJava {@link Observable}s:
 * <ul>
 *   <li><b>First</b>, a node's stream emits its current value (or gradient) to each new subscriber,
 *       at once, on the subscribing thread. {@link #changes()} has no current value: it emits only
 *       edits made after subscribing.</li>
 *   <li><b>Then once per edit, after the whole edit has settled</b>: every value and every gradient
 *       the edit affects is recomputed first, then each observed node emits at most once, and only
 *       if its number changed (bit for bit); {@link #changes()} emits one {@link ChangeSet} per edit.
 *       An edit is one call: {@link Node#set(double)}, {@link #set(java.util.Map)} (many inputs at
 *       once), an SGD {@link #step()} over every weight (even {@code step(lr, 100)}), a
 *       {@link #train training run}, {@link #undo()}, {@link #redo()}, adding, renaming or deleting
 *       a cell.</li>
 *   <li><b>On the editing thread</b>, while that thread holds the sheet's lock. So an observer
 *       never sees a half-updated graph: whatever it reads of the sheet inside {@code onNext} is the
 *       state after the edit, and no other thread can edit until the observers are done. Keep
 *       observers short; do not edit the sheet from inside one (hand work to another thread with
 *       {@code observeOn} instead). Edits from several threads are serialized.</li>
 *   <li><b>Deleting a cell completes</b> its node's value and gradient streams
 *       ({@code onComplete}). The streams never signal {@code onError}: a refused edit throws to
 *       its caller and changes nothing, so nothing is emitted.</li>
 * </ul>
 *
 * <p>Edits the sheet refuses (a bad formula, an unknown or duplicate name, a cycle, a value for a
 * computed cell, a delete of a used cell) throw {@link dev.gradsheet.engine.EditRefusedException}
 * with a message for people and change nothing. Building the graph is made of edits too, so
 * {@link #undo()} after building removes the last node added.
 */
public final class GradSheet {
    private final Sheet sheet;
    private String description;
    private DataTable data;
    /** The {@code @expect} claims and {@code @practice} setting a file brought; saved again with it. */
    private Claims claims = Claims.NONE;
    private Practice practice = Practice.OFF;
    private int generated;
    /** Whether the objective was chosen (minimize, or a sheet that came with one); until then the newest cell is it. */
    private boolean objectiveChosen;

    /** An empty sheet. */
    public GradSheet() {
        this(new Sheet(), "", null);
    }

    private GradSheet(Sheet sheet, String description, DataTable data) {
        this.sheet = sheet;
        this.description = description == null ? "" : description;
        this.data = data;
        this.objectiveChosen = sheet.objective() != null; // a loaded or wrapped sheet keeps its objective
    }

    private static GradSheet of(SheetFile.Loaded loaded) {
        GradSheet s = new GradSheet(loaded.sheet(), loaded.description(), loaded.data());
        s.claims = loaded.claims();
        s.practice = loaded.practice();
        return s;
    }

    /**
     * Wraps an engine sheet (for example one the web app or the command line made).
     *
     * @param sheet the engine sheet; edits through either are the same edits
     * @return a fluent view of it
     */
    public static GradSheet of(Sheet sheet) {
        return new GradSheet(sheet, "", null);
    }

    /**
     * Reads a {@code .sheet} file.
     *
     * @param file the file
     * @return the sheet, computed
     * @throws SheetFormatException with one {@code FILE:LINE:COL: message} line per problem
     */
    public static GradSheet open(Path file) throws SheetFormatException {
        return of(SheetFile.read(file));
    }

    /**
     * Reads {@code .sheet} text.
     *
     * @param text   the text, one {@code name = formula} per line
     * @param source what to call it in messages
     * @return the sheet, computed
     * @throws SheetFormatException with one {@code SOURCE:LINE:COL: message} line per problem
     */
    public static GradSheet parse(String text, String source) throws SheetFormatException {
        return of(SheetFile.parse(text, source));
    }

    // ---- building ------------------------------------------------------------------------------

    /**
     * Adds an input: data that SGD never changes.
     *
     * @param name  the cell's name
     * @param value its value
     * @return the node
     */
    public Node input(String name, double value) {
        return new Node(this, add(name, "input(" + Numbers.exact(value) + ")"));
    }

    /**
     * Adds a weight: a parameter SGD moves against its gradient.
     *
     * @param name  the cell's name
     * @param value its starting value
     * @return the node
     */
    public Node weight(String name, double value) {
        return new Node(this, add(name, "weight(" + Numbers.exact(value) + ")"));
    }

    /**
     * Adds a cell defined by a formula as text, as in a {@code .sheet} file: {@code "(x + y) * z"},
     * {@code "sigmoid(w0 * x0 + w1 * x1 + b)"}, {@code "mse(f, t)"}. A compound formula is expanded
     * into generated cells ({@code f.1 = x + y}), each with its own value and gradient.
     *
     * @param name    the cell's name
     * @param formula the formula over existing cells
     * @return the node
     */
    public Node cell(String name, String formula) {
        return new Node(this, add(name, formula));
    }

    /**
     * A node for an existing cell, generated ones included ({@code "f.1"}).
     *
     * @param name the cell's name
     * @return the node
     * @throws dev.gradsheet.engine.EditRefusedException if there is no such cell
     */
    public Node node(String name) {
        sheet.value(name); // refuses an unknown name now rather than at first use
        return new Node(this, name);
    }

    /**
     * The sum of nodes, as one cell.
     *
     * @param nodes one or more nodes of this sheet
     * @return the pending sum
     */
    public Node sum(Node... nodes) {
        return Node.sum(this, List.of(nodes));
    }

    /**
     * The mean of nodes, as one cell.
     *
     * @param nodes one or more nodes of this sheet
     * @return the pending mean
     */
    public Node mean(Node... nodes) {
        return Node.mean(this, List.of(nodes));
    }

    /**
     * Makes {@code objective} the number SGD lowers and every gradient is taken of (by default it
     * is the last cell added).
     *
     * @param objective a node of this sheet
     * @return this sheet
     */
    public GradSheet minimize(Node objective) {
        if (objective.sheet() != this) {
            throw new IllegalArgumentException("the objective must be a node of this sheet");
        }
        sheet.setObjective(objective.name());
        objectiveChosen = true;
        return this;
    }

    /**
     * The objective.
     *
     * @return its node, or null for an empty sheet
     */
    public Node objective() {
        String name = sheet.objective();
        return name == null ? null : new Node(this, name);
    }

    /**
     * The objective's value.
     *
     * @return the value, NaN for an empty sheet
     */
    public double loss() {
        return sheet.objectiveValue();
    }

    // ---- editing and training ------------------------------------------------------------------

    /**
     * Sets several inputs and weights at once: one edit, one emission per observed node, one undo
     * step.
     *
     * @param values new values by cell name
     * @return this sheet
     */
    public GradSheet set(java.util.Map<String, Double> values) {
        sheet.setValues(values);
        return this;
    }

    /**
     * One SGD step at the sheet's learning rate: every weight moves at once, w ← w − lr·∂objective/∂w.
     *
     * @return the objective before and after
     */
    public Sheet.StepResult step() {
        return sheet.sgdStep();
    }

    /**
     * {@code steps} SGD steps at learning rate {@code lr}: one edit, one undo step.
     *
     * @param lr    the learning rate, positive
     * @param steps how many steps, at least 1
     * @return the objective before and after
     */
    public Sheet.StepResult step(double lr, int steps) {
        return sheet.sgdStep(lr, steps);
    }

    /**
     * The learning rate {@link #step()} uses (0.01 unless set).
     *
     * @return the learning rate
     */
    public double learningRate() {
        return sheet.learningRate();
    }

    /**
     * Sets the learning rate {@link #step()} uses; it is saved with the sheet.
     *
     * @param lr a positive number
     * @return this sheet
     */
    public GradSheet learningRate(double lr) {
        sheet.setLearningRate(lr);
        return this;
    }

    /**
     * Mini-batch SGD over a data table whose columns name input cells (features and target); the
     * whole run is one edit and one undo step. The table is kept and saved with the sheet.
     *
     * @param table  the samples
     * @param config batch size, epochs, learning rate, seed, shuffle
     * @return the loss per step and per epoch
     * @throws dev.gradsheet.train.TrainingLoop.Diverged when the loss or a gradient stopped being a
     *         finite number, or the loss blew up: the weights of the last finite step are kept
     */
    public Trainer.Result train(DataTable table, TrainingConfig config) {
        Trainer.Result result = new Trainer(sheet, table, config).run();
        this.data = table;
        return result;
    }

    /**
     * Undoes the last edit.
     *
     * @return false when there was nothing to undo
     */
    public boolean undo() {
        return sheet.undo();
    }

    /**
     * Redoes the last undone edit.
     *
     * @return false when there was nothing to redo
     */
    public boolean redo() {
        return sheet.redo();
    }

    // ---- reading and observing -----------------------------------------------------------------

    /**
     * Every cell, generated ones included, in display order.
     *
     * @return snapshots of the cells
     */
    public List<Cell> cells() {
        return sheet.cells();
    }

    /**
     * One {@link ChangeSet} per edit, with every cell whose value or gradient changed; see the
     * subscribers' contract above.
     *
     * @return the stream of edits
     */
    public Observable<ChangeSet> changes() {
        return sheet.changes();
    }

    /**
     * The engine sheet behind this one, for everything else it offers (formulas, renames, probes).
     *
     * @return the engine sheet
     */
    public Sheet sheet() {
        return sheet;
    }

    // ---- claims -------------------------------------------------------------------------------

    /**
     * Adds a claim, saved as an {@code @expect} line: {@code expect("z.grad", -12)} claims that
     * ∂objective/∂z is −12, {@code expect("f", -12)} that f's value is −12. A claim about the same
     * target replaces the old one.
     *
     * @param target  a cell's name for its value, or the name followed by {@code .grad}
     * @param claimed the hand-computed number
     * @return this sheet
     * @throws dev.gradsheet.engine.EditRefusedException if the sheet has no such cell
     */
    public GradSheet expect(String target, double claimed) {
        Expectation e = Expectation.of(target, claimed, 0, 0);
        node(e.cell()); // refuses an unknown cell, as a file naming one is refused
        claims = claims.with(e);
        return this;
    }

    /**
     * The sheet's claims ({@code @expect} lines, from its file or {@link #expect}) and tolerance.
     *
     * @return the claims
     */
    public Claims claims() {
        return claims;
    }

    // ---- saving --------------------------------------------------------------------------------

    /**
     * Sets the description written as the file's leading comment.
     *
     * @param text one or more lines
     * @return this sheet
     */
    public GradSheet describe(String text) {
        this.description = text == null ? "" : text;
        return this;
    }

    /**
     * The sheet as {@code .sheet} text: description, settings, every named cell's formula, the
     * claims, the data.
     *
     * @return the text
     */
    public String toText() {
        return SheetFile.format(sheet, description, data, claims, practice);
    }

    /**
     * Saves the sheet as a {@code .sheet} file the web app and the command line open (atomically:
     * a crash leaves the old file or the new one).
     *
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        SheetFile.writeAtomically(file, toText());
    }

    @Override
    public String toString() {
        return sheet.toString();
    }

    // ---- for Node ------------------------------------------------------------------------------

    /** Adds a user cell; returns its name. */
    String add(String name, String formula) {
        // Until minimize() chooses one, the newest cell is the objective (as micrograd's last node is
        // what backward() starts from); the web sheet instead keeps the objective until a person
        // changes it.
        sheet.addCell(name, formula, !objectiveChosen);
        return name;
    }

    /** Refuses, as the engine would, a name that is invalid or taken. */
    void requireFreeName(String name) {
        if (!FormulaParser.isValidName(name)) {
            throw new EditRefusedException(EditRefusedException.Reason.NAME, "'" + name + "' is not a valid name: use letters, digits and _,"
                    + " not starting with a digit (at most 200 characters)");
        }
        if (sheet.cell(name).isPresent()) {
            throw new EditRefusedException(EditRefusedException.Reason.NAME, "a cell named " + name + " already exists");
        }
    }

    /** A name no cell has: {@code prefix_k}. */
    String freshName(String prefix) {
        String name;
        do {
            name = prefix + "_" + (++generated);
        } while (sheet.cell(name).isPresent());
        return name;
    }
}
