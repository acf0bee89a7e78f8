package dev.gradsheet.ui.pages;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The "Add a cell" tab: name, formula, Add; for a bare number the question "input or weight?". */
public final class AddCellPart extends PagePart {
    AddCellPart(WebDriver driver) {
        super(driver);
    }

    /** Waits until the form is shown (its tab was chosen). */
    public AddCellPart waitUntilShown() {
        awaitShown("add-name", 10);
        return this;
    }

    /** Types the new cell's name and formula (replacing what the fields held) and presses Add. */
    public void add(String name, String formula) {
        replaceIn("add-name", name);
        replaceIn("add-formula", formula);
        click("add-cell");
    }

    /** Waits for the question a bare number asks, and answers its text. */
    public String waitForKindQuestion() {
        awaitShown("add-kind-question", 10);
        return firstLine("add-kind-question");
    }

    /** Answers the question: a weight. */
    public void answerWeight() {
        click("add-as-weight");
    }

    /** The notice under the form ("p is the objective now…"). */
    public String notice() {
        return firstLine("add-notice");
    }

    public WebElement nameField() {
        return byId("add-name");
    }

    public WebElement addButton() {
        return byId("add-cell");
    }
}
