package dev.gradsheet.ui;

import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.NonFinite;
import dev.gradsheet.engine.NonFiniteTest;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a cell is NaN or ±∞, said in the page's language from the engine's typed cause. */
class NotFiniteTextsTest extends KaribuTestBase {
    private static final List<String> CELLS = List.of("a", "b", "l0", "d", "q", "e", "e0", "x", "m");

    @Test
    void theEnglishKeysSayExactlyWhatTheEngineSays() throws Exception {
        Sheet s = SheetFile.parse(NonFiniteTest.EVERY_CAUSE, "nan.sheet").sheet();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        for (String cell : CELLS) {
            NonFinite n = s.notFinite(cell).orElseThrow();
            assertThat(NotFiniteTexts.worded(n)).as(cell).isEqualTo(s.whyNotFinite(cell));
            assertThat(NotFiniteTexts.of(s, cell)).as(cell).isEqualTo(s.whyNotFinite(cell));
        }
        assertThat(NotFiniteTexts.of(s, "w")).isNull();
    }

    @Test
    void inKoreanEveryCauseIsKoreanWithTheEnginesNamesAndNumbers() throws Exception {
        Sheet s = SheetFile.parse(NonFiniteTest.EVERY_CAUSE, "nan.sheet").sheet();
        UI.getCurrent().setLocale(Locale.KOREAN);
        assertThat(NotFiniteTexts.of(s, "a")).isEqualTo("a의 값이 NaN(숫자가 아님)입니다: 음수의 로그입니다(w = -1)");
        assertThat(NotFiniteTexts.of(s, "b"))
                .isEqualTo("a의 값이 NaN(숫자가 아님)이어서 b의 값도 NaN(숫자가 아님)입니다: 음수의 로그입니다(w = -1)");
        assertThat(NotFiniteTexts.of(s, "d")).isEqualTo("d의 값이 −∞입니다: 0으로 나누었습니다(zero = 0)");
        for (String cell : CELLS) {
            assertThat(NotFiniteTexts.of(s, cell)).as(cell).containsPattern("\\p{IsHangul}")
                    .doesNotContain("!nonfinite").doesNotContain(" is ");
        }
    }
}
