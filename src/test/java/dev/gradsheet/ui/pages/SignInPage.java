package dev.gradsheet.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /login}: a teacher signs in through the school's OpenID Connect provider (its own login form). */
public final class SignInPage extends PagePart {
    private SignInPage(WebDriver driver) {
        super(driver);
    }

    /** Opens {@code url} (the app's {@code /login}) in {@code driver}. */
    public static SignInPage open(WebDriver driver, String url) {
        driver.get(url);
        return new SignInPage(driver);
    }

    /**
     * Chooses provider {@code providerId}, signs in on its form at {@code issuer} as {@code user}, and
     * answers the teacher's home page the app sends them back to.
     */
    public TeacherHomePage signIn(String providerId, String issuer, String user, String password) {
        clickWhenShown("login-" + providerId, 30);
        waitForAddress(30, "the provider's, under " + issuer, address -> address.startsWith(issuer));
        typeWhenShown("#username", user, 60);
        typeWhenShown("#password", password, 60);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitForAddress(60, "back at /teach, signed in", address -> address.endsWith("/teach"));
        return new TeacherHomePage(driver);
    }
}
