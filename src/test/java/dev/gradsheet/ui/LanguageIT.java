package dev.gradsheet.ui;

import static dev.gradsheet.ui.pages.GridPart.GRAD;
import static dev.gradsheet.ui.pages.GridPart.VALUE;

import dev.gradsheet.ui.pages.SheetPage;
import dev.gradsheet.ui.pages.StartPage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's language in real Chromium: a browser asking for Korean
 * ({@code --lang=ko}, {@code Accept-Language: ko}) gets the sheet in Korean with {@code <html lang="ko">}
 * (screenshot: {@code screenshots/sheet-ko.png} in the build folder, Korean glyphs from
 * {@code fonts-noto-cjk}); the switch goes to English and back, the choice survives a reload, and the
 * sheet with its edits stays as it was.
 */
class LanguageIT extends BrowserTestBase {

    @Test
    void koreanBrowserGetsKoreanAndTheSwitchKeepsTheChoice() throws IOException {
        SheetPage sheet = StartPage.workedExample(newBrowser("ko"), url(""));
        screenshot(sheet, "sheet-ko-first");
        sheet.waitForUndoShown("실행 취소");
        assertThat(sheet.lang()).isEqualTo("ko");
        assertThat(sheet.why().title()).isEqualTo("이 기울기는 왜 이렇게 나올까요? 셀을 선택하세요.");
        assertThat(sheet.grid().text("z", GRAD)).isEqualTo("-12"); // numbers stay as they are
        sheet.grid().editValue("z", "-3.5");
        sheet.grid().waitFor("z", VALUE, "-3.5", 20);
        sheet.waitForUndoShown("z = -3.5(으)로 설정 실행 취소");
        screenshot(sheet, "sheet-ko");
        String link = sheet.link();

        sheet.switchLanguage("en");
        sheet.waitForUndoShown("Undo set z = -3.5");
        assertThat(sheet.lang()).isEqualTo("en");
        assertThat(sheet.link()).isEqualTo(link);
        assertThat(sheet.grid().text("z", VALUE)).isEqualTo("-3.5"); // the sheet and its edit are still there

        sheet.driver().navigate().refresh();
        sheet.grid().waitFor("z", VALUE, "-3.5", 60);
        sheet.waitForUndoShown("Undo set z = -3.5");
        assertThat(sheet.lang()).isEqualTo("en");
        assertThat(sheet.languagePressed("en")).isEqualTo("true");

        sheet.switchLanguage("ko");
        sheet.waitForUndoShown("z = -3.5(으)로 설정 실행 취소");
        sheet.driver().navigate().refresh();
        sheet.grid().waitFor("z", VALUE, "-3.5", 60);
        sheet.waitForUndoShown("z = -3.5(으)로 설정 실행 취소");
        assertThat(sheet.lang()).isEqualTo("ko");
        assertThat(sheet.languagePressed("ko")).isEqualTo("true");
    }

    @Test
    void anEnglishBrowserGetsEnglish() throws IOException {
        SheetPage sheet = workedExample();
        sheet.waitForUndoShown("Undo");
        assertThat(sheet.lang()).isEqualTo("en");
    }
}
