package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;

/** The History tab: the sheet's saved revisions (read from the database), newest first, each with Restore. */
public final class HistoryPart extends PagePart {
    HistoryPart(WebDriver driver) {
        super(driver);
    }

    /** Waits until the History tab's page is shown. */
    public HistoryPart waitUntilShown() {
        awaitShown("history", 10);
        return this;
    }

    /** The list of revisions as text. */
    public String listed() {
        return text("history-grid");
    }

    /** Waits until the list contains {@code text} (the list reads the database after every autosave). */
    public void waitUntilListed(String text, int seconds) {
        waitUpTo(seconds).withMessage(() -> "the history should list '" + text + "': " + listed())
                .until(d -> listed().contains(text));
    }

    /** Presses Restore on revision {@code number}. */
    public void restore(int number) {
        click("restore-" + number);
    }

    public String message() {
        return text("history-message");
    }

    public void waitForMessage(String expected) {
        waitForText("history-message", expected, 10);
    }
}
