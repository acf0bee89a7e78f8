package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.gradsheet.server.people.UserStore;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one-time setup link (no provider, no GRADSHEET_TEACHER_PASSWORD): its page sets the local
 * teacher's password once; a short or mistyped password is said next to the fields and sets nothing;
 * the link then refuses a second use.
 */
class TeacherSetupPageTest extends KaribuTestBase {
    @Autowired
    UserStore users;

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("i18n/app", Locale.ROOT);

    private void fill(String password, String again) {
        _get(Input.class, spec -> spec.withId("setup-password")).setValue(password);
        _get(Input.class, spec -> spec.withId("setup-again")).setValue(again);
        _get(Button.class, spec -> spec.withId("setup-save")).click();
    }

    @Test
    void theSetupLinkSetsThePasswordOnce() {
        String token = users.newSetupToken();
        UI.getCurrent().navigate("setup/" + token);
        roundtrip();
        fill("short", "short");
        assertThat(_get(Span.class, spec -> spec.withId("setup-problem")).getText())
                .isEqualTo(WORDS.getString("setup.short").replace("{0}", "8"));
        fill("a long password", "a long passwort");
        assertThat(_get(Span.class, spec -> spec.withId("setup-problem")).getText()).isEqualTo(WORDS.getString("setup.differ"));
        assertThat(users.checkLocalTeacher("a long password")).isEmpty();

        fill("a long password", "a long password");
        assertThat(_get(Paragraph.class, spec -> spec.withId("setup-result")).getText()).startsWith(WORDS.getString("setup.done"));
        assertThat(users.checkLocalTeacher("a long password")).isPresent();

        UI.getCurrent().navigate("setup/" + token); // the same link again
        roundtrip();
        fill("another password", "another password");
        assertThat(_get(Paragraph.class, spec -> spec.withId("setup-result")).getText()).isEqualTo(WORDS.getString("setup.used"));
        assertThat(users.checkLocalTeacher("another password")).isEmpty();
    }
}
