package dev.gradsheet.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.engine.TrainingSession;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tab's share of a sheet's change stream: the thread that changed the sheet (holding its lock)
 * only queues; the page gets every edit in order, a run's progress coalesced to the newest, and no
 * progress while the tab is hidden.
 */
class ChangeFeedTest {
    private final FrameWorkers workers = new FrameWorkers(1, 1000);
    private final Queue<Runnable> page = new ConcurrentLinkedQueue<>();
    private final Tab tab = new Tab(workers);
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<Boolean> appliedHoldingTheLock = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        workers.close();
    }

    private Sheet watched() throws Exception {
        Sheet sheet = SheetFile.parse("x = input(-2)\ny = input(5)\nz = weight(-4)\nf = (x + y) * z\n", "t.sheet").sheet();
        ChangeFeed feed = new ChangeFeed(tab.open(page::add), (changes, missed) -> {
            for (ChangeSet c : changes) {
                applied.add(c.kind() + "#" + c.version());
                appliedHoldingTheLock.add(sheet.heldByCurrentThread());
            }
        });
        sheet.changes().subscribe(feed::offer);
        return sheet;
    }

    private void settle() {
        await().pollInSameThread().atMost(30, TimeUnit.SECONDS).until(() -> {
            Tab.Mark mark = tab.mark();
            for (Runnable task = page.poll(); task != null; task = page.poll()) {
                task.run();
            }
            return tab.idle() && tab.handed(mark) && page.isEmpty();
        });
    }

    @Test
    void editsArriveInOrderAndARunsProgressOnlyAsItsNewest() throws Exception {
        Sheet sheet = watched();
        long v = sheet.version();
        sheet.setValue("z", -3);
        sheet.setValue("x", 1);
        TrainingSession run = sheet.startTraining(List.of());
        for (int i = 0; i < 20; i++) {
            run.publish(EditLabel.of(EditLabel.Kind.EDIT)); // twenty progress announcements, on this thread, under the lock
        }
        assertThat(applied).as("nothing is applied on the announcing thread").isEmpty();
        settle();
        // both edits, in order; of twenty progress sets at most the first and the newest reach the page
        assertThat(applied.subList(0, 2)).containsExactly("VALUES#" + (v + 1), "VALUES#" + (v + 2));
        assertThat(applied.subList(2, applied.size())).hasSizeBetween(1, 2).last().isEqualTo("RELOAD#" + (v + 22));
        assertThat(appliedHoldingTheLock).containsOnly(false);
    }

    @Test
    void aHiddenTabGetsEditsButNoProgressUntilShown() throws Exception {
        Sheet sheet = watched();
        long v = sheet.version();
        tab.shown(false);
        TrainingSession run = sheet.startTraining(List.of());
        run.publish(EditLabel.of(EditLabel.Kind.EDIT));
        run.publish(EditLabel.of(EditLabel.Kind.EDIT));
        Thread.sleep(300);
        settle();
        assertThat(applied).isEmpty();
        sheet.setValue("z", -3); // an edit still reaches a hidden tab (it is cheap, and it is someone's work)
        settle();
        assertThat(applied).containsExactly("RELOAD#" + (v + 2), "VALUES#" + (v + 3));
        run.publish(EditLabel.of(EditLabel.Kind.EDIT));
        Thread.sleep(300);
        settle();
        assertThat(applied).hasSize(2);
        tab.shown(true);
        settle();
        assertThat(applied).containsExactly("RELOAD#" + (v + 2), "VALUES#" + (v + 3), "RELOAD#" + (v + 4));
    }
}
