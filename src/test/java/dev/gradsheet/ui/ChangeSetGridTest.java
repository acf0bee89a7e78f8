package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Examples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grid updates its rows from the change set's own numbers, never by reading the
 * changed cells again from the sheet, and when several change sets arrive in one round trip each row
 * shows the newest numbers, whatever order they are handled in.
 *
 * <p>To tell "from the change set" apart from "re-read from the sheet", the change sets here come
 * from a second sheet with the same cells (the worked example) whose numbers differ from the page's
 * own sheet: whatever the page then shows can only have come from the change set.
 */
class ChangeSetGridTest extends KaribuTestBase {

    @Test
    void theGridShowsTheNumbersItsChangeSetCarriesNotTheSheets() {
        SheetView view = openStart();
        Sheet pageSheet = view.presenter().shared().sheet();
        ClientRows page = new ClientRows(pageSheet);
        page.roundtrip();
        Sheet copy = Examples.WORKED.load().sheet();
        List<ChangeSet> changes = new ArrayList<>();
        copy.changes().subscribe(changes::add);
        copy.setValue("z", 7); // f = 3·7 = 21 there; the page's sheet keeps z = −4, f = −12

        view.cellGrid().apply(changes.get(0));
        page.roundtrip();

        assertThat(pageSheet.value("z")).isEqualTo(-4.0);
        assertThat(page.rows.get("z")).startsWith("z = 7 |");
        assertThat(page.rows.get("f")).startsWith("f = 21 |");
        // a row the change does not list keeps what the page had
        assertThat(page.rows.get("x")).startsWith("x = -2 |");
    }

    @Test
    void twoChangeSetsInOneRoundTripLeaveTheNewestNumbersInEitherOrder() {
        SheetView view = openStart();
        ClientRows page = new ClientRows(view.presenter().shared().sheet());
        page.roundtrip();
        Sheet copy = Examples.WORKED.load().sheet();
        List<ChangeSet> changes = new ArrayList<>();
        copy.changes().subscribe(changes::add);
        copy.setValue("z", 7);
        copy.setValue("z", 9);
        assertThat(changes.get(1).version()).isGreaterThan(changes.get(0).version());

        // newest first, as a push queued behind this tab's own request can be handled
        view.cellGrid().apply(changes.get(1));
        view.cellGrid().apply(changes.get(0));
        page.roundtrip();

        assertThat(page.rows.get("z")).startsWith("z = 9 |");
        assertThat(page.rows.get("f")).startsWith("f = 27 |");
    }
}
