package dev.gradsheet.ui.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The sheet page's one-line head and one-line toolbar as laid out: on how many lines their parts
 * stand, where each part is, and undo's long label (cut to the button's width, whole in its tooltip).
 * What the buttons do is {@link SheetPage}'s.
 */
public final class ToolbarPart extends PagePart {
    /** The toolbar's parts a person uses, by id. */
    public static final List<String> TOOLBAR_IDS = List.of("undo", "redo", "sgd-lr", "sgd-steps", "sgd-apply", "objective",
            "upload", "export-menu", "examples-menu");
    /** The head's parts, by id. */
    public static final List<String> HEAD_IDS = List.of("status", "cell-count", "legend", "language-switch");
    private static final String LABEL_CUT_JS = """
            const label = document.getElementById(arguments[0]).shadowRoot.querySelector('[part=label]');
            return label.scrollWidth > label.clientWidth + 1;""";

    ToolbarPart(WebDriver driver) {
        super(driver);
    }

    public WebElement head() {
        return driver.findElement(By.cssSelector(".gs-head"));
    }

    /** The part with id {@code id} (one of {@link #TOOLBAR_IDS} or {@link #HEAD_IDS}). */
    public WebElement part(String id) {
        return byId(id);
    }

    /** Each toolbar part's box, by id. */
    public Map<String, Box> boxes() {
        Map<String, Box> out = new LinkedHashMap<>();
        for (String id : TOOLBAR_IDS) {
            out.put(id, box(byId(id)));
        }
        return out;
    }

    /** The lines the toolbar's parts stand on: 1 when no part sits under another. */
    public int toolbarLines() {
        return lines(TOOLBAR_IDS);
    }

    /** The lines the head's parts stand on. */
    public int headLines() {
        return lines(HEAD_IDS);
    }

    private int lines(List<String> ids) {
        double firstBottom = Double.MAX_VALUE;
        double lastTop = -Double.MAX_VALUE;
        for (String id : ids) {
            Box b = box(byId(id));
            firstBottom = Math.min(firstBottom, b.bottom());
            lastTop = Math.max(lastTop, b.top());
        }
        return lastTop >= firstBottom ? 2 : 1;
    }

    /** Undo's whole label (what the button says, however much of it its width shows; not its tooltip). */
    public String undoLabel() {
        return firstLine("undo").trim();
    }

    /** Redo's whole label. */
    public String redoLabel() {
        return firstLine("redo").trim();
    }

    /** Whether undo's label is cut with an ellipsis (wider than the button). */
    public boolean undoLabelCut() {
        return Boolean.TRUE.equals(js(LABEL_CUT_JS, "undo"));
    }

    /** Undo's tooltip (its whole label). */
    public String undoTooltip() {
        return (String) js("const t = document.querySelector('#undo > vaadin-tooltip'); return t ? t.text : null");
    }
}
