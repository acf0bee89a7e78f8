package dev.gradsheet.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A teacher's "Make assignment" dialog on a sheet: its title and the cells whose gradients it asks. */
public final class AssignmentDialog extends PagePart {
    AssignmentDialog(WebDriver driver) {
        super(driver);
    }

    /**
     * Fills in the title and the cells asked ("x, y, z"), presses Create, and answers the students'
     * link to the assignment.
     */
    public String create(String title, String cells) {
        typeWhenShown("#assign-title input", title, 60);
        typeWhenShown("#assign-cells input", cells, 60);
        clickWhenShown("assign-create", 30);
        return waitUpTo(30).withMessage("the assignment's link should be shown").until(d -> d.findElements(By.id("assign-link"))
                .stream().findFirst().map(e -> e.getDomAttribute("href")).orElse(null));
    }
}
