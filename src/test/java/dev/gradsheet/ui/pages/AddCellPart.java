package dev.gradsheet.ui.pages;

import org.openqa.selenium.Keys;
import org.openqa.selenium.By;
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

    /** JS: whether the keyboard focus is in the field with id arguments[0]. */
    private static final String FOCUSED_IN_JS = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            const field = document.getElementById(arguments[0]);
            return !!field && (a === field || field.contains(a));""";

    /**
     * Types the cell's name, Tab, its formula and Enter, as a person building by hand does: the
     * name goes where the caret is when it is in New cell already.
     */
    public void enter(String name, String formula) {
        WebElement nameInput = driver.findElement(By.cssSelector("#add-name input"));
        if (!focusedIn("add-name")) {
            nameInput.click();
        }
        nameInput.sendKeys(name, Keys.TAB);
        waitUntil(5, "Tab should go to Formula", () -> focusedIn("add-formula"));
        driver.findElement(By.cssSelector("#add-formula input")).sendKeys(formula, Keys.ENTER);
    }

    /** Waits at most {@code seconds} until the form is shown (a first page load may wait for the server). */
    public AddCellPart waitUntilShown(int seconds) {
        awaitShown("add-name", seconds);
        return this;
    }

    /** Whether the keyboard focus is in the field with id {@code id}. */
    public boolean focusedIn(String id) {
        return Boolean.TRUE.equals(js(FOCUSED_IN_JS, id));
    }

    /** Waits until the caret is in New cell, empty, ready for the next cell. */
    public void waitForCaretInNewCell() {
        waitUntil(10, "the caret should be back in New cell, empty", () -> focusedIn("add-name") && "".equals(valueOf("add-name")));
    }
}
