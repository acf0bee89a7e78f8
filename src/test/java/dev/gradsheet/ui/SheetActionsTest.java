package dev.gradsheet.ui;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import dev.gradsheet.engine.Sheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.gradsheet.ui.SheetViewTest.shown;

/** SGD, building cells, rename/delete, the objective, "Why this gradient?" and the graph picture. */
class SheetActionsTest extends KaribuTestBase {

    @Test
    void oneSgdStepOnTheWorkedExampleGivesMinus11_64() {
        SheetView view = openStart();
        SgdPanel sgd = view.sgdPanel();
        assertThat(sgd.learningRate.getValue()).isEqualTo(0.01);
        assertThat(sgd.steps.getValue()).isEqualTo(1);
        sgd.apply.click();
        roundtrip();
        assertThat(shown(view, "z", "value")).isEqualTo("-3.88");
        assertThat(shown(view, "f", "value")).isEqualTo("-11.64");
        assertThat(shown(view, "L", "value")).isEqualTo("2.6896");
        assertThat(sgd.result.getText()).isEqualTo("1 step at lr 0.01: L 4 → 2.6896");
    }

    @Test
    void severalStepsAndBadSettingsAreRefusedNextToTheirField() {
        SheetView view = openStart();
        SgdPanel sgd = view.sgdPanel();
        Sheet sheet = view.presenter().shared().sheet();
        long version = sheet.version();
        sgd.learningRate.setValue(-1.0);
        sgd.apply.click();
        assertThat(sgd.learningRate.isInvalid()).isTrue();
        assertThat(sgd.learningRate.getErrorMessage()).isEqualTo("the learning rate must be a positive number");
        sgd.learningRate.setValue(0.01);
        sgd.steps.setValue(0);
        sgd.apply.click();
        assertThat(sgd.steps.isInvalid()).isTrue();
        assertThat(sheet.version()).isEqualTo(version);
        sgd.steps.setValue(3);
        sgd.apply.click();
        roundtrip();
        assertThat(sgd.learningRate.isInvalid()).isFalse();
        assertThat(sgd.result.getText()).startsWith("3 steps at lr 0.01: L 4 → ");
        assertThat(sheet.version()).isEqualTo(version + 1); // one undoable edit
        assertThat(sheet.objectiveValue()).isLessThan(2.6896);
    }

    @Test
    void addACellByFormulaAndByPickingAnOperation() {
        SheetView view = openStart();
        AddCellForm form = view.addForm();
        form.name.setValue("g");
        form.formula.setValue("f * 2");
        form.add.click();
        roundtrip();
        assertThat(shown(view, "g", "value")).isEqualTo("-24");
        assertThat(form.name.getValue()).isEmpty();
        assertThat(view.graph().picture().node("g")).isNotNull();

        form.op.setValue("mul");
        form.arg1.setValue("q");
        form.arg2.setValue("z");
        assertThat(form.formula.getValue()).isEqualTo("q * z");
        form.op.setValue("sigmoid");
        assertThat(form.arg2.isVisible()).isFalse();
        assertThat(form.formula.getValue()).isEqualTo("sigmoid(q)");
        form.name.setValue("s");
        form.add.click();
        roundtrip();
        assertThat(view.presenter().shared().sheet().cell("s").orElseThrow().kind()).isEqualTo("sigmoid");
    }

    @Test
    void theBuilderBuildsTheNewOperationsWithAnOptionalSecondArgument() {
        SheetView view = openStart();
        AddCellForm form = view.addForm();
        form.op.setValue("leaky_relu");
        form.arg1.setValue("f");
        assertThat(form.arg2.isVisible()).isTrue();
        assertThat(form.arg2.getLabel()).isEqualTo("argument 2 (optional)");
        assertThat(form.formula.getValue()).isEqualTo("leaky_relu(f)");
        form.name.setValue("lr1");
        form.add.click();
        roundtrip();
        // f = -12: leaky ReLU with its default slope 0.01
        assertThat(view.presenter().shared().sheet().value("lr1")).isEqualTo(-0.12, org.assertj.core.data.Offset.offset(1e-15));
        form.op.setValue("max");
        assertThat(form.arg2.getLabel()).isEqualTo("argument 2");
        form.arg1.setValue("x");
        form.arg2.setValue("y");
        assertThat(form.formula.getValue()).isEqualTo("max(x, y)");
        form.name.setValue("m");
        form.add.click();
        roundtrip();
        assertThat(view.presenter().shared().sheet().value("m")).isEqualTo(5.0);
        // "Why this gradient?" for y shows m's rule: y = 5 is the larger, so ∂m/∂y = 1
        var term = view.presenter().shared().sheet().explain("y").terms().stream().filter(t -> t.user().equals("m")).findFirst().orElseThrow();
        assertThat(term.local()).isEqualTo(1.0);
        assertThat(term.rule()).startsWith("max passes it to the larger argument");
        form.name.setValue("1bad");
        form.formula.setValue("pow(x, 2)");
        form.add.click();
        assertThat(form.name.isInvalid()).isTrue(); // a NAME refusal goes next to the name
        assertThat(form.formula.isInvalid()).isFalse();
    }

    @Test
    void refusedNewCellsAreExplainedAndChangeNothing() {
        SheetView view = openStart();
        AddCellForm form = view.addForm();
        Sheet sheet = view.presenter().shared().sheet();
        long version = sheet.version();
        form.name.setValue("q");
        form.formula.setValue("x * 2");
        form.add.click();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("a cell named q already exists");

        form.name.setValue("n");
        form.formula.setValue("sigmoid(x");
        form.add.click();
        assertThat(form.name.isInvalid()).isFalse();
        assertThat(form.formula.isInvalid()).isTrue();
        assertThat(form.formula.getErrorMessage()).isNotBlank();

        form.formula.setValue("unknown * 2");
        form.add.click();
        assertThat(form.formula.getErrorMessage()).contains("unknown");

        form.name.setValue("3bad");
        form.formula.setValue("x");
        form.add.click();
        assertThat(form.name.getErrorMessage()).contains("not a valid name");
        assertThat(sheet.version()).isEqualTo(version);
        assertThat(sheet.size()).isEqualTo(7);
    }

    @Test
    void refusedRenameAndDeleteFromTheCellPanel() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        CellPanel panel = view.cellPanel();
        view.cellGrid().select("q");
        roundtrip();
        assertThat(panel.shown()).isEqualTo("q");

        panel.delete.click();
        assertThat(panel.actionError.getText()).isEqualTo("cannot delete q: used by f");
        assertThat(sheet.cell("q")).isPresent();

        panel.renameField.setValue("f");
        panel.rename.click();
        assertThat(panel.renameField.isInvalid()).isTrue();
        assertThat(panel.renameField.getErrorMessage()).isEqualTo("a cell named f already exists");
        panel.renameField.setValue("  ");
        panel.rename.click();
        assertThat(panel.renameField.getErrorMessage()).isEqualTo("enter a new name");
        assertThat(sheet.names()).containsExactly("x", "y", "z", "q", "f", "t", "L");
    }

    @Test
    void renameAndDelete() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        CellPanel panel = view.cellPanel();
        view.cellGrid().select("q");
        roundtrip();
        panel.renameField.setValue("s");
        panel.rename.click();
        roundtrip();
        assertThat(panel.renameField.isInvalid()).isFalse();
        assertThat(shown(view, "f", "formula")).isEqualTo("s * z");
        assertThat(panel.shown()).isEqualTo("s");

        sheet.addCell("extra", "x * 2");
        roundtrip();
        view.cellGrid().select("extra");
        roundtrip();
        panel.delete.click();
        roundtrip();
        assertThat(sheet.cell("extra")).isEmpty();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(view.cellGrid().grid())).isEqualTo(7);
        assertThat(panel.shown()).isNull();
    }

    @Test
    void chooseTheObjective() {
        SheetView view = openStart();
        Sheet sheet = view.presenter().shared().sheet();
        HasValueUtilsKt._setValue(view.toolbar().objective, "f");
        roundtrip();
        assertThat(sheet.objective()).isEqualTo("f");
        assertThat(view.cellGrid().headerTooltip("grad")).startsWith("df/d·");
        assertThat(shown(view, "z", "grad")).isEqualTo("3");
        assertThat(shown(view, "q", "grad")).isEqualTo("-4");

        view.cellGrid().select("q");
        roundtrip();
        view.cellPanel().makeObjective.click();
        roundtrip();
        assertThat(sheet.objective()).isEqualTo("q");
        assertThat(view.toolbar().objective.getValue()).isEqualTo("q");
        assertThat(shown(view, "x", "grad")).isEqualTo("1");
    }

    @Test
    void whyThisGradientWritesOutTheChainRule() {
        SheetView view = openStart();
        CellPanel panel = view.cellPanel();
        assertThat(panel.title.getText()).isEqualTo("Why this gradient? Select a cell.");
        view.cellGrid().select("q");
        roundtrip();
        assertThat(panel.title.getText()).isEqualTo("Why is dL/dq = 16?");
        assertThat(panel.equation.getText()).isEqualTo("dL/dq = dL/df · ∂f/∂q = (-4)·(-4) = 16");
        assertThat(BasicUtilsKt.get_textRecursively(panel.terms))
                .contains("via f (mul): upstream dL/df · local ∂f/∂q = (-4)·(-4) = 16 — × multiplies it by the other input");

        view.cellGrid().select("x");
        roundtrip();
        assertThat(panel.equation.getText()).isEqualTo("dL/dx = dL/dq · ∂q/∂x = (16)·(1) = 16");
        assertThat(BasicUtilsKt.get_textRecursively(panel.terms)).contains("+ passes the gradient through unchanged");

        // the explanation follows edits live
        view.presenter().shared().sheet().setValue("z", -3);
        roundtrip();
        assertThat(panel.equation.getText()).isEqualTo("dL/dx = dL/dq · ∂q/∂x = (-6)·(1) = -6");

        view.cellGrid().select("L");
        roundtrip();
        assertThat(panel.note.getText()).isEqualTo("L is the objective: its gradient with respect to itself is 1.");
    }

    @Test
    void graphPictureShowsTheDagAndSelectsBothWays() {
        SheetView view = openStart();
        GraphModel.Picture picture = view.graph().picture();
        assertThat(picture.nodes()).extracting(GraphModel.Node::id)
                .containsExactlyInAnyOrder("x", "y", "z", "q", "f", "t", "L");
        assertThat(picture.edges()).containsExactlyInAnyOrder(
                new GraphModel.Edge("x", "q"), new GraphModel.Edge("y", "q"), new GraphModel.Edge("q", "f"),
                new GraphModel.Edge("z", "f"), new GraphModel.Edge("f", "L"), new GraphModel.Edge("t", "L"));
        assertThat(picture.node("q").label()).isEqualTo("q = 3\ngrad 16");
        assertThat(picture.node("z").classes()).contains("weight").contains("gneg");
        assertThat(picture.node("L").classes()).contains("objective");
        assertThat(picture.neighbourhood()).isFalse();

        // click a node: its row is selected
        BasicUtilsKt._fireEvent(view.graph(), new GraphView.NodeClickEvent(view.graph(), true, "q"));
        roundtrip();
        assertThat(view.cellGrid().selectedName()).isEqualTo("q");
        assertThat(view.cellPanel().shown()).isEqualTo("q");
        assertThat(view.graph().picture().selected()).isEqualTo("q");

        // select a row: its node is selected
        view.cellGrid().select("z");
        roundtrip();
        assertThat(view.graph().picture().selected()).isEqualTo("z");

        // live values
        view.sgdPanel().apply.click();
        roundtrip();
        assertThat(view.graph().picture().node("f").label()).isEqualTo("f = -11.64\ngrad -3.28");
        assertThat(view.graph().picture().node("f").classes()).contains("flash");
    }

    @Test
    void biggerSheetsCollapseFormulaStepsInTheGraph() {
        SheetView view = openStart();
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID(view.toolbar().menu, "example-two-layer");
        roundtrip();
        SheetView net = com.github.mvysny.kaributesting.v10.LocatorJ._get(SheetView.class);
        assertThat(net.graphPage().showSteps.getValue()).isFalse();
        GraphModel.Picture picture = net.graph().picture();
        assertThat(picture.nodes()).extracting(GraphModel.Node::id).contains("h1", "w11", "y", "L")
                .doesNotContain("h1.1", "h1.4", "y.3");
        assertThat(picture.nodes()).hasSize(16);
        assertThat(picture.edges()).contains(new GraphModel.Edge("w11", "h1"), new GraphModel.Edge("x1", "h1"),
                new GraphModel.Edge("h1", "y"), new GraphModel.Edge("y", "L"));
        assertThat(picture.edges()).noneMatch(e -> e.source().equals(e.target()));
        // a step's row selects its owner's node
        net.cellGrid().select("h1.2");
        roundtrip();
        assertThat(net.graph().picture().selected()).isEqualTo("h1");

        net.graphPage().showSteps.setValue(true);
        roundtrip();
        assertThat(net.graph().picture().nodes()).hasSize(27);
        assertThat(net.graph().picture().edges()).contains(new GraphModel.Edge("w11", "h1.1"),
                new GraphModel.Edge("h1.4", "h1"));
    }

    @Test
    void buildASheetCellByCellFromAnEmptyOne() {
        SheetView view = openStart();
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID(view.toolbar().menu, "example-empty");
        roundtrip();
        SheetView empty = com.github.mvysny.kaributesting.v10.LocatorJ._get(SheetView.class);
        Sheet sheet = empty.presenter().shared().sheet();
        assertThat(sheet.size()).isZero();
        assertThat(empty.cellPanel().title.getText()).isEqualTo("Why this gradient? Select a cell.");
        empty.sgdPanel().apply.click();
        assertThat(empty.sgdPanel().error.getText()).startsWith("this sheet has no weight to train");

        AddCellForm form = empty.addForm();
        String[][] cells = {{"x", "input(2)"}, {"w", "weight(0.5)"}, {"b", "weight(0)"}, {"p", "sigmoid(w * x + b)"},
                {"t", "input(1)"}, {"L", "bce(p, t)"}};
        for (String[] c : cells) {
            form.name.setValue(c[0]);
            form.formula.setValue(c[1]);
            form.add.click();
            roundtrip();
            assertThat(form.formula.isInvalid()).as(c[0]).isFalse();
        }
        // the first formula, p, became the objective (and the form said so), then the loss took it over
        assertThat(sheet.objective()).isEqualTo("L");
        assertThat(empty.toolbar().objective.getValue()).isEqualTo("L");
        // cross-entropy after a sigmoid: dL/dz = p - t at the pre-activation
        double p = 1 / (1 + Math.exp(-1.0));
        assertThat(sheet.grad("w")).isCloseTo((p - 1) * 2, org.assertj.core.data.Offset.offset(1e-9));
        empty.sgdPanel().apply.click();
        roundtrip();
        assertThat(empty.sgdPanel().result.getText()).startsWith("1 step at lr 0.01: L ");
        assertThat(empty.graph().picture().nodes()).extracting(GraphModel.Node::id).contains("x", "w", "p", "L");
    }
}
