package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** "Why this gradient?": the selected cell's explanation — its title, the chain-rule equation, the terms. */
public final class WhyPart extends PagePart {
    WhyPart(WebDriver driver) {
        super(driver);
    }

    public String title() {
        return text("why-title");
    }

    public String equation() {
        return text("why-equation");
    }

    /** Waits until the title reads {@code expected}. */
    public void waitForTitle(String expected) {
        waitUpTo(20).withMessage(() -> "the explanation's title should be '" + expected + "', is '" + title() + "'")
                .until(d -> expected.equals(title()));
    }

    /** Waits until the title contains {@code part} (a cell's name, say). */
    public void waitForTitleContaining(String part) {
        waitUpTo(20).withMessage(() -> "the explanation's title should contain '" + part + "', is '" + title() + "'")
                .until(d -> title().contains(part));
    }

    public void waitForTitleStartingWith(String start) {
        waitUpTo(20).withMessage(() -> "the explanation's title should start with '" + start + "', is '" + title() + "'")
                .until(d -> title().startsWith(start));
    }

    public void waitForEquation(String expected) {
        waitUpTo(20).withMessage(() -> "the equation should be '" + expected + "', is '" + equation() + "'")
                .until(d -> expected.equals(equation()));
    }

    /** The terms of the chain under the equation. */
    public List<WebElement> terms() {
        return driver.findElements(By.cssSelector("#why-terms li"));
    }

    public WebElement titleElement() {
        return byId("why-title");
    }

    public WebElement equationElement() {
        return byId("why-equation");
    }

    public WebElement firstTerm() {
        return driver.findElement(By.cssSelector("#why-terms li"));
    }
}
