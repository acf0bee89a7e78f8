package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.common.Format;
import dev.gradsheet.ui.pages.CellTyping;
import dev.gradsheet.ui.pages.SheetPage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every keystroke lands: on a server that handles every message of the page 300 ms late (as a busy
 * one did for a class), typing a number into a cell at 30 keys a second and pressing Enter commits
 * exactly the text typed. The numbers are long enough (up to 14 keys, half a second) for the editor
 * to open while they are typed: the keys typed on the cell before its editor had the focus travel in
 * order as key events and are added to what was typed, the later ones go into the editor's field.
 *
 * <p>Not yet true every time: about one run in three a number comes out mixed (typed -0.0001234567,
 * committed -0.76), so this runs with the probes ({@code -Pspeed -Dit.test=TypingOnABusyServerProbe})
 * until the editor keeps every key in the browser; then it belongs in {@code mvn verify} again.
 */
@TestPropertySource(properties = "gradsheet.test.delay-requests=300ms")
class TypingOnABusyServerProbe extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    @Test
    void numbersTypedAtThirtyKeysASecondOnASlowServerAreCommittedExactly() throws Exception {
        SheetPage page = workedExample();
        WebDriver b = page.driver();
        waitFor(b, 30).until(d -> d.getCurrentUrl().contains("/sheet/"));
        String id = page.link().replaceAll("^.*/sheet/([^/?#]+).*$", "$1");
        SharedSheet shared = registry.find(id).orElseThrow();
        CellTyping typing = new CellTyping(b);
        for (String typed : List.of("-3.847", "-3.14159265", "12.5", "-0.0001234567", "271.8281828", "-7", "-42.1250000001")) {
            double wanted = Double.parseDouble(typed);
            double before = shared.sheet().value("z");
            typing.typeValue("z", typed, 30);
            waitFor(b, 30).withMessage(() -> "typed " + typed + ": nothing was committed")
                    .until(d -> shared.sheet().value("z") != before);
            assertThat(shared.sheet().value("z")).as("committed after typing %s", typed).isEqualTo(wanted);
            page.grid().waitFor("z", VALUE, Format.readable(wanted), 30);
        }
        assertThat(shared.sheet().value("z")).isEqualTo(-42.1250000001);
    }
}
