package dev.gradsheet.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The sheet's access bar: who may edit (a new sheet's link is view-only for other browsers until its
 * owner opens it), and a student's Hand in on an assignment's copy.
 */
public final class AccessPart extends PagePart {
    AccessPart(WebDriver driver) {
        super(driver);
    }

    /**
     * As the sheet's owner, lets anyone with the link edit (as for group work), then waits until the
     * pages of {@code others} on the same link say so.
     */
    public void letAnyoneWithTheLinkEdit(SheetPage... others) {
        click("link-mode");
        WebElement edit = waitUpTo(10).withMessage("the link mode 'anyone can edit' should be offered")
                .until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().strip().equals("Link: anyone can edit")).findFirst().orElse(null));
        edit.click();
        for (SheetPage other : others) {
            other.access().waitForText("Anyone with the link can edit this sheet.");
        }
    }

    /** What the bar says about who may edit. */
    public String text() {
        return textIfPresent("access-text");
    }

    public void waitForText(String expected) {
        waitUpTo(20).withMessage(() -> "the access bar should say '" + expected + "', says '" + text() + "'")
                .until(d -> expected.equals(text()));
    }

    /** Hands the student's copy in and waits until the bar says so ("Handed in …"). */
    public void handIn() {
        waitUpTo(30).withMessage("Hand in should be shown").until(d -> isShown("hand-in"));
        click("hand-in");
        waitUpTo(20).withMessage(() -> "the copy should be handed in: " + textContent("hand-in-status"))
                .until(d -> textContent("hand-in-status") != null && textContent("hand-in-status").strip().startsWith("Handed in"));
    }

    /** Opens the dialog that makes an assignment of this sheet (a teacher's). */
    public AssignmentDialog makeAssignment() {
        waitUpTo(30).withMessage("Make assignment should be shown").until(d -> isShown("make-assignment"));
        click("make-assignment");
        return new AssignmentDialog(driver);
    }
}
