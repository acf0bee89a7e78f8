package dev.gradsheet.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /teach}: a signed-in teacher's classes; a new class gets a six-letter join code. */
public final class TeacherHomePage extends PagePart {
    TeacherHomePage(WebDriver driver) {
        super(driver);
    }

    /** Makes a class named {@code name} and answers its join code. */
    public String createClass(String name) {
        typeWhenShown("#new-class-name input", name, 60);
        clickWhenShown("new-class-create", 30);
        return waitUpTo(30).withMessage("the class's code should be shown").until(d -> d.findElements(By.id("class-code"))
                .stream().findFirst().map(WebElement::getText).filter(t -> t.length() == 6).orElse(null));
    }
}
