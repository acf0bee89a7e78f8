package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The training panel's network view (SVG): a circle per neuron and a line per weight, each with
 * {@code data-cell}; hovering a neuron enlarges its picture, clicking one selects its cell, and an
 * edge is clicked on the wider band over its line.
 */
public final class NetworkPart extends PagePart {
    NetworkPart(WebDriver driver) {
        super(driver);
    }

    private static By neuronOf(String cell) {
        return By.cssSelector("#network circle[data-cell='" + cell + "']");
    }

    private static By edgeOf(String cell) {
        return By.cssSelector("#network path.nv-hit[data-cell='" + cell + "']");
    }

    /** Waits until neuron {@code cell} is drawn. */
    public void waitForNeuron(String cell) {
        waitUpTo(20).withMessage("neuron " + cell + " should be drawn").until(d -> !d.findElements(neuronOf(cell)).isEmpty());
    }

    /** Waits until {@code count} neurons are drawn. */
    public void waitForNeurons(int count) {
        waitUpTo(20).withMessage(() -> count + " neurons should be drawn, are " + neurons())
                .until(d -> neurons() == count);
    }

    public int neurons() {
        return driver.findElements(By.cssSelector("#network circle[data-cell]")).size();
    }

    public int lines() {
        return driver.findElements(By.cssSelector("#network line")).size();
    }

    public WebElement neuron(String cell) {
        return driver.findElement(neuronOf(cell));
    }

    /** The x of neuron {@code cell}'s centre as drawn (neurons of one layer share it). */
    public String column(String cell) {
        return neuron(cell).getAttribute("cx");
    }

    /** Scrolls neuron {@code cell} into view and rests the mouse on it. */
    public void hover(String cell) {
        WebElement neuron = neuron(cell);
        scrollIntoView(neuron, "center");
        new Actions(driver).moveToElement(neuron).perform();
    }

    /** The CSS display of neuron {@code cell}'s enlarged picture (shown only while hovered). */
    public Object bigPictureDisplay(String cell) {
        return js("const c = document.querySelector(\"#network circle[data-cell='\" + arguments[0] + \"']\");"
                + " return getComputedStyle(c.parentNode.querySelector('.nv-big')).display", cell);
    }

    public void clickNeuron(String cell) {
        neuron(cell).click();
    }

    /** Clicks the band over edge {@code cell}'s line. */
    public void clickEdge(String cell) {
        driver.findElement(edgeOf(cell)).click();
    }

    /** The middle of edge {@code cell}'s band in the viewport and the band's height: [x, y, height]. */
    @SuppressWarnings("unchecked")
    public List<Number> edgeMiddle(String cell) {
        return (List<Number>) js("const r = document.querySelector(\"#network path.nv-hit[data-cell='\" + arguments[0]"
                + " + \"']\").getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.height];", cell);
    }

    /** A real click at ({@code x}, {@code y}) in the viewport. */
    public void clickAt(int x, int y) {
        new Actions(driver).moveToLocation(x, y).click().perform();
    }

    /** The view's text (its axis notes, "a →, b ↑"). */
    public String text() {
        return byId("network").getText();
    }

    public void scrollIntoView() {
        scrollIntoView(byId("network"), "center");
    }
}
