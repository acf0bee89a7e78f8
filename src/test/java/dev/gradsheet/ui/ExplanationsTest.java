package dev.gradsheet.ui;

import com.vaadin.flow.component.UI;
import dev.gradsheet.engine.GradientExplanation;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why this gradient?" in Korean from the explanation's typed parts (never from
 * the engine's English text, which a translation cannot follow): the notes about the objective and the fused cross-entropy, the logits
 * term's rule and an unused cell's equation; in English exactly the engine's sentences.
 */
class ExplanationsTest extends KaribuTestBase {
    private static final String LOGISTIC = """
            x = input(2)
            w = weight(0.5)
            z = w * x
            p = sigmoid(z)
            t = input(1)
            spare = x * 3
            L = bce(p, t)
            """;

    @Test
    void theNotesAndTheLogitsTermAreSaidInKorean() throws Exception {
        Sheet s = SheetFile.parse(LOGISTIC, "logistic.sheet").sheet();
        UI.getCurrent().setLocale(Locale.KOREAN);

        GradientExplanation ofL = s.explain("L");
        assertThat(ofL.noteKind()).isEqualTo(GradientExplanation.Note.OBJECTIVE);
        assertThat(Explanations.note(ofL)).isEqualTo("L은(는) 목적 함수입니다. 자기 자신에 대한 기울기는 1입니다.");

        GradientExplanation ofP = s.explain("p");
        assertThat(ofP.noteKind()).isEqualTo(GradientExplanation.Note.FUSED);
        assertThat(Explanations.note(ofP)).startsWith("L은(는) 교차 엔트로피를 로짓 형태로 계산합니다.");

        GradientExplanation ofZ = s.explain("z");
        assertThat(ofZ.noteKind()).isEqualTo(GradientExplanation.Note.LOGITS);
        assertThat(ofZ.noteCells()).containsExactly("L", "p", "z");
        assertThat(Explanations.note(ofZ)).startsWith("L은(는) p의 교차 엔트로피를 로짓 형태로 계산합니다. 기울기는 σ(z) − t로 z에");
        GradientExplanation.Term logits = ofZ.terms().stream().filter(GradientExplanation.Term::logits).findFirst().orElseThrow();
        assertThat(Explanations.rule(logits)).isEqualTo("시그모이드의 교차 엔트로피(로짓 형태): ∂/∂z = σ(z) − t");

        assertThat(Explanations.equation(s.explain("spare"))).isEqualTo("dL/dspare = 0 (spare을(를) 쓰는 셀이 없음)");
        assertThat(Explanations.note(s.explain("x"))).isEmpty();
    }

    @Test
    void inEnglishThePageSaysTheEnginesSentences() throws Exception {
        Sheet s = SheetFile.parse(LOGISTIC, "logistic.sheet").sheet();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        for (String cell : new String[] {"L", "p", "z", "spare", "x"}) {
            GradientExplanation why = s.explain(cell);
            assertThat(Explanations.note(why)).as(cell).isEqualTo(why.note());
            assertThat(Explanations.equation(why)).as(cell).isEqualTo(why.equation());
        }
    }
}
