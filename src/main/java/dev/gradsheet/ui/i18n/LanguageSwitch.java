package dev.gradsheet.ui.i18n;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;

/**
 * The language switch in the page: "English" and "한국어", each written in its own language (so a
 * visitor finds theirs whatever the page's language) and marked with its {@code lang}. Choosing one
 * stores it in the {@code gradsheet-lang} cookie for this browser and reloads the page; nothing is
 * lost, since every edit is already saved. The current language's button is pressed
 * ({@code aria-pressed}).
 */
public class LanguageSwitch extends Composite<Div> {
    private static final int ONE_YEAR = 365 * 24 * 3600;
    final Button english = button("language.english", GradSheetI18N.ENGLISH, "lang-en");
    final Button korean = button("language.korean", GradSheetI18N.KOREAN, "lang-ko");

    public LanguageSwitch() {
        Div root = getContent();
        root.setId("language-switch");
        root.addClassName("gs-language");
        root.getElement().setAttribute("role", "group");
        root.add(english, korean);
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getContent().getElement().setAttribute("aria-label", getTranslation("language.switch"));
        Locale current = GradSheetI18N.supported(attachEvent.getUI().getLocale());
        english.getElement().setAttribute("aria-pressed", String.valueOf(current.equals(GradSheetI18N.ENGLISH)));
        korean.getElement().setAttribute("aria-pressed", String.valueOf(current.equals(GradSheetI18N.KOREAN)));
        (current.equals(GradSheetI18N.KOREAN) ? korean : english).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    private Button button(String key, Locale locale, String id) {
        // the language's own name, the same on every page (both bundles hold it written natively)
        Button b = new Button(GradSheetI18N.lookUp(key, locale), e -> choose(locale));
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.getElement().setAttribute("lang", locale.getLanguage());
        return b;
    }

    /** Remembers {@code locale} for this browser and shows the page again in it. */
    void choose(Locale locale) {
        getUI().ifPresent(ui -> {
            ui.getSession().setLocale(locale);
            ui.setLocale(locale);
            ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=' + $2 + '; SameSite=Lax';"
                    + " location.reload();", LanguageChoice.COOKIE, LanguageChoice.tag(locale), ONE_YEAR);
        });
    }
}
