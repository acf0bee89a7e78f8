package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.ui.common.Format;
import dev.gradsheet.ui.pages.CellTyping;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every keystroke lands: on a server that answers every message of the page 300 ms late (as a busy
 * one did for a class), typing a number into a cell at 30 keys a second and pressing Enter commits
 * exactly the text typed — the keys typed before the editor opened are kept by the browser and typed
 * into it. The numbers are long enough (up to 14 keys, half a second) for the editor to open while
 * they are typed: without the browser keeping the keys, the ones typed around that moment were lost
 * or put in the wrong place (on a busy class's server "-3.847" was committed as "-347").
 */
@TestPropertySource(properties = "gradsheet.test.delay-requests=300ms")
class TypingOnABusyServerIT extends BrowserTestBase {
    @Autowired
    SheetRegistry registry;

    @Test
    void numbersTypedAtThirtyKeysASecondOnASlowServerAreCommittedExactly() throws Exception {
        WebDriver b = newBrowser();
        b.get(url(""));
        waitFor(b, 120).until(d -> d.getCurrentUrl().contains("/sheet/"));
        waitForWorkedExample(b);
        String id = b.getCurrentUrl().replaceAll("^.*/sheet/([^/?#]+).*$", "$1");
        SharedSheet shared = registry.find(id).orElseThrow();
        CellTyping grid = new CellTyping(b);
        for (String typed : List.of("-3.847", "-3.14159265", "12.5", "-0.0001234567", "271.8281828", "-7", "-42.1250000001")) {
            double wanted = Double.parseDouble(typed);
            double before = shared.sheet().value("z");
            grid.select("z");
            grid.type(typed, 30);
            waitFor(b, 30).withMessage(() -> "typed " + typed + ": nothing was committed")
                    .until(d -> shared.sheet().value("z") != before);
            assertThat(shared.sheet().value("z")).as("committed after typing %s", typed).isEqualTo(wanted);
            waitFor(b, 30).withMessage(() -> "typed " + typed + ", the grid shows " + grid.shown("z", CellTyping.VALUE))
                    .until(d -> Format.readable(wanted).equals(grid.shown("z", CellTyping.VALUE)));
        }
        assertThat(shared.sheet().value("z")).isEqualTo(-42.1250000001);
    }
}
