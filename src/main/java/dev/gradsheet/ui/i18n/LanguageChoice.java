package dev.gradsheet.ui.i18n;

import jakarta.servlet.http.Cookie;
import java.util.Locale;

/**
 * The language a visitor chose with the switch in the page, kept per browser in the
 * {@code gradsheet-lang} cookie ({@code en} or {@code ko}). Without the cookie the page follows the
 * browser's {@code Accept-Language}. The cookie is not secret (scripts set it), so it is not HttpOnly.
 */
public final class LanguageChoice {
    /** The cookie's name. */
    public static final String COOKIE = "gradsheet-lang";

    private LanguageChoice() {
    }

    /** The chosen language in these cookies, or null when the visitor has not chosen (or the value is unknown). */
    public static Locale chosen(Cookie[] cookies) {
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return fromTag(c.getValue());
            }
        }
        return null;
    }

    /** {@code en} → English, {@code ko} → Korean, anything else → null. */
    public static Locale fromTag(String tag) {
        if ("ko".equals(tag)) {
            return GradSheetI18N.KOREAN;
        }
        return "en".equals(tag) ? GradSheetI18N.ENGLISH : null;
    }

    /** The tag of a locale for the cookie and {@code <html lang>}: {@code ko} or {@code en}. */
    public static String tag(Locale locale) {
        return GradSheetI18N.supported(locale).getLanguage();
    }
}
