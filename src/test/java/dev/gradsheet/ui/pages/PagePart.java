package dev.gradsheet.ui.pages;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page object shares: the browser it drives, waits on a state of the page (a text, an
 * attribute, an element standing still, the server's answer arrived — never a fixed sleep), and the
 * few ways of touching Vaadin components that every part of the page needs. Selectors live in the
 * page objects only; a test says what a person does and what they see.
 */
public abstract class PagePart {
    /** JS: whether no Vaadin client waits for the server (every request answered and applied). */
    private static final String SERVER_IDLE_JS = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) return false;
            return Object.values(flow.clients).every(c => typeof c.isActive !== 'function' || !c.isActive());
            """;
    /** JS: the focused element's id, or its aria-label, or its title, or its tag. */
    private static final String FOCUSED_JS = """
            const a = document.activeElement;
            return a ? (a.id || a.getAttribute('aria-label') || a.getAttribute('title') || a.tagName) : null;
            """;
    /** JS: whether the focused element is an input holding {@code arguments[0]} with the caret at its end. */
    private static final String FOCUSED_INPUT_JS = """
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            return a instanceof HTMLInputElement && a.value === arguments[0]
                && a.selectionStart === a.value.length && a.selectionEnd === a.value.length;
            """;
    /** JS: where element {@code arguments[0]}'s middle is, if nothing covers it there, else null. */
    private static final String UNCOVERED_AT_JS = """
            const e = document.getElementById(arguments[0]);
            const r = e.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return (top === e || e.contains(top)) ? Math.round(r.left) + ',' + Math.round(r.top) : null;
            """;
    private static final String RECT_JS = """
            const r = arguments[0].getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom];
            """;

    protected final WebDriver driver;

    protected PagePart(WebDriver driver) {
        this.driver = driver;
    }

    /** The browser this part is in. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * A wait of at most {@code seconds} on {@code driver}, looking again every half second, also when
     * an element it looked at was replaced meanwhile (Vaadin re-renders a component that changed).
     */
    public static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return waitUpTo(driver, seconds);
    }

    /** Waits at most {@code seconds} until {@code state} holds; the message says what was awaited. */
    public void waitUntil(int seconds, String what, BooleanSupplier state) {
        waitUpTo(seconds).withMessage(what).until(d -> state.getAsBoolean());
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    protected Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    protected WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    protected boolean isPresent(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Whether element {@code id} is in the page and displayed. */
    protected boolean isShown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** Waits until element {@code id} is in the page and displayed, and answers it. */
    protected WebElement awaitShown(String id, int seconds) {
        return waitUpTo(seconds).withMessage(() -> "#" + id + " should be shown")
                .until(d -> isShown(id) ? byId(id) : null);
    }

    /** The visible text of element {@code id} (which must be in the page: a wait looks again while it is not). */
    protected String text(String id) {
        return byId(id).getText();
    }

    /** The visible text of element {@code id}, or "" when it is not in the page. */
    protected String textIfPresent(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The first line of element {@code id}'s visible text: a button's own words without its tooltip. */
    protected String firstLine(String id) {
        return text(id).split("\n")[0];
    }

    /** Element {@code id}'s text also when it is hidden or scrolled aside, or null when it is absent. */
    protected String textContent(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0).getDomProperty("textContent");
    }

    /** Waits until element {@code id}'s visible text is {@code expected}. */
    protected void waitForText(String id, String expected, int seconds) {
        waitUpTo(seconds).withMessage(() -> "#" + id + " should read '" + expected + "' but reads '" + text(id) + "'")
                .until(d -> expected.equals(text(id)));
    }

    /** Waits until element {@code id} is shown, then clicks it. */
    protected void clickWhenShown(String id, int seconds) {
        awaitShown(id, seconds).click();
    }

    /** Waits until the field {@code css} finds is shown, empties it and types {@code text}. */
    protected void typeWhenShown(String css, String text, int seconds) {
        WebElement field = waitUpTo(seconds).withMessage("the field " + css + " should be shown")
                .until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the browser's address satisfies {@code test} (what it should be: {@code what}). */
    protected void waitForAddress(int seconds, String what, java.util.function.Predicate<String> test) {
        waitUpTo(seconds).withMessage(() -> "the address should be " + what + ", is " + driver.getCurrentUrl())
                .until(d -> test.test(d.getCurrentUrl()));
    }

    /** Whether Vaadin button (or field) {@code id} is disabled: its attribute (Selenium's isEnabled only knows form controls). */
    protected boolean isDisabled(String id) {
        return byId(id).getAttribute("disabled") != null;
    }

    protected void click(String id) {
        byId(id).click();
    }

    /**
     * Clicks element {@code id} once it stands still and nothing covers it: while a run pushes
     * numbers, or just after the window was resized, the side panel can shift under a click (three
     * times on a loaded machine, by 20 px, so the click landed above Pause; a probe of four seconds
     * of a run saw no shift, so the cause was not found); a person aims again, a test waits for the
     * target to settle.
     */
    protected void clickWhenStill(String id) {
        String[] last = {null};
        waitUpTo(10).withMessage(() -> "#" + id + " should stand still and uncovered").until(d -> {
            String now = (String) js(UNCOVERED_AT_JS, id);
            boolean still = now != null && now.equals(last[0]);
            last[0] = now;
            return still;
        });
        click(id);
    }

    /** Types {@code text} into the Vaadin field {@code id} (its inner input), replacing what was there. */
    protected void replaceIn(String id, String text) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** The value of the Vaadin field {@code id}'s inner input. */
    protected String valueOf(String id) {
        return driver.findElement(By.cssSelector("#" + id + " input")).getAttribute("value");
    }

    /** Types {@code text} into the Vaadin field {@code id}, leaves it with Tab and waits until it holds the text. */
    protected void fill(String id, String text) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        waitUpTo(10).withMessage(() -> "#" + id + " should hold " + text).until(d -> text.equals(valueOf(id)));
    }

    /** Picks the item labelled {@code label} in the Vaadin combo box {@code id}. */
    protected void pick(String id, String label) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(label);
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        input.sendKeys(Keys.ENTER);
        waitUpTo(10).withMessage(() -> "#" + id + " should show " + label).until(d -> valueOf(id).startsWith(label));
    }

    /** The file input of the upload component {@code uploadId} (where a person's chosen file goes). */
    protected WebElement fileInput(String uploadId) {
        WebElement upload = byId(uploadId);
        List<WebElement> inShadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
        return inShadow.isEmpty() ? upload.findElement(By.cssSelector("input[type=file]")) : inShadow.get(0);
    }

    /** Lets upload {@code uploadId} take a file of any size, as an old tab or a changed setting would: the server decides. */
    protected void liftUploadLimit(String uploadId) {
        js("document.getElementById(arguments[0]).maxFileSize = Infinity", uploadId);
    }

    /** How many files upload {@code uploadId} lists. */
    protected int filesListed(String uploadId) {
        return ((Number) js("return document.getElementById(arguments[0]).files.length", uploadId)).intValue();
    }

    /** Scrolls {@code element} into view, its top, middle or bottom ({@code block}: start, center, end) where the view's is. */
    protected void scrollIntoView(WebElement element, String block) {
        js("arguments[0].scrollIntoView({block: arguments[1]})", element, block);
    }

    /** Scrolls {@code element} into the middle of the view, both ways (out from under a sticky edge). */
    protected void scrollToMiddle(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
    }

    /** Waits until the server has answered every request of this page and the page has applied the answers. */
    public void waitForServer() {
        waitUpTo(20).withMessage("the server's answer should arrive").until(d -> Boolean.TRUE.equals(js(SERVER_IDLE_JS)));
    }

    /** Presses {@code keys} wherever the keyboard focus is. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses {@code key} with {@code modifier} held (Actions.sendKeys would release it at once). */
    public void chord(Keys modifier, CharSequence key) {
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Presses {@code key} with both modifiers held. */
    public void chord(Keys first, Keys second, CharSequence key) {
        new Actions(driver).keyDown(first).keyDown(second).sendKeys(key).keyUp(second).keyUp(first).perform();
    }

    /**
     * Presses {@code key} (with {@code modifier} held, if not null) until {@code done} holds, at most
     * 80 times; fails saying where the focus is when it never does.
     */
    public void pressUntil(Keys modifier, CharSequence key, BooleanSupplier done, String what) {
        for (int i = 0; i < 80 && !done.getAsBoolean(); i++) {
            if (modifier == null) {
                press(key);
            } else {
                chord(modifier, key);
            }
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError(what + " (focus is on " + focused() + ")");
        }
    }

    /** The focused element's id, or its aria-label, or its title, or its tag. */
    public String focused() {
        return (String) js(FOCUSED_JS);
    }

    /** Waits until the keyboard is in an input holding {@code value} with the caret at its end. */
    public void waitForFocusedInput(String value) {
        waitUpTo(10).withMessage(() -> "the focus should be in an input holding " + value + ", caret at the end")
                .until(d -> Boolean.TRUE.equals(js(FOCUSED_INPUT_JS, value)));
    }

    /** Where {@code element} is in the viewport. */
    @SuppressWarnings("unchecked")
    public Box box(WebElement element) {
        List<Number> r = (List<Number>) js(RECT_JS, element);
        return new Box(r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue(), r.get(3).doubleValue());
    }

    /** An element's rectangle in the viewport, in CSS pixels. */
    public record Box(double left, double top, double right, double bottom) {
        public double width() {
            return right - left;
        }

        public double height() {
            return bottom - top;
        }
    }
}
