package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;

/** "Step through" on the Graph tab: the forward and backward pass, one cell at a time. */
public final class StepThroughPart extends PagePart {
    StepThroughPart(WebDriver driver) {
        super(driver);
    }

    /** Starts at the first step and waits until it reads {@code firstStep}. */
    public void start(String firstStep) {
        click("step-start");
        waitForText("step-text", firstStep, 20);
    }

    /** Goes one step on and waits until the step's text has changed; answers the new text. */
    public String next() {
        String before = text();
        click("step-next");
        waitUpTo(20).withMessage("the step should move on from " + before).until(d -> !text().equals(before));
        return text();
    }

    /** What the current step says. */
    public String text() {
        return text("step-text");
    }

    /** Where the step is ("backward 7 of 7"). */
    public String position() {
        return text("step-position");
    }
}
