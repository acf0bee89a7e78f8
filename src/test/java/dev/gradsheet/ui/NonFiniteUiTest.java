package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** In the web sheet: NaN is marked and explained; an SGD step on it is refused. */
class NonFiniteUiTest extends KaribuTestBase {
    @Test
    void aNanCellIsMarkedExplainedAndSgdIsRefused() throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse("w = weight(-1)\nL = log(w)\n", "log.sheet"));
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        SheetView view = _get(SheetView.class);
        assertThat(SheetViewTest.shown(view, "L", "value")).isEqualTo("⚠ NaN");
        assertThat(SheetViewTest.shown(view, "w", "value")).isEqualTo("-1");
        view.cellPanel().show("L");
        assertThat(view.cellPanel().notFinite.isVisible()).isTrue();
        assertThat(view.cellPanel().notFinite.getText())
                .isEqualTo("L is NaN (not a number): the log of a negative number (w = -1)");
        view.cellPanel().show("w");
        assertThat(view.cellPanel().notFinite.isVisible()).isFalse();
        long version = shared.sheet().version();
        view.sgdPanel().apply.click();
        assertThat(view.sgdPanel().error.getText()).startsWith("the objective L is NaN").endsWith("nothing was changed");
        assertThat(shared.sheet().version()).isEqualTo(version);
        assertThat(shared.sheet().value("w")).isEqualTo(-1.0);
    }
}
