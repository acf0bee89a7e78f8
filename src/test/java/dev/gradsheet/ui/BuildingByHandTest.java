package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The add-cell form as a student building a neuron by hand uses it: Enter, the next name, the objective said once. */
class BuildingByHandTest extends KaribuTestBase {
    private SheetView openEmpty() throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse("", "empty.sheet"));
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        return _get(SheetView.class);
    }

    /** Whether the page was asked to focus {@code c} since the last call (and forgets what it was asked). */
    private static boolean focusAsked(Component c) {
        // a component's JavaScript calls join the response only when it is about to be written
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> pending = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        return pending.stream().anyMatch(i -> i.getOwner() == c.getElement().getNode()
                && i.getInvocation().getExpression().contains("focus"));
    }

    private static void enter(AddCellForm form, String name, String formula) {
        form.name.setValue(name);
        form.formula.setValue(formula);
        form.add(); // what Enter in either field does (the button's click shortcut)
    }

    @Test
    void enterAddsTheCellAndPutsTheCaretBackInNewCell() throws Exception {
        SheetView view = openEmpty();
        AddCellForm form = view.addForm();
        focusAsked(form.name); // forget what opening the page asked for
        enter(form, "x", "input(2)");
        assertThat(view.presenter().cell("x")).isPresent();
        assertThat(form.name.getValue()).isEmpty();
        assertThat(form.formula.getValue()).isEmpty();
        assertThat(focusAsked(form.name)).isTrue();

        // a refused cell keeps what was typed and the caret where it was
        enter(form, "bad", "x +");
        assertThat(form.formula.isInvalid()).isTrue();
        assertThat(form.name.getValue()).isEqualTo("bad");
        assertThat(focusAsked(form.name)).isFalse();

        // a bare number asks input or weight; the answer adds it and the caret goes back to New cell too
        enter(form, "w", "0.5");
        assertThat(form.kindRow.isVisible()).isTrue();
        focusAsked(form.name);
        form.addNumber(true);
        assertThat(view.presenter().cell("w").orElseThrow().isWeight()).isTrue();
        assertThat(focusAsked(form.name)).isTrue();
    }

    @Test
    void theObjectiveFollowsTheNewestLossAndTheFormSaysSoOnce() throws Exception {
        SheetView view = openEmpty();
        AddCellForm form = view.addForm();
        enter(form, "x", "input(2)");
        enter(form, "w", "weight(0.5)");
        enter(form, "p", "sigmoid(w * x)");
        roundtrip();
        assertThat(view.presenter().objective()).isEqualTo("p");
        assertThat(form.notice.getText()).startsWith("p is the objective now. Until you pick one");
        enter(form, "t", "input(1)");
        assertThat(form.notice.getText()).isEmpty(); // the message went with the next action
        enter(form, "L", "bce(p, t)");
        roundtrip();
        assertThat(view.presenter().objective()).isEqualTo("L");
        assertThat(form.notice.getText()).isEmpty(); // said once
        assertThat(view.toolbar().objective.getValue()).isEqualTo("L");
        assertThat(SheetViewTest.shown(view, "w", "grad")).isNotEqualTo("0");
    }
}
