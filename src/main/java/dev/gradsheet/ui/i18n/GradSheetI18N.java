package dev.gradsheet.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The web app's texts in English and Korean. Vaadin finds this bean and uses it for
 * {@code getTranslation(key, args)} in components and {@code I18NProvider.translate(key, args)}
 * elsewhere; the page's locale follows the browser's {@code Accept-Language} unless the visitor
 * chose a language in the page.
 *
 * <p>Texts live in several bundles under {@code src/main/resources/i18n/} (one per part of the app, so
 * parts can be translated side by side): the base file is English, {@code _ko} is Korean. A key
 * missing in Korean falls back to English at run time, but {@code MessageBundlesTest} fails the build
 * for it. Arguments use {@link MessageFormat} ({@code {0}}); numbers, cell names and formulas are
 * passed in already formatted, so they are never localised (decimal points stay dots).
 */
@Component
public class GradSheetI18N implements I18NProvider {
    /** The bundles, searched in this order. */
    public static final List<String> BUNDLES = List.of("i18n/app", "i18n/train", "i18n/lesson");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale KOREAN = Locale.KOREAN;
    private static final List<Locale> LOCALES = List.of(ENGLISH, KOREAN);
    // No fallback to the JVM's default locale: a Korean page must never silently read another bundle.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern = lookUp(key, supported(locale));
        if (pattern == null) {
            pattern = lookUp(key, ENGLISH);
        }
        if (pattern == null) {
            return "!" + key + "!"; // visible in the page and caught by MessageBundlesTest
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(params);
    }

    /** The provided locale closest to {@code locale}: Korean for any {@code ko}, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && KOREAN.getLanguage().equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }

    /** The pattern for {@code key} in exactly this locale's bundles, or null. */
    public static String lookUp(String key, Locale locale) {
        for (String base : BUNDLES) {
            ResourceBundle bundle = bundle(base, locale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    /** One bundle in one locale (English is the base file), or null when the file does not exist. */
    public static ResourceBundle bundle(String base, Locale locale) {
        try {
            return ResourceBundle.getBundle(base, ENGLISH.equals(locale) ? Locale.ROOT : locale, CONTROL);
        } catch (MissingResourceException absent) {
            return null;
        }
    }
}
