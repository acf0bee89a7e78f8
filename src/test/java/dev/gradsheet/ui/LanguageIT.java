package dev.gradsheet.ui;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

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
        WebDriver browser = koreanBrowser();
        browser.get(url(""));
        waitForWorkedExample(browser);
        screenshot(browser, "sheet-ko-first");
        waitForText(browser, "undo", "실행 취소");
        assertThat(lang(browser)).isEqualTo("ko");
        assertThat(browser.findElement(By.id("why-title")).getText()).isEqualTo("이 기울기는 왜 이렇게 나올까요? 셀을 선택하세요.");
        assertThat(cell(browser, "z", GRAD)).isEqualTo("-12"); // numbers stay as they are
        editValue(browser, "z", "-3.5");
        waitForCell(browser, "z", VALUE, "-3.5", 20);
        waitForText(browser, "undo", "z = -3.5(으)로 설정 실행 취소");
        screenshot(browser, "sheet-ko");
        String sheet = browser.getCurrentUrl();

        browser.findElement(By.id("lang-en")).click();
        waitForText(browser, "undo", "Undo set z = -3.5");
        assertThat(lang(browser)).isEqualTo("en");
        assertThat(browser.getCurrentUrl()).isEqualTo(sheet);
        assertThat(cell(browser, "z", VALUE)).isEqualTo("-3.5"); // the sheet and its edit are still there

        browser.navigate().refresh();
        waitForWorkedExampleEdited(browser);
        waitForText(browser, "undo", "Undo set z = -3.5");
        assertThat(lang(browser)).isEqualTo("en");
        assertThat(browser.findElement(By.id("lang-en")).getAttribute("aria-pressed")).isEqualTo("true");

        browser.findElement(By.id("lang-ko")).click();
        waitForText(browser, "undo", "z = -3.5(으)로 설정 실행 취소");
        browser.navigate().refresh();
        waitForWorkedExampleEdited(browser);
        waitForText(browser, "undo", "z = -3.5(으)로 설정 실행 취소");
        assertThat(lang(browser)).isEqualTo("ko");
        assertThat(browser.findElement(By.id("lang-ko")).getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void anEnglishBrowserGetsEnglish() throws IOException {
        WebDriver browser = newBrowser();
        browser.get(url(""));
        waitForWorkedExample(browser);
        waitForText(browser, "undo", "Undo");
        assertThat(lang(browser)).isEqualTo("en");
    }

    private static void waitForWorkedExampleEdited(WebDriver browser) {
        waitForCell(browser, "z", VALUE, "-3.5", 60);
    }

    private static void waitForText(WebDriver browser, String id, String text) {
        waitFor(browser, 60).withMessage(() -> "#" + id + " should read " + text).until(d -> {
            Object shown = ((JavascriptExecutor) d).executeScript(
                    "const e = document.getElementById(arguments[0]); return e ? e.innerText.split('\\n')[0].trim() : null", id);
            return text.equals(shown);
        });
    }

    private static String lang(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang");
    }

    /** A fresh Chromium whose language is Korean: the UI language and Accept-Language. */
    private WebDriver koreanBrowser() throws IOException {
        return newBrowser("ko");
    }
}
