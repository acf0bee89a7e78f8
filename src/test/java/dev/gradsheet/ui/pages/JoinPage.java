package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;

/** {@code /join}: a student joins a class with its code and a name, and lands on their own page ({@code /my}). */
public final class JoinPage extends PagePart {
    private JoinPage(WebDriver driver) {
        super(driver);
    }

    /** Opens {@code url} (the app's {@code /join}) in {@code driver}. */
    public static JoinPage open(WebDriver driver, String url) {
        driver.get(url);
        return new JoinPage(driver);
    }

    /** Joins with {@code code} as {@code name}; answers the student's page. */
    public StudentHomePage join(String code, String name) {
        typeWhenShown("#join-code", code, 60);
        typeWhenShown("#join-name", name, 60);
        clickWhenShown("join-submit", 30);
        waitForAddress(60, "the student's page /my", address -> address.endsWith("/my"));
        return new StudentHomePage(driver);
    }
}
