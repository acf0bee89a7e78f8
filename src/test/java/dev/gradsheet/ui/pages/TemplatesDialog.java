package dev.gradsheet.ui.pages;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** The training panel's templates dialog: a model (MLP, step neuron …), its sizes and data; Open makes it a new sheet. */
public final class TemplatesDialog extends PagePart {
    TemplatesDialog(WebDriver driver) {
        super(driver);
    }

    /**
     * Waits until the dialog is shown and its opening animation has ended (Vaadin's overlay drops its
     * {@code opening} attribute): until then its texts are drawn half-transparent.
     */
    TemplatesDialog waitUntilOpen() {
        awaitShown("template-open", 20);
        waitUntil(20, "the templates dialog should have finished opening", () -> Boolean.TRUE.equals(js(
                "return [...document.querySelectorAll('vaadin-dialog-overlay')].every(o => !o.hasAttribute('opening'))")));
        return this;
    }

    /** Chooses the model whose radio button's text contains {@code label}. */
    public void chooseKind(String label) {
        js("""
                for (const r of document.querySelectorAll('#template-kind vaadin-radio-button')) {
                  if (r.textContent.includes(arguments[0])) r.click();
                }""", label);
    }

    public void setHidden(String neurons) {
        fill("template-hidden", neurons);
    }

    public void pickActivation(String label) {
        pick("template-activation", label);
    }

    public void pickData(String label) {
        pick("template-data", label);
    }

    public String note() {
        return text("template-note");
    }

    public void waitForNote(String part) {
        waitUpTo(10).withMessage(() -> "the note should say '" + part + "': " + note()).until(d -> note().contains(part));
    }

    /**
     * Presses Open: the template becomes a new sheet, on a new link. Waits until the browser is
     * there and the sheet's table is loaded ({@code samples} rows), and answers the new page.
     */
    public SheetPage open(int samples) {
        SheetPage opened = openOnly();
        opened.training().waitForSamples(samples, 20);
        return opened;
    }

    /** Presses Open and waits until the browser is on the new sheet's link (its table may still be loading). */
    public SheetPage openOnly() {
        String from = driver.getCurrentUrl();
        click("template-open");
        waitUpTo(30).withMessage("the template should open on a new link").until(d -> !d.getCurrentUrl().equals(from));
        return new SheetPage(driver);
    }

    /** Closes the dialog with Esc and waits until it is gone. */
    public void close() {
        press(Keys.ESCAPE);
        waitUpTo(10).withMessage("the templates dialog should close").until(d -> !isPresent("template-open"));
    }
}
