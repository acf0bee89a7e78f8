package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;

/**
 * The start page {@code /}: it sends a browser back to the sheet it worked on last (its session or
 * cookie), or gives a new visitor a fresh copy of the worked example on a link of its own.
 */
public final class StartPage {
    private StartPage() {
    }

    /** Opens {@code baseUrl} (the server's root, "http://localhost:PORT/") and answers the sheet it leads to. */
    public static SheetPage visit(WebDriver driver, String baseUrl) {
        return SheetPage.open(driver, baseUrl);
    }

    /** Opens the start page as a new visitor and waits for the worked example. */
    public static SheetPage workedExample(WebDriver driver, String baseUrl) {
        return visit(driver, baseUrl).waitForWorkedExample();
    }
}
