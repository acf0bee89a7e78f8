package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.gradsheet.ui.SheetViewTest.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Examples, upload, download, autosave, reload, restart and shared links. */
class OpenSaveTest extends KaribuTestBase {

    static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void examplesMenuOpensAnExampleAsANewSheet() {
        SheetView view = openStart();
        String first = view.presenter().shared().id();
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID(view.toolbar().menu, "example-cs231n-neuron");
        roundtrip();
        SheetView opened = _get(SheetView.class);
        assertThat(opened.presenter().shared().id()).isNotEqualTo(first);
        assertThat(path()).isEqualTo("sheet/" + opened.presenter().shared().id());
        assertThat(opened.presenter().sheetText()).isEqualTo(SheetFile.format(
                Examples.byId("cs231n-neuron").load().sheet(), Examples.byId("cs231n-neuron").load().description()));
        // the previous sheet is still at its link
        assertThat(registry.find(first)).isPresent();
    }

    @Test
    void uploadOpensAValidSheet() {
        SheetView view = openStart();
        String first = view.presenter().shared().id();
        UploadKt._upload(view.toolbar().upload, "mine.sheet", "text/plain",
                "a = input(2)\nw = weight(3)\np = a * w\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        SheetView opened = _get(SheetView.class);
        assertThat(opened.presenter().shared().id()).isNotEqualTo(first);
        assertThat(shown(opened, "p", "value")).isEqualTo("6");
    }

    @Test
    void badUploadListsLineNumberedErrorsAndKeepsTheSheet() {
        SheetView view = openStart();
        String first = view.presenter().shared().id();
        String before = view.presenter().sheetText();
        UploadKt._upload(view.toolbar().upload, "broken.sheet", "text/plain",
                "a = input(2)\nb = a * nope\nc = sigmoid(\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        SheetView still = _get(SheetView.class);
        assertThat(still.presenter().shared().id()).isEqualTo(first);
        assertThat(path()).isEqualTo("sheet/" + first);
        String errors = com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(still.toolbar().uploadErrors);
        assertThat(errors).contains("broken.sheet was not opened (the current sheet is unchanged)");
        assertThat(errors).contains("broken.sheet:2:");
        assertThat(still.presenter().sheetText()).isEqualTo(before);
    }

    @Test
    void tooLargeUploadIsRefused() {
        SheetView view = openStart();
        String first = view.presenter().shared().id();
        byte[] big = new byte[SheetToolbar.MAX_UPLOAD_BYTES + 10];
        java.util.Arrays.fill(big, (byte) '#');
        UploadKt._upload(view.toolbar().upload, "big.sheet", "text/plain", big);
        roundtrip();
        assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively(view.toolbar().uploadErrors))
                .contains("big.sheet is larger than 1000 kB");
        assertThat(_get(SheetView.class).presenter().shared().id()).isEqualTo(first);
        assertThat(view.toolbar().upload.getMaxFileSize()).isEqualTo(SheetToolbar.MAX_UPLOAD_BYTES);
    }

    @Test
    void downloadGivesTheSheetText() {
        SheetView view = openStart();
        view.presenter().shared().sheet().setValue("z", -3);
        assertThat(view.presenter().sheetText()).contains("z = weight(-3)\n").contains("L = mse(f, t)");
        assertThat(view.toolbar().download.getHref()).isNotBlank();
        assertThat(view.toolbar().download.getElement().getAttribute("download")).endsWith(".sheet");
    }

    @Test
    void editsAreAutosavedAndSurviveReloadAndRestart() throws Exception {
        SheetView view = openStart();
        String id = view.presenter().shared().id();
        view.presenter().shared().sheet().setValue("z", -3);
        await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                registry.store().text(id).filter(t -> t.contains("z = weight(-3)")).isPresent());

        // reload: the same link shows the edit
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("sheet/" + id);
        roundtrip();
        assertThat(shown(_get(SheetView.class), "z", "value")).isEqualTo("-3");

        // the start page sends this session back to its sheet
        UI.getCurrent().navigate("");
        roundtrip();
        assertThat(path()).isEqualTo("sheet/" + id);

        // restart: a new registry (empty memory) over the same data directory finds it
        SheetRegistry restarted = new SheetRegistry(DATA_DIR.toString());
        SharedSheet loaded = restarted.find(id).orElseThrow();
        assertThat(loaded.sheet().value("z")).isEqualTo(-3.0);
        assertThat(loaded.sheet().value("f")).isEqualTo(-9.0);
    }

    @Test
    void twoTabsOnOneLinkShareTheSheet() {
        SheetView view = openStart();
        String id = view.presenter().shared().id();
        SharedSheet shared = registry.find(id).orElseThrow();
        assertThat(shared).isSameAs(view.presenter().shared());
        // another session's tab edits; this tab sees it live
        shared.sheet().setValue("x", 0);
        roundtrip();
        assertThat(shown(view, "q", "value")).isEqualTo("5");
    }

    @Test
    void unknownOrMalformedIdsShowAMessageAndTouchNoFile() {
        UI.getCurrent().navigate("sheet/aaaaaaaaaaaaaaaa");
        roundtrip();
        assertThat(_get(Paragraph.class).getText()).isEqualTo("There is no sheet with this link.");
        UI.getCurrent().navigate("sheet/..%2F..%2Fetc%2Fpasswd");
        roundtrip();
        assertThat(_get(Paragraph.class).getText()).isEqualTo("There is no sheet with this link.");
        assertThat(SheetStore.isValidId("../../etc/passwd")).isFalse();
        assertThat(SheetStore.isValidId("ABCDEFGHIJKLMNOP")).isFalse();
        assertThat(SheetStore.isValidId(SheetStore.newId())).isTrue();
        assertThat(registry.find("../x")).isEmpty();
    }

    @Test
    void damagedSavedFileIsReportedNotThrown() throws Exception {
        String id = SheetStore.newId();
        registry.store().save(id, "a = b +\n");
        UI.getCurrent().navigate("sheet/" + id);
        roundtrip();
        assertThat(_get(Paragraph.class).getText()).startsWith("the saved sheet is damaged: ");
    }

    @Test
    void uploadedTextIsShownAsTextNeverHtml() {
        SheetView view = openStart();
        UploadKt._upload(view.toolbar().upload, "<img src=x onerror=alert(1)>.sheet", "text/plain",
                "# <b>bold?</b> <script>alert(1)</script>\na = input(2)\n".getBytes(StandardCharsets.UTF_8));
        roundtrip();
        SheetView opened = _get(SheetView.class);
        Paragraph description = _get(Paragraph.class, spec -> spec.withId("description"));
        assertThat(description.getText()).isEqualTo("<b>bold?</b> <script>alert(1)</script>");
        assertThat(description.getElement().getChildCount()).isEqualTo(1);
        assertThat(description.getElement().getChild(0).isTextNode()).isTrue(); // a text node, no elements
        assertThat(description.getElement().getProperty("innerHTML")).isNull();
        // a name that is not a name is refused, so markup cannot get into the grid either
        assertThat(opened.presenter().addCell("<b>x</b>", "a").error()).contains("not a valid name");
    }

    @Test
    void afterARestartTheCookieBringsTheBrowserBackToItsSheet() {
        SharedSheet saved = registry.create(Examples.byId("step-neuron").load());
        // a new session (as after a server restart) whose browser still has the cookie
        com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(SheetView.LAST_SHEET, null);
        var request = (com.github.mvysny.fakeservlet.FakeRequest)
                ((com.vaadin.flow.server.VaadinServletRequest) com.vaadin.flow.server.VaadinService.getCurrentRequest())
                        .getRequest();
        request.addCookie(new jakarta.servlet.http.Cookie(SheetView.LAST_SHEET_COOKIE, saved.id()));
        UI.getCurrent().navigate("");
        roundtrip();
        assertThat(path()).isEqualTo("sheet/" + saved.id());
    }

    @Test
    void aForgedCookieIsIgnored() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(SheetView.LAST_SHEET, null);
        var request = (com.github.mvysny.fakeservlet.FakeRequest)
                ((com.vaadin.flow.server.VaadinServletRequest) com.vaadin.flow.server.VaadinService.getCurrentRequest())
                        .getRequest();
        request.addCookie(new jakarta.servlet.http.Cookie(SheetView.LAST_SHEET_COOKIE, "..%2F..%2Fetc"));
        UI.getCurrent().navigate("");
        roundtrip();
        SheetView view = _get(SheetView.class);
        assertThat(path()).isEqualTo("sheet/" + view.presenter().shared().id());
        assertThat(view.presenter().shared().sheet().cell("f").orElseThrow().formula()).isEqualTo("q * z");
    }
}
