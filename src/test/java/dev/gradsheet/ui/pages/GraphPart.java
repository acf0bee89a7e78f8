package dev.gradsheet.ui.pages;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The Graph tab: the picture of the computation graph (Cytoscape on a canvas, so nodes are reached
 * through its own API and its {@code report()}), its zoom buttons, "Show weights", and the picture's
 * text equivalent for the keyboard and screen readers.
 */
public final class GraphPart extends PagePart {
    GraphPart(WebDriver driver) {
        super(driver);
    }

    /** How many nodes the picture draws, or null before it is drawn. */
    public String nodes() {
        return byId("graph").getAttribute("nodes");
    }

    /** Waits until the picture draws {@code count} nodes. */
    public void waitForNodes(int count) {
        waitUpTo(20).withMessage(() -> "the graph should draw " + count + " nodes, draws " + nodes())
                .until(d -> String.valueOf(count).equals(nodes()));
    }

    /** Waits until the picture is drawn, and answers how many nodes it draws. */
    public int waitUntilDrawn() {
        waitUpTo(20).withMessage("the graph should be drawn").until(d -> nodes() != null);
        return Integer.parseInt(nodes());
    }

    /**
     * What the picture reports of itself: {@code width}, {@code height}, {@code zoom}, {@code pathEdges},
     * and {@code nodes}, each with {@code id}, {@code x}, {@code x1..y2}, {@code font}, {@code labelShown}, {@code path}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> report() {
        return (Map<String, Object>) js("return document.getElementById('graph').report()");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> nodes(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("nodes");
    }

    /** The picture's zoom as its report gives it. */
    public double zoom() {
        return ((Number) report().get("zoom")).doubleValue();
    }

    /** The zoom as Cytoscape holds it (what the keyboard's + and − change). */
    public double cytoscapeZoom() {
        return ((Number) js("return document.getElementById('graph')._cy.zoom()")).doubleValue();
    }

    public void zoomIn() {
        click("graph-zoom-in");
    }

    public void zoomOut() {
        click("graph-zoom-out");
    }

    public void fit() {
        click("graph-fit");
    }

    /** Turns the mouse wheel towards the screen over the middle of the picture (zooms in there). */
    public void wheelInAtTheMiddle() {
        js("""
                const c = document.querySelector('#graph canvas:last-of-type');
                const r = c.getBoundingClientRect();
                c.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 2,
                    clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
                """);
    }

    /** Taps node {@code cell} through the picture's own API (the canvas has no element per node). */
    public void tap(String cell) {
        js("document.getElementById('graph')._cy.getElementById(arguments[0]).emit('tap')", cell);
    }

    /** Ticks "Show weights" (every weight its own node). */
    public void toggleShowWeights() {
        driver.findElement(By.cssSelector("#show-weights input")).click();
    }

    /** The picture's outline style (its focus ring while it has the focus). */
    public String outlineStyle() {
        return (String) js("return getComputedStyle(document.getElementById('graph')).outlineStyle");
    }

    public WebElement element() {
        return byId("graph");
    }

    /** The text equivalent's line about the selected cell. */
    public String textSelected() {
        return text("graph-text-selected");
    }

    public void waitForTextSelected(String expected) {
        waitUpTo(20).withMessage(() -> "the graph's text should say '" + expected + "', says '" + textSelected() + "'")
                .until(d -> expected.equals(textSelected()));
    }

    /** The picture's geometry as drawn: its nodes and edges, the wheel over it, a click into it. */
    public GraphPicturePart picture() {
        return new GraphPicturePart(driver);
    }

    /** Gives the picture the keyboard focus: the wheel zooms it only then. */
    public void focusPicture() {
        js("document.getElementById('graph').focus()");
    }

    /** "Check numerically": the finite differences' column beside the gradients. */
    public void checkNumerically() {
        click("check-numerically");
    }
}
