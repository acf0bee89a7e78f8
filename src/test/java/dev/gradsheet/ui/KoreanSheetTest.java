package dev.gradsheet.ui;

import dev.gradsheet.ui.common.Format;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.Op;
import dev.gradsheet.ui.i18n.GradSheetI18N;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sheet in Korean: real Korean labels where a person reads them, the worked example's
 * numbers unchanged, and no English left in the page: every text of the component tree (text nodes,
 * labels, placeholders, helper and error texts, tooltips, {@code title}, {@code aria-label}, grid
 * headers and the grid's rendered cells) is read, and any English word that is not a cell name, an
 * operation's name, part of a formula or in {@link #SAME_IN_EVERY_LANGUAGE} fails the test.
 * The Data & training tab ({@code ui.train}) has its own walk in {@code KoreanTrainingUiTest}.
 */
class KoreanSheetTest extends KaribuTestBase {
    /** Words that are the same in every language: names of things, abbreviations, keys. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("GradSheet", "SGD", "CSV", "NaN", "kB", "Ctrl",
            "Shift", "Z", "sheet", "txt", "gradsheet", "check", "FILE", "CS231n", "ReLU", "leaky", "ln", "English",
            "dL", "PyTorch", "xlsx", "py", "backward" /* PyTorch's method, as code: backward() */);
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    @BeforeEach
    void korean() {
        UI.getCurrent().setLocale(GradSheetI18N.KOREAN);
    }

    @Test
    void toolbarGridAndExplanationAreKoreanWithTheWorkedExamplesNumbers() {
        SheetView view = openStart();
        assertThat(view.toolbar().undo.getText()).isEqualTo("실행 취소");
        assertThat(view.toolbar().objective.getLabel()).isEqualTo("목적 함수");
        assertThat(view.sgdPanel().apply.getText()).isEqualTo("SGD 단계 적용");
        assertThat(view.sgdPanel().learningRate.getLabel()).isEqualTo("학습률");
        assertThat(view.cellGrid().headerText("name")).isEqualTo("이름");
        assertThat(view.cellGrid().headerText("formula")).isEqualTo("수식");
        assertThat(view.cellGrid().headerText("value")).isEqualTo("값");
        assertThat(view.cellGrid().headerText("grad")).isEqualTo("기울기");
        assertThat(view.cellGrid().headerTooltip("grad")).startsWith("dL/d·: 셀이 1만큼 변할 때 L이(가) 변하는 양");
        // names, formulas and numbers are the sheet's own, never translated
        assertThat(SheetViewTest.shown(view, "f", "formula")).isEqualTo("q * z");
        assertThat(SheetViewTest.shown(view, "f", "kind")).isEqualTo("mul");
        assertThat(SheetViewTest.shown(view, "z", "grad")).isEqualTo("-12");
        assertThat(SheetViewTest.shown(view, "L", "local")).isEqualTo("목적 함수");
        assertThat(view.graph().picture().node("z").label()).isEqualTo("z = -4\n기울기 -12");

        view.cellGrid().select("z");
        roundtrip();
        CellPanel why = view.cellPanel();
        assertThat(why.title.getText()).isEqualTo("dL/dz = -12인 이유는?");
        assertThat(why.equation.getText()).isEqualTo("dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12");
        assertThat(why.terms.getChildren().map(c -> c.getElement().getText()).toList()).containsExactly(
                "f(mul)을(를) 거쳐: 상위 기울기 dL/df · 국소 미분 ∂f/∂z = (-4)·(3) = -12"
                        + " — ×는 기울기에 다른 쪽 입력을 곱합니다");
        assertThat(why.chain.summary.getText()).isEqualTo("연쇄 전체: dL/dz = -12, 경로 1개의 합");
        assertThat(why.rename.getText()).isEqualTo("이름 바꾸기");

        ButtonKt._click(view.sgdPanel().apply);
        roundtrip();
        assertThat(view.sgdPanel().result.getText()).isEqualTo("학습률 0.01로 1단계: L 4 → 2.6896");
        assertThat(SheetViewTest.shown(view, "f", "value")).isEqualTo("-11.64"); // a dot, not a comma
        assertThat(view.toolbar().undo.getText()).isEqualTo("SGD 한 단계(학습률 0.01) 실행 취소");
    }

    @Test
    void aRefusalIsSaidInKoreanNextToItsField() {
        SheetView view = openStart();
        AddCellForm form = view.addForm();
        view.showTab("tab-add");
        HasValueUtilsKt._setValue(form.name, "x");
        HasValueUtilsKt._setValue(form.formula, "y + 1");
        ButtonKt._click(form.add);
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("x이라는 이름의 셀이 이미 있습니다");
        assertThat(form.formula.isInvalid()).isFalse();
        assertThat(view.presenter().shared().sheet().size()).isEqualTo(7); // nothing changed

        HasValueUtilsKt._setValue(form.name, "h");
        HasValueUtilsKt._setValue(form.formula, "nosuch + 1");
        ButtonKt._click(form.add);
        assertThat(form.formula.isInvalid()).isTrue();
        assertThat(form.formula.getErrorMessage()).isEqualTo("‘nosuch’이라는 셀이 없습니다 (1번째 글자)");
    }

    @Test
    void noEnglishIsLeftInTheSheetWithItsPanelsOpen() {
        SheetView view = openStart();
        view.cellGrid().select("q");
        ButtonKt._click(view.sgdPanel().apply);
        view.numericCheck().check();
        ButtonKt._click(view.stepPanel().start);
        ButtonKt._click(view.stepPanel().next);
        view.showTab("tab-add");
        HasValueUtilsKt._setValue(view.addForm().name, "x");
        HasValueUtilsKt._setValue(view.addForm().formula, "1 +");
        ButtonKt._click(view.addForm().add);
        roundtrip();
        assertNoEnglish(view);

        view.presenter().undo(); // the SGD step: a tooltip naming the edit, "다시 실행"
        roundtrip();
        assertNoEnglish(view);
    }

    @Test
    void noEnglishIsLeftInPracticeModeWithAHint() {
        SheetView view = openStart();
        view.practicePanel().practice.setValue(true);
        roundtrip();
        PracticeModeTest.AnswerCell q = PracticeModeTest.answer(view, "q", "answer-grad");
        PracticeModeTest.type(q, "-16");
        ButtonKt._click(q.hint());
        assertThat(view.practicePanel().hint.getText())
                .isEqualTo("q의 기울기 힌트 1/3: q은(는) f에 쓰입니다: ×는 기울기에 다른 쪽 입력을 곱합니다.");
        assertThat(view.practicePanel().score.getText()).isEqualTo("점수: 6개 중 0개 정답");
        assertThat(q.mark().getElement().getAttribute("aria-label")).isEqualTo("아직 정답이 아님");
        assertNoEnglish(view);
    }

    @Test
    void noEnglishIsLeftOnAnEmptySheetsStartGuide() {
        SheetView view = openStart();
        ButtonKt._click(view.toolbar().menu.getItems().get(0).getSubMenu().getItems().stream()
                .filter(i -> "example-empty".equals(i.getId().orElse(""))).findFirst().orElseThrow());
        roundtrip();
        SheetView empty = com.github.mvysny.kaributesting.v10.LocatorJ._get(SheetView.class);
        assertThat(empty.presenter().shared().sheet().size()).isZero();
        assertNoEnglish(empty);
    }

    @Test
    void theServerSpeaksKoreanToo() {
        assertThat(ServerMessages.of("the server is busy: all 2 workers are running jobs and 4 more are waiting"
                + " (the most it queues); try again in a minute"))
                .isEqualTo("서버가 바쁩니다. 작업자 2개가 모두 작업 중이고 4개가 더 기다리고 있습니다(대기 한도). 1분 뒤에 다시 해 보세요");
        UI.getCurrent().navigate("sheet/nosuchsheet0000");
        roundtrip();
        SheetView missing = com.github.mvysny.kaributesting.v10.LocatorJ._get(SheetView.class);
        List<String> texts = new ArrayList<>();
        collect(missing.getElement(), texts);
        assertThat(texts).contains("text: 이 링크에 해당하는 시트가 없습니다.", "text: 풀이 예제로 시작하기");
        UI.getCurrent().setLocale(GradSheetI18N.ENGLISH);
        assertThat(ServerMessages.of("the server is shutting down; try again in a minute"))
                .isEqualTo("the server is shutting down; try again in a minute");
    }

    @Test
    void editLabelsAndAnnouncementsAreKoreanAroundTheEnginesNamesAndNumbers() {
        EditLabel setZ = EditLabel.of(EditLabel.Kind.SET_VALUE, "z", -3.88);
        EditLabel saved = EditLabel.of(EditLabel.Kind.MORE, EditLabel.of(EditLabel.Kind.THEN,
                EditLabel.of(EditLabel.Kind.SET_VALUE, "z", -3), EditLabel.of(EditLabel.Kind.ADD, "h")), 2);
        assertThat(ChangeSummary.of(setZ, "L = 2.6896"))
                .isEqualTo("다른 탭에서 z을(를) -3.88(으)로 바꿨습니다. L = 2.6896.");
        assertThat(ChangeSummary.of(EditLabel.undo(EditLabel.of(EditLabel.Kind.SGD_STEP, 0.01)), "L = 4"))
                .isEqualTo("다른 탭에서 실행 취소됨: SGD 한 단계(학습률 0.01). L = 4.");
        assertThat(EditLabels.of(saved)).isEqualTo("z = -3(으)로 설정, 이어서 h 추가 외 2개");
        assertThat(EditLabels.of(EditLabel.of(EditLabel.Kind.RENAME, "q", "s"))).isEqualTo("q의 이름을 s(으)로 변경");
        // a revision name of no form known when it was saved is shown as it is
        assertThat(EditLabels.of(EditLabel.of(EditLabel.Kind.VERBATIM, "something new"))).isEqualTo("something new");
        // a training run's end, which the English text form never translated
        EditLabel run = EditLabel.trained(EditLabel.of(EditLabel.Kind.TRAIN_AT, 0.5, 4), 37, 37);
        assertThat(EditLabels.of(run)).isEqualTo("학습률 0.5로 학습(배치 4): 37에폭까지 37단계");
        UI.getCurrent().setLocale(GradSheetI18N.ENGLISH);
        assertThat(ChangeSummary.of(setZ, "L = 2.6896")).isEqualTo("z changed to -3.88 by another tab. L = 2.6896.");
        assertThat(EditLabels.of(saved)).isEqualTo("set z = -3, then add h (+2 more)");
        assertThat(EditLabels.of(run)).isEqualTo("train at lr 0.5 (batch 4): 37 steps to epoch 37");
    }

    @Test
    void numbersKeepTheirDotsWhateverTheJvmsLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : List.of(Locale.KOREAN, Locale.GERMANY, Locale.FRANCE)) {
                Locale.setDefault(l);
                assertThat(Format.readable(-11.64)).isEqualTo("-11.64");
                assertThat(Format.readable(2.6896)).isEqualTo("2.6896");
                assertThat(Format.readable(3.95804e-6)).isEqualTo("3.95804e-6");
                assertThat(Format.exact(0.1 + 0.2)).isEqualTo("0.30000000000000004");
                assertThat(Format.parse("-3.88")).isEqualTo(-3.88);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Fails listing every English text of the view (outside ui.train) with the component it is on. */
    private void assertNoEnglish(SheetView view) {
        Set<String> allowed = new LinkedHashSet<>(SAME_IN_EVERY_LANGUAGE);
        for (Op op : Op.values()) {
            allowed.add(op.label());
        }
        for (String name : view.presenter().shared().sheet().names()) {
            allowed.add(name);
            allowed.add("d" + name); // dL, dz: derivatives in formulas
        }
        List<String> texts = new ArrayList<>();
        collect(UI.getCurrent().getElement(), texts);
        Grid<Cell> grid = view.cellGrid().grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            texts.add("grid row " + row + ": " + GridKt._getFormattedRow(grid, row));
        }
        assertThat(texts.size()).isGreaterThan(50);
        List<String> english = texts.stream().filter(t -> hasEnglish(t.substring(t.indexOf(": ") + 2), allowed)).toList();
        assertThat(english).as("English texts in the Korean page").isEmpty();
        assertThat(String.join("\n", texts)).contains("기울기", "목적 함수");
    }

    private static boolean hasEnglish(String text, Set<String> allowed) {
        String words = text
                .replaceAll("/sheet/\\w+", "")               // a sheet's link: its id
                .replaceAll("[\\w-]+\\.sheet", "")            // a file name
                .replaceAll("\\b[A-Z]\\w*\\[[^\\]]*\\]", ""); // a component in a grid cell (read on its own)
        Matcher m = WORD.matcher(words);
        while (m.find()) {
            String w = m.group();
            if (!allowed.contains(w) && !w.matches("[a-z]|e\\d+|[A-Za-z]\\d*|d?[a-z]\\d*")) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> TEXT_PROPERTIES = List.of("label", "placeholder", "helperText", "errorMessage",
            "text", "title", "accessibleName");
    private static final List<String> TEXT_ATTRIBUTES = List.of("title", "aria-label", "placeholder", "alt");

    /** Every text of {@code e} and the elements under it (virtual children too: tooltips, overlays), with where. */
    private static void collect(Element e, List<String> out) {
        if (e.isTextNode()) {
            if (!e.getText().isBlank()) {
                out.add("text: " + e.getText());
            }
            return;
        }
        if (!e.isVisible()) {
            return;
        }
        String where = e.getAttribute("id") == null ? e.getTag() : e.getTag() + "#" + e.getAttribute("id");
        for (String p : TEXT_PROPERTIES) {
            Object v = e.getPropertyRaw(p);
            if (v instanceof String s && !s.isBlank()) {
                out.add(where + "[" + p + "]: " + s);
            }
        }
        for (String a : TEXT_ATTRIBUTES) {
            String v = e.getAttribute(a);
            if (v != null && !v.isBlank()) {
                out.add(where + "[" + a + "]: " + v);
            }
        }
        e.getChildren().forEach(c -> collect(c, out));
        StateNode node = e.getNode();
        if (node.hasFeature(VirtualChildrenList.class)) {
            node.getFeature(VirtualChildrenList.class).forEachChild(child -> collect(Element.get(child), out));
        }
    }
}
