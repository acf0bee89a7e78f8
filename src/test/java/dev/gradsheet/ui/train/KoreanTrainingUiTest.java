package dev.gradsheet.ui.train;

import dev.gradsheet.jobs.PlayState;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.train.BuiltInData;
import dev.gradsheet.train.DataGenerator;
import dev.gradsheet.train.TrainingLoop;
import dev.gradsheet.ui.common.Format;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In Korean: the training panel (after a template, Step and Play), the template dialog, the
 * data section and both lesson pages speak Korean, keep numbers, cell names and formulas as they are,
 * and show no English text (the network view, which another part of the UI owns, is left out).
 */
class KoreanTrainingUiTest extends TrainKaribuTestBase {

    @BeforeEach
    void speakKorean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
    }

    /** The XOR template through the dialog (its defaults: 2-4-1 sigmoid, cross-entropy, seed 1). */
    private TrainingPanel xorTemplate() throws Exception {
        open(Examples.WORKED.text());
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.open();
        assertThat(dialog.getHeaderTitle()).isEqualTo("템플릿");
        assertThat(dialog.kind.getItemLabelGenerator().apply(TemplateDialog.Kind.MLP)).isEqualTo("MLP 만들기");
        assertThat(dialog.note.getText()).startsWith("한 층의 모든 뉴런이 바로 앞 층의 모든 뉴런을");
        assertThat(dialog.open.getText()).isEqualTo("새 시트로 열기");
        assertThat(VisibleTexts.english(VisibleTexts.of(dialog, c -> false))).isEmpty();
        dialog.open.click();
        roundtrip();
        return _get(TrainingPanel.class);
    }

    @Test
    void theTrainingPanelSpeaksKoreanAndKeepsItsNumbers() throws Exception {
        TrainingPanel panel = xorTemplate();
        assertThat(panel.transport.start.getText()).isEqualTo("재생");
        assertThat(panel.transport.stepOnce.getText()).isEqualTo("한 단계");
        assertThat(panel.settings.learningRate.getLabel()).isEqualTo("학습률");
        assertThat(panel.getContent().getSummaryText()).isEqualTo("데이터와 학습 (미니배치 SGD)");
        assertThat(panel.curve.chart.title()).isEqualTo("손실 곡선: 재생을 누르세요");

        // Step: one batch of all 4 XOR rows, so one epoch; the readout keeps the loss's decimal point
        panel.transport.stepOnce.click();
        PlayState state = panel.shared().training().play();
        List<double[]> epochs = state.epochLosses().points();
        double epochLoss = epochs.get(epochs.size() - 1)[1];
        assertThat(panel.readout.status.getText()).isEqualTo("단계 1 · 에폭 1 · 손실 " + Format.readable(epochLoss));
        assertThat(Format.readable(epochLoss)).contains(".");
        assertThat(panel.summary.finalLoss.getText()).startsWith("1단계(1에폭): 배치 손실 ").endsWith(" · 실행 취소하면 되돌아갑니다.");

        // Play for 3 epochs: the result and readout in Korean, step counts and losses as numbers
        panel.settings.epochs.setValue(3);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        assertThat(state.loop().steps()).isEqualTo(4L);
        assertThat(panel.readout.status.getText()).startsWith("단계 4 / 4 · 에폭 4 · 손실 ").endsWith("단계")
                .contains(" · 초당 ");
        assertThat(panel.summary.finalLoss.getText()).startsWith("완료: 3단계. 최종 손실 ")
                .contains("(마지막 에폭의 평균)").endsWith("실행 취소하면 이번 학습 전체가 되돌아갑니다.");
        double shown = Double.parseDouble(panel.summary.finalLoss.getText().replaceAll("^.*최종 손실 (\\S+)\\(.*$", "$1"));
        assertThat(shown).isEqualTo(Double.parseDouble(Format.readable(panel.job().epochLoss())));
        assertThat(panel.summary.numbersNote.getText()).startsWith("표의 숫자 읽는 법").contains("x1 = ").contains("m = 4");

        // the loss chart: axis titles and legend in Korean
        assertThat(panel.curve.chart.title()).isEqualTo("손실 곡선");
        assertThat(panel.curve.chart.xLabel()).isEqualTo("단계");
        assertThat(panel.curve.chart.yLabel()).isEqualTo("손실 (로그 눈금)");
        assertThat(panel.curve.chart.series()).extracting(LineChart.Series::label).containsExactly("단계별 손실", "에폭별 평균 손실");
        // a test share out of range is refused in Korean before the loop sees it; nothing runs
        panel.settings.testShare.setValue(100);
        panel.transport.stepOnce.click();
        assertThat(panel.error.getText()).isEqualTo("테스트 비율은 0~90 %여야 합니다(나머지로 학습합니다).");
        assertThat(state.loop().steps()).isEqualTo(4L);
        panel.settings.testShare.setValue(0);
        assertThat(Heatmap.labels()).containsEntry("legend", "출력 0 … 1").containsEntry("trainTest", "● 훈련  ○ 테스트");

        // the batch-gradient table: Korean headers, weight names as they are
        assertThat(panel.summary.batchGradient.getColumns().get(2).getHeaderText()).isEqualTo("배치 기울기");

        List<String> texts = VisibleTexts.of(panel, c -> c instanceof NetworkView);
        assertThat(texts).contains("재생", "일시 정지", "초기화", "학습률", "배치 크기 m", "에폭 수", "테스트 %", "템플릿…",
                "데이터와 학습 (미니배치 SGD)", "배치 하나로 SGD를 한 단계 진행합니다.", "학습 진행률", "멈출 때까지");
        // the speed choices are drawn in the browser from the item labels
        assertThat(panel.transport.speed.getItemLabelGenerator().apply(1000)).isEqualTo("갱신마다 1000단계");
        assertThat(panel.transport.speed.getItemLabelGenerator().apply(0)).isEqualTo("최고 속도");
        assertThat(VisibleTexts.english(texts)).isEmpty();
    }

    /**
     * The template's description and a training run's Undo, which stayed English on the Korean page
     * while edits were named in English text.
     */
    @Test
    void theTemplatesDescriptionAndARunsUndoAreKorean() throws Exception {
        TrainingPanel panel = xorTemplate();
        Paragraph description = _get(Paragraph.class, spec -> spec.withId("description"));
        assertThat(description.getText()).isEqualTo("MLP 2-4-1, sigmoid, 교차 엔트로피, 시드 1");
        Button undo = _get(Button.class, spec -> spec.withId("undo"));

        panel.transport.stepOnce.click();
        roundtrip();
        String lr = dev.gradsheet.engine.Numbers.exact(panel.settings.learningRate.getValue());
        assertThat(undo.getTooltip().getText()).startsWith("학습률 " + lr + "로 1단계 학습(1단계째) 실행 취소(Ctrl+Z).");

        panel.settings.epochs.setValue(3);
        panel.transport.start.click();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        // Step was epoch 1 of the 4 XOR rows in one batch; Play took 3 more steps to epoch 4
        assertThat(undo.getTooltip().getText()).startsWith("학습률 " + lr + "로 학습(배치 4): 4에폭까지 3단계 실행 취소(Ctrl+Z).");
        assertThat(undo.getText()).startsWith("학습률 " + lr + "로 학습(배치 4)").endsWith(" 실행 취소");
        assertThat(VisibleTexts.english(List.of(undo.getText(), description.getText()))).isEmpty();

        UI.getCurrent().setLocale(Locale.ENGLISH);
        assertThat(dev.gradsheet.ui.EditLabels.of(panel.shared().sheet().undoLabel()))
                .isEqualTo("train at lr " + lr + " (batch 4): 3 steps to epoch 4");
    }

    @Test
    void theDataSectionSpeaksKoreanWithCellNamesAsTheyAre() throws Exception {
        TrainingPanel panel = xorTemplate();
        DataSection data = panel.data;
        assertThat(data.builtIn.getLabel()).isEqualTo("기본 데이터");
        assertThat(data.builtIn.getItemLabelGenerator().apply(BuiltInData.XOR)).isEqualTo("XOR (점 4개, 선형 분리 불가)");
        assertThat(data.generator.getItemLabelGenerator().apply(DataGenerator.SPIRAL)).isEqualTo("나선 (두 갈래)");
        // every data set and template has a Korean name
        java.util.regex.Pattern hangul = java.util.regex.Pattern.compile("\\p{IsHangul}");
        for (BuiltInData d : BuiltInData.values()) {
            assertThat(hangul.matcher(DataSection.title(d)).find()).as(d.id()).isTrue();
        }
        for (DataGenerator g : DataGenerator.values()) {
            assertThat(hangul.matcher(DataSection.title(g)).find()).as(g.id()).isTrue();
        }
        for (TemplateDialog.Kind k : TemplateDialog.Kind.values()) {
            assertThat(hangul.matcher(k.title()).find() && hangul.matcher(k.note()).find()).as(k.name()).isTrue();
        }
        assertThat(data.summary.getText())
                .isEqualTo("M = 4개 샘플 · 열과 입력 셀의 연결: x1 → 입력 x1, x2 → 입력 x2, y → 입력 y");
        // bad settings: a Korean message, nothing changes
        data.noise.setValue(2.5);
        assertThat(data.generate()).isFalse();
        assertThat(data.errorLines()).containsExactly("잡음은 0과 1 사이여야 합니다(입력값: 2.5).");
        assertThat(panel.shared().data()).isEqualTo(BuiltInData.XOR.table());
        // the upload component's own texts (drawn in the browser) come from the bundle too
        assertThat(data.upload.getI18n().getError().getFileIsTooBig()).isEqualTo("파일이 너무 큽니다.");
        assertThat(data.upload.getI18n().getUploading().getStatus().getConnecting()).isEqualTo("연결하는 중…");
        List<String> texts = VisibleTexts.of(data, c -> false);
        assertThat(texts).contains("기본 데이터", "CSV 올리기…", "생성", "잡음");
        assertThat(VisibleTexts.english(texts)).isEmpty();
    }

    @Test
    void aQueuedRunSaysWhereItWaitsInKoreanAndLimitsKeepTheirDigits() throws Exception {
        TrainingPanel panel = open(dev.gradsheet.train.Templates.sigmoidNeuron(
                dev.gradsheet.train.Templates.Loss.CROSS_ENTROPY, 0.5, -0.5, 0));
        panel.data.builtIn.setValue(BuiltInData.AND);
        roundtrip();
        // a whole number argument is written as digits, never "1,000,000"
        panel.settings.epochs.setValue(registry.limits().maxEpochs() + 1);
        panel.transport.start.click();
        assertThat(panel.error.getText()).isEqualTo("이 서버에서는 한 번에 최대 " + registry.limits().maxEpochs()
                + "에폭까지 학습할 수 있습니다.").doesNotContain(",");
        panel.settings.epochs.setValue(5);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<dev.gradsheet.jobs.JobPool.Ticket> others = fillTheJobPool(release);
        try {
            panel.transport.start.click();
            roundtrip();
            assertThat(panel.readout.status.getText()).isEqualTo("빈 작업자를 기다리는 중(앞에 2개)");
            panel.transport.stop.click();
            panel.finished().get(10, TimeUnit.SECONDS);
            roundtrip();
            assertThat(panel.summary.finalLoss.getText()).isEqualTo("시작하기 전에 멈췄습니다. 아무것도 바뀌지 않았습니다.");
        } finally {
            release.countDown();
            others.forEach(dev.gradsheet.jobs.JobPool.Ticket::cancel);
        }
    }

    @Test
    void theTemplateDialogRefusesBadSettingsInKorean() throws Exception {
        open(Examples.WORKED.text());
        String before = path();
        TemplateDialog dialog = new TemplateDialog(registry);
        dialog.hidden.setValue("4, x");
        assertThat(dialog.openTemplate()).isNull();
        assertThat(dialog.error.getText()).isEqualTo("은닉층 크기: 'x'은(는) 정수가 아닙니다.");
        dialog.hidden.setValue("0");
        assertThat(dialog.openTemplate()).isNull();
        assertThat(dialog.error.getText()).isEqualTo("은닉층 크기는 1에서 256 사이여야 합니다(입력값: 0).");
        dialog.hidden.setValue("4");
        dialog.penalty.setValue(dev.gradsheet.train.Templates.Penalty.L2);
        dialog.lambda.setValue(-1.0);
        assertThat(dialog.openTemplate()).isNull();
        assertThat(dialog.error.getText()).isEqualTo("lambda는 0 이상의 수여야 합니다.");
        assertThat(path()).isEqualTo(before);
        dialog.kind.setValue(TemplateDialog.Kind.STEP);
        assertThat(dialog.note.getText()).startsWith("수업에 나온 임계값 뉴런입니다.").contains("x1 + x2 = 1");
        assertThat(VisibleTexts.english(VisibleTexts.of(dialog, c -> false))).isEmpty();
    }

    @Test
    void aDivergedRunIsExplainedInKoreanByItsType() throws Exception {
        TrainingPanel panel = startDivergingLine();
        assertThatThrownBy(() -> panel.job().result().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TrainingLoop.Diverged.class);
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        // the engine's own (English) sentence, read here only to check the panel's numbers agree with it
        String engine = engineMessage(panel);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("blew up from (\\S+) to (\\S+) by epoch (\\d+) ")
                .matcher(engine);
        assertThat(m.find()).as(engine).isTrue();
        assertThat(panel.error.getText()).isEqualTo("학습을 멈췄습니다: 손실이 급격히 커졌습니다(" + m.group(3) + "에폭까지 "
                + m.group(1) + " → " + m.group(2) + "). 학습률이 너무 큽니다. 학습률을 낮춘 다음 초기화하거나 실행 취소하세요.");
        assertThat(panel.summary.finalLoss.getText()).startsWith("손실이 발산해 학습이 저절로 멈췄습니다");
    }

    @Test
    void inEnglishTheBlowUpReadsAsTheEnginesOwnSentence() throws Exception {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        TrainingPanel panel = startDivergingLine();
        panel.finished().get(30, TimeUnit.SECONDS);
        roundtrip();
        // rebuilt from the loop's curve and step count, not copied from the exception
        assertThat(panel.error.getText()).isEqualTo(engineMessage(panel));
    }

    private static String engineMessage(TrainingPanel panel) {
        try {
            panel.job().result().get(30, TimeUnit.SECONDS);
            throw new AssertionError("the run did not diverge");
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theActivationsPageReadsKorean() throws Exception {
        UI.getCurrent().navigate("lesson/activations");
        MockVaadin.clientRoundtrip();
        ActivationsView view = _get(ActivationsView.class);
        assertThat(view.getPageTitle()).isEqualTo("GradSheet: 활성화 함수와 도함수");
        assertThat(_get(H2.class).getText()).isEqualTo("활성화 함수와 도함수");
        String backprop = _get(Paragraph.class, spec -> spec.withId("activations-backprop")).getText();
        assertThat(backprop).startsWith("역전파에서는 연쇄 법칙에 따라").contains("σ′ = σ(1 − σ)")
                .contains("|x| > " + java.math.BigDecimal.valueOf(ActivationsView.saturationEdge())
                        .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "이면 0.01보다 작아집니다");
        assertThat(view.charts.get(dev.gradsheet.engine.Activation.SIGMOID).title()).isEqualTo("sigmoid(x)와 도함수");
        // each function's rule sentence is the op's own (app bundle, checked with the sheet's texts): not checked here
        assertThat(_find(Paragraph.class, spec -> spec.withClasses(ActivationsView.RULE_CLASS))).hasSize(4);
        List<String> texts = VisibleTexts.of(view, c -> c.getElement().getClassList().contains(ActivationsView.RULE_CLASS));
        assertThat(texts).contains("← 시트로 돌아가기");
        assertThat(VisibleTexts.english(texts)).isEmpty();
    }

    @Test
    void theLossesPageReadsKoreanAndKeepsItsFormulas() {
        UI.getCurrent().navigate("lesson/losses");
        MockVaadin.clientRoundtrip();
        LossesView view = _get(LossesView.class);
        assertThat(view.getPageTitle()).isEqualTo("GradSheet: 평균 제곱 오차와 교차 엔트로피");
        assertThat(_get(H2.class).getText()).startsWith("어떤 손실 함수를 쓸까?");
        assertThat(_get(Paragraph.class, spec -> spec.withId("losses-why")).getText())
                .contains("2(a − y)·σ′(z)").contains("교차 엔트로피에서는 σ′가 약분되어");
        assertThat(view.run.getText()).isEqualTo("비교하기");
        // the default start: w1 = w2 = −4, b = −2 on OR, 300 epochs
        List<Double> ce = view.comparison().crossEntropy().epochLosses();
        assertThat(view.ceResult.getText()).isEqualTo("손실: 1에폭 뒤 " + Format.readable(ce.get(0)) + " → 300에폭 뒤 "
                + Format.readable(ce.get(ce.size() - 1)));
        assertThat(view.mseGradient.getText()).startsWith("처음에 가장 크게 틀린 샘플 (").contains("∂L/∂z = 2(a − y)·σ′(z) = ");
        assertThat(view.curves.xLabel()).isEqualTo("에폭");
        assertThat(view.curves.series()).extracting(LineChart.Series::label).containsExactly("평균 제곱 오차 (MSE)", "교차 엔트로피");
        view.epochs.clear();
        view.run.click();
        assertThat(view.error.getText()).isEqualTo("w1, w2, b와 데이터 세트를 입력하고, 에폭 수는 1에서 100000 사이로 정하세요.");
        List<String> texts = VisibleTexts.of(view, c -> false);
        assertThat(texts).contains("데이터", "에폭 수", "학습률", "평균 제곱 오차 (MSE)", "교차 엔트로피");
        assertThat(VisibleTexts.english(texts)).isEmpty();
    }

    @Test
    void theWalkerFindsEnglishWhereThereIsSome() throws Exception {
        // the check above can fail: the same panel in English is full of English words
        UI.getCurrent().setLocale(Locale.ENGLISH);
        TrainingPanel panel = open(Examples.WORKED.text());
        assertThat(VisibleTexts.english(VisibleTexts.of(panel, c -> c instanceof NetworkView)))
                .contains("Play", "Learning rate", "Data & training (mini-batch SGD)");
        assertThat(VisibleTexts.englishWords("x1 = 0.5, w = weight(0.5) · SGD 단계 3")).isEmpty();
    }
}
