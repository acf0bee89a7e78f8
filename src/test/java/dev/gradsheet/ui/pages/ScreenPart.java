package dev.gradsheet.ui.pages;

import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The browser's viewport as a person sees the page in it: its size, whether a part is wholly in it,
 * whether the page itself scrolls, and which boxes around a part scroll.
 */
public final class ScreenPart extends PagePart {
    /** The three screens the page is laid out for: a laptop, a tablet standing up, a desktop. */
    public static final List<int[]> SCREENS = List.of(new int[] {1366, 768}, new int[] {800, 1000}, new int[] {1920, 1080});
    /** JS: the boxes between arguments[0] and the page whose content overflows them and that scroll. */
    private static final String SCROLLING_BOXES_JS = """
            const out = [];
            for (let n = arguments[0].parentElement || arguments[0].getRootNode().host; n && n !== document.body;
                 n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
              const s = getComputedStyle(n);
              const scrolls = (/(auto|scroll)/.test(s.overflowY) && n.scrollHeight > n.clientHeight + 1)
                  || (/(auto|scroll)/.test(s.overflowX) && n.scrollWidth > n.clientWidth + 1);
              if (scrolls) out.push(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + '.' + n.className);
            }
            return out;""";

    public ScreenPart(WebDriver driver) {
        super(driver);
    }

    public int width() {
        return ((Number) js("return window.innerWidth")).intValue();
    }

    public int height() {
        return ((Number) js("return window.innerHeight")).intValue();
    }

    /** Waits until the viewport is {@code width} wide (a resize has reached the page). */
    public void waitForWidth(int width) {
        waitUntil(10, "the viewport should be " + width + " wide", () -> width() == width);
    }

    /** By how many pixels the page itself scrolls down (0 or less: it does not). */
    public int pageScrollsDown() {
        return ((Number) js("return document.scrollingElement.scrollHeight - window.innerHeight")).intValue();
    }

    /** By how many pixels the page itself scrolls sideways (0 or less: it does not). */
    public int pageScrollsSideways() {
        return ((Number) js("return document.scrollingElement.scrollWidth - window.innerWidth")).intValue();
    }

    /**
     * The boxes between {@code e} and the page that scroll, nearest first, as tag#id.class: a part is
     * reachable without scrolling inside a scrolling box when there is at most one.
     */
    @SuppressWarnings("unchecked")
    public List<String> scrollingBoxesAround(WebElement e) {
        return (List<String>) js(SCROLLING_BOXES_JS, e);
    }

    /** Scrolls the nearest scrolling box so that {@code e} is in view, as a person scrolling to it would. */
    public void scrollTo(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'})", e);
    }
}
