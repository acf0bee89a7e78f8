package dev.gradsheet.ui.pages;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/**
 * {@code /dashboard/ID}: an assignment's live dashboard — a row per student (numbered from 1 in the
 * order shown), a mark per asked gradient, updated as the students work.
 */
public final class DashboardPage extends PagePart {
    private DashboardPage(WebDriver driver) {
        super(driver);
    }

    /** Opens {@code url} (an assignment's dashboard) in {@code driver} and waits for its table. */
    public static DashboardPage open(WebDriver driver, String url) {
        driver.get(url);
        DashboardPage page = new DashboardPage(driver);
        page.waitUntil(60, "the dashboard's table should be shown", () -> page.isPresent("dashboard-grid"));
        return page;
    }

    /** Waits until row {@code row} (a student) is listed. */
    public void waitForStudent(int row) {
        waitUntil(30, "student " + row + " should be listed", () -> isPresent("watch-" + row));
    }

    /** Row {@code row}'s name as shown, or "" while it is missing or being redrawn. */
    public String student(int row) {
        return shownText("watch-" + row);
    }

    /** Row {@code row}'s mark for the gradient of {@code cell} (✓, ✗), or "" while missing or redrawn. */
    public String mark(int row, String cell) {
        return shownText("mark-" + row + "-" + cell + "-grad");
    }

    public void waitForMark(int row, String cell, String mark) {
        waitUpTo(30).withMessage(() -> "student " + row + "'s " + cell + " should be marked " + mark + ", is " + mark(row, cell))
                .until(d -> mark.equals(mark(row, cell)));
    }

    /** Waits until the table's text contains {@code part} (a score such as "6/6"). */
    public void waitForTableContaining(String part) {
        waitUpTo(30).withMessage(() -> "the dashboard should show " + part).until(d -> text("dashboard-grid").contains(part));
    }

    /** Hides the students' names (for a projector) and waits until row 1 reads {@code firstRowAs}. */
    public void hideNames(String firstRowAs) {
        clickWhenShown("hide-names", 30);
        waitUpTo(30).withMessage(() -> "row 1 should read " + firstRowAs + ", reads " + student(1))
                .until(d -> firstRowAs.equals(student(1)));
    }

    /** The dashboard redraws rows as students work: a row caught mid-redraw reads as "". */
    private String shownText(String id) {
        try {
            String text = textContent(id);
            return text == null ? "" : text.strip();
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }
}
