package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabelSamples;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.VersionOneHistory;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.ui.i18n.GradSheetI18N;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every edit's name on a Korean page is Korean around the sheet's own names and numbers — each kind
 * of edit, the Undo button, the "undone in another tab" notice — and a revision saved with an English
 * name before edits were typed shows in Korean in the History.
 */
class KoreanEditNamesTest extends KaribuTestBase {
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    @TempDir
    Path dir;

    @BeforeEach
    void korean() {
        UI.getCurrent().setLocale(GradSheetI18N.KOREAN);
    }

    /** The words in Latin letters of {@code text}. */
    private static List<String> latinWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void everyKindOfEditIsNamedInKoreanAroundItsNamesAndNumbers() {
        for (EditLabel label : EditLabelSamples.all()) {
            String korean = EditLabels.of(label);
            if (label.kind() == EditLabel.Kind.VERBATIM) {
                assertThat(korean).isEqualTo("z"); // an old name of no known form: as it was written
                continue;
            }
            assertThat(korean).as(label.english()).containsPattern("\\p{IsHangul}").doesNotContain("!edit.");
            // the sample's cell names (z, q, h) and numbers, and SGD, which Korean writes as it is
            assertThat(latinWords(korean)).as(korean).isSubsetOf("z", "q", "h", "SGD");
            assertThat(korean).contains(label.kind().arguments().contains(EditLabel.Arg.NUMBER) ? "-3.5" : "");
        }
    }

    @Test
    void theUndoButtonAndTheUndoneNoticeNameTheEditInKorean() {
        SheetView view = openStart();
        view.presenter().shared().sheet().setObjective("L");
        roundtrip();
        assertThat(view.toolbar().undo.getText()).isEqualTo("목적 함수를 L(으)로 설정 실행 취소");
        view.presenter().shared().sheet().setLearningRate(0.1);
        roundtrip();
        assertThat(view.toolbar().undo.getTooltip().getText()).startsWith("학습률을 0.1(으)로 설정 실행 취소(Ctrl+Z).");

        view.presenter().shared().sheet().undo(); // another tab on the link undoes it
        roundtrip();
        NotificationsKt.expectNotifications(
                "다른 탭에서 실행 취소됨: 학습률을 0.1(으)로 설정. 이 링크의 모든 사람이 하나의 실행 취소 기록을 함께 씁니다.");
        assertThat(view.toolbar().redo.getText()).isEqualTo("학습률을 0.1(으)로 설정 다시 실행");
    }

    @Test
    void aRevisionNamedInEnglishBeforeLabelsWereTypedShowsInKoreanInTheHistory() {
        String id = SheetStore.newId();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SheetStore.embeddedUrl(dir));
        config.setUsername("sa");
        try (HikariDataSource ds = new HikariDataSource(config)) {
            VersionOneHistory.write(ds, UnaryOperator.identity(), id, Examples.WORKED.text(), List.of(
                    "train at lr 0.5 (batch 4): 37 steps to epoch 37", "set z = -3, then undo SGD step (lr 0.01)"));
        }
        SheetRegistry upgraded = new SheetRegistry(dir.toString()); // the server starts on the old database
        SharedSheet shared = upgraded.find(id).orElseThrow();
        HistoryPanel history = new HistoryPanel(new SheetPresenter(shared), upgraded);
        assertThat(_size(history.revisions)).isEqualTo(2);
        assertThat(_getFormattedRow(history.revisions, 0).get(2))
                .isEqualTo("z = -3(으)로 설정, 이어서 SGD 한 단계(학습률 0.01) 실행 취소");
        assertThat(_getFormattedRow(history.revisions, 1).get(2)).isEqualTo("학습률 0.5로 학습(배치 4): 37에폭까지 37단계");

        UI.getCurrent().setLocale(GradSheetI18N.ENGLISH);
        history.refresh();
        assertThat(_getFormattedRow(history.revisions, 0).get(2)).isEqualTo("set z = -3, then undo SGD step (lr 0.01)");
    }
}
