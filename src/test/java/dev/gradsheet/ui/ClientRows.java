package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a browser's grid would show, rebuilt from what the server sends it: starts from the rows as
 * they were loaded, then applies every row update ({@code $connector.updateFlatData}) in the order a
 * response carries them. Each row is kept as the exact value and gradient of its tooltips.
 */
final class ClientRows {
    /** name → "value tooltip | gradient tooltip". */
    final Map<String, String> rows = new TreeMap<>();

    /** The rows as the page first loaded them. */
    ClientRows(Sheet sheet) {
        rows.putAll(expected(sheet));
    }

    /** A round trip of this thread's UI, recording the row updates its response carries. */
    void roundtrip() {
        readResponse();
        // the page's tasks are handed to it off the thread that made them: take every batch there is
        KaribuTestBase.settle(this::readResponse, false); // the grid's rows; pictures do not matter here
    }

    private void readResponse() {
        MockVaadin.runUIQueue();
        UI ui = UI.getCurrent();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        for (var inv : ui.getInternals().dumpPendingJavaScriptInvocations()) {
            if (!inv.getInvocation().getExpression().contains("$connector.updateFlatData")) {
                continue;
            }
            for (Object p : inv.getInvocation().getParameters()) {
                if (p instanceof JsonArray items) {
                    for (int i = 0; i < items.length(); i++) {
                        JsonObject row = items.getObject(i);
                        JsonObject tips = row.getObject("gridtooltips");
                        rows.put(row.getString("col0"), tips.getString("col3") + " | " + tips.getString("col4"));
                    }
                }
            }
        }
    }

    /** The rows the sheet's current cells should show, in the same form. */
    static Map<String, String> expected(Sheet sheet) {
        return sheet.read(() -> {
            Map<String, String> out = new TreeMap<>();
            String objective = sheet.objective();
            for (Cell c : sheet.cells()) {
                out.put(c.name(), c.name() + " = " + Format.exact(c.value()) + " | d" + objective + "/d" + c.name()
                        + " = " + Format.exact(c.grad()));
            }
            return out;
        });
    }
}
