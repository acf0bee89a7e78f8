package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;

/** {@code /my}: a student's classes and assignments; opening one gives the student a copy of their own. */
public final class StudentHomePage extends PagePart {
    StudentHomePage(WebDriver driver) {
        super(driver);
    }

    /** Opens assignment {@code assignmentId} and answers the student's copy of its sheet. */
    public SheetPage openAssignment(String assignmentId) {
        clickWhenShown("open-" + assignmentId, 30);
        waitForAddress(60, "a sheet's", address -> address.contains("/sheet/"));
        return new SheetPage(driver);
    }
}
