package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import dev.gradsheet.server.FailingDatabase;
import dev.gradsheet.server.SaveState;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.ui.frames.FrameWorkers;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's head says whether the sheet's edits are saved, in every tab on the sheet at once:
 * "saving…" until an edit is in the database, "saved" after, and "not saved: the database does not
 * answer" while it fails — staying so until a save succeeds.
 */
class SavedIndicatorTest extends KaribuTestBase {
    @TempDir
    Path dir;
    private final AtomicBoolean down = new AtomicBoolean();
    private SheetRegistry failing;

    @AfterEach
    void stopRegistry() {
        if (failing != null) {
            FailingDatabase.shutdown(failing);
        }
    }

    /** A tab (a sheet view) on {@code shared}, as the router makes it. */
    private SheetView tab(SharedSheet shared) {
        SheetView view = new SheetView(failing, ctx.getBean(FrameWorkers.class),
                ctx.getBean(dev.gradsheet.server.access.SheetActions.class));
        view.setParameter(null, shared.id());
        UI.getCurrent().add(view);
        return view;
    }

    private static void awaitSaying(SavedIndicator shown, String text) {
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            roundtrip();
            assertThat(shown.getText()).isEqualTo(text);
        });
    }

    @Test
    void everyTabSaysSavingThenSavedAndNotSavedWhileTheDatabaseFailsUntilASaveSucceeds() {
        failing = FailingDatabase.registry(dir, down);
        SharedSheet shared = failing.create(Examples.WORKED.load());
        SavedIndicator first = tab(shared).saved();
        SavedIndicator second = tab(shared).saved();
        roundtrip();
        assertThat(first.getText()).isEqualTo("saved");
        assertThat(second.getText()).isEqualTo("saved");

        shared.sheet().setValue("z", -3); // an edit, from any tab
        roundtrip();
        assertThat(first.state()).isIn(SaveState.SAVING, SaveState.SAVED);
        awaitSaying(first, "saved");
        awaitSaying(second, "saved");
        assertThat(failing.store().text(shared.id()).orElseThrow()).contains("z = weight(-3)");

        down.set(true);
        shared.sheet().setValue("x", 2);
        awaitSaying(first, "not saved: the database does not answer");
        awaitSaying(second, "not saved: the database does not answer");
        assertThat(first.getClassNames()).contains("gs-error");
        shared.sheet().setValue("y", 4); // made while the database is down
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SheetRegistry.SAVE_DELAY_MS * 4);
        while (System.nanoTime() < until) {
            roundtrip();
            assertThat(first.getText()).as("never 'saved' while the database fails").isEqualTo("not saved: the database does not answer");
            assertThat(second.getText()).isEqualTo("not saved: the database does not answer");
        }

        down.set(false);
        awaitSaying(first, "saved");
        awaitSaying(second, "saved");
        assertThat(first.getClassNames()).doesNotContain("gs-error");
        assertThat(failing.store().text(shared.id()).orElseThrow()).contains("x = input(2)").contains("y = input(4)");
    }

    @Test
    void aKoreanPageSaysItInKorean() {
        failing = FailingDatabase.registry(dir, down);
        SharedSheet shared = failing.create(Examples.WORKED.load());
        UI.getCurrent().setLocale(Locale.KOREAN);
        SavedIndicator shown = tab(shared).saved();
        down.set(true);
        shared.sheet().setValue("z", -3);
        awaitSaying(shown, "저장되지 않음: 데이터베이스가 응답하지 않습니다");
        down.set(false);
        awaitSaying(shown, "저장됨");
    }

    @Test
    void aSheetAtItsHistoryBudgetIsSavedAndSaysItsHistoryIsFull() {
        failing = FailingDatabase.registry(dir, down);
        SavedIndicator shown = tab(failing.create(Examples.WORKED.load())).saved();
        shown.show(SaveState.FULL);
        assertThat(shown.getText()).isEqualTo("saved; the history is full, older revisions go sooner");
        assertThat(shown.getClassNames()).doesNotContain("gs-error");
        UI.getCurrent().setLocale(Locale.KOREAN);
        shown.show(SaveState.FULL);
        assertThat(shown.getText()).isEqualTo("저장됨. 기록이 가득 차서 오래된 버전이 더 일찍 지워집니다");
    }
}
