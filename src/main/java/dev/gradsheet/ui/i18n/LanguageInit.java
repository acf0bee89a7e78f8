package dev.gradsheet.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Puts each new page in its language: the one chosen with {@link LanguageSwitch} (a cookie) if any,
 * else the one Vaadin matched to the browser's {@code Accept-Language}; and writes it into
 * {@code <html lang>}, both in the first HTML and on every UI, so screen readers pronounce it.
 */
@Component
public class LanguageInit implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Locale chosen = LanguageChoice.chosen(response.getVaadinRequest().getCookies());
            Locale locale = chosen != null ? chosen : response.getVaadinRequest().getLocale();
            response.getDocument().getElementsByTag("html").attr("lang", LanguageChoice.tag(locale));
        });
        event.getSource().addUIInitListener(e -> apply(e.getUI(), VaadinRequest.getCurrent()));
    }

    /** The UI's locale from the cookie (when chosen), and {@code <html lang>} set to it. */
    static void apply(UI ui, VaadinRequest request) {
        Locale chosen = request == null ? null : LanguageChoice.chosen(request.getCookies());
        if (chosen != null) {
            ui.setLocale(chosen);
            if (ui.getSession() != null) {
                ui.getSession().setLocale(chosen);
            }
        }
        ui.setLocale(GradSheetI18N.supported(ui.getLocale()));
        ui.getPage().executeJs("document.documentElement.lang = $0", LanguageChoice.tag(ui.getLocale()));
    }
}
