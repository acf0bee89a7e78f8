package dev.gradsheet.ui.pages;

import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The toolbar's Download as… menu: its items are links to the sheet as a workbook and as a PyTorch script. */
public final class DownloadMenuPart extends PagePart {
    public DownloadMenuPart(WebDriver driver) {
        super(driver);
    }

    /** Opens the menu and waits until its workbook item is shown. */
    public DownloadMenuPart open() {
        driver.findElement(By.cssSelector("#export-menu vaadin-menu-bar-button")).click();
        awaitShown("export-xlsx", 20);
        return this;
    }

    /** The link of the workbook item (.xlsx). */
    public String workbookLink() {
        return byId("export-xlsx").getAttribute("href");
    }

    /** The link of the PyTorch script item (.py). */
    public String scriptLink() {
        return byId("export-pytorch").getAttribute("href");
    }

    /** The browser's cookies as a Cookie header, to fetch a link with the page's session. */
    public String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }
}
