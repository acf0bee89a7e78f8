package dev.gradsheet.ui.i18n;

import com.vaadin.flow.component.UI;
import java.util.Locale;

/**
 * Texts for code that is not a component (presenters, helpers building sentences): the current
 * page's language, or English outside a page (a unit test, a background thread without a UI). The
 * same bundles as {@link GradSheetI18N}; components use {@code getTranslation} instead.
 */
public final class Texts {
    private static final GradSheetI18N BUNDLES = new GradSheetI18N();

    private Texts() {
    }

    /** The text of {@code key} in the current UI's language, with {@code args} filled in. */
    public static String t(String key, Object... args) {
        return BUNDLES.getTranslation(key, locale(), args);
    }

    /** The current UI's language (one the app provides), English when there is no UI. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return GradSheetI18N.supported(ui == null ? null : ui.getLocale());
    }

    /** Whether the current page is in English (or there is no page). */
    public static boolean english() {
        return GradSheetI18N.ENGLISH.equals(locale());
    }
}
