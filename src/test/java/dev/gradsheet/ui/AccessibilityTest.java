package dev.gradsheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.button.Button;
import dev.gradsheet.engine.EditLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accessibility in Karibu: the polite live region announcing other tabs' edits (its text
 * and its throttle) and the graph's text equivalent (inputs and users, each selecting its cell).
 */
class AccessibilityTest extends KaribuTestBase {

    /** A clock and a scheduler the test moves by hand. */
    static final class FakeTime implements LiveAnnouncer.Scheduler {
        long now;
        final List<Runnable> tasks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public void schedule(Runnable task, long delayMillis) {
            tasks.add(task);
            delays.add(delayMillis);
        }

        void runDue() {
            List<Runnable> due = new ArrayList<>(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    @Test
    void anAnnouncementAtMostEveryFewSecondsAndTheLatestWhenTheGapIsOver() {
        FakeTime time = new FakeTime();
        LiveAnnouncer live = new LiveAnnouncer(() -> time.now, time);
        assertThat(live.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(live.getElement().getAttribute("role")).isEqualTo("status");

        live.announce("step 1");
        assertThat(live.text()).isEqualTo("step 1");
        // a training run: a change every 100 ms for 1.9 s; nothing more is read until the gap is over
        for (int i = 2; i <= 20; i++) {
            time.now += 100;
            live.announce("step " + i);
            assertThat(live.text()).isEqualTo("step 1");
        }
        assertThat(time.tasks).hasSize(1); // one flush waits, not one per change
        assertThat(time.delays.get(0)).isEqualTo(LiveAnnouncer.GAP_MILLIS - 100);
        time.now = LiveAnnouncer.GAP_MILLIS;
        time.runDue();
        assertThat(live.text()).isEqualTo("step 20"); // the latest, once the gap is over

        // the run stops 1 s later: its final state is read when the next gap is over
        time.now += 1000;
        live.announce("Finished train 5 epochs. L = 0.12.");
        assertThat(live.text()).isEqualTo("step 20");
        assertThat(time.delays.get(1)).isEqualTo(LiveAnnouncer.GAP_MILLIS - 1000);
        time.now += LiveAnnouncer.GAP_MILLIS - 1000;
        time.runDue();
        assertThat(live.text()).isEqualTo("Finished train 5 epochs. L = 0.12.");

        // long after, a single edit is read at once
        time.now += 60_000;
        live.announce("z changed to -4 by another tab. L = 4.");
        assertThat(live.text()).isEqualTo("z changed to -4 by another tab. L = 4.");
        assertThat(time.tasks).isEmpty();
    }

    @Test
    void summariesSayWhatChangedElsewhereInOneShortSentence() {
        EditLabel setZ = EditLabel.of(EditLabel.Kind.SET_VALUE, "z", -3.88);
        EditLabel train = EditLabel.of(EditLabel.Kind.TRAIN_EPOCHS, 5, 4, 0.1);
        assertThat(ChangeSummary.of(setZ, "L = 2.6896"))
                .isEqualTo("z changed to -3.88 by another tab. L = 2.6896.");
        assertThat(ChangeSummary.of(EditLabel.of(EditLabel.Kind.SGD_STEP, 0.01), "L = 2.6896"))
                .isEqualTo("Changed by another tab: SGD step (lr 0.01). L = 2.6896.");
        assertThat(ChangeSummary.of(EditLabel.undo(setZ), "L = 4"))
                .isEqualTo("Undone in another tab: set z = -3.88. L = 4.");
        assertThat(ChangeSummary.of(EditLabel.progress(train, 40), "L = 0.3"))
                .isEqualTo("Running train 5 epochs (batch 4, lr 0.1), step 40. L = 0.3.");
        assertThat(ChangeSummary.of(train, "L = 0.1")).isEqualTo("Finished train 5 epochs (batch 4, lr 0.1). L = 0.1.");
        assertThat(ChangeSummary.of(EditLabel.trained(EditLabel.of(EditLabel.Kind.TRAIN_AT, 0.5, 4), 1, 1), "L = 0.1"))
                .isEqualTo("Finished train at lr 0.5 (batch 4): 1 step to epoch 1. L = 0.1.");
        assertThat(ChangeSummary.of(setZ, "L = ?")).isEqualTo("z changed to -3.88 by another tab. L = ?.");
    }

    @Test
    void anEditFromAnotherTabIsAnnouncedPolitelyAndOwnEditsAreNot() throws Exception {
        SheetView view = openStart();
        LiveAnnouncer live = view.liveRegion();
        assertThat(live.text()).isEmpty();

        // this tab's own edit: the page shows it, nobody needs telling
        view.presenter().setValue("x", "-2.5");
        roundtrip();
        assertThat(live.text()).isEmpty();

        // another tab's edit arrives on another thread
        Thread other = new Thread(() -> view.presenter().shared().sheet().setValue("z", -3.88));
        other.start();
        other.join();
        roundtrip();
        // f = (-2.5 + 5) * -3.88 = -9.7, L = (f + 10)^2 = 0.09
        assertThat(view.cell("f").value()).isCloseTo(-9.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(live.text()).isEqualTo("z changed to -3.88 by another tab. L = 0.09.");
    }

    @Test
    void theGraphInWordsListsInputsAndUsersAndSelectsThem() {
        SheetView view = openStart();
        GraphTextEquivalent text = view.graphText();
        view.cellGrid().select("f");
        roundtrip();
        assertThat(_find(text, com.vaadin.flow.component.html.Span.class).get(0).getText())
                .isEqualTo("Selected f (mul) = q * z.");
        assertThat(names(text, "graph-text-inputs")).containsExactly("q", "z");
        assertThat(names(text, "graph-text-users")).containsExactly("L");

        Button q = _find(text, Button.class).stream().filter(b -> b.getText().equals("q")).findFirst().orElseThrow();
        assertThat(q.getElement().getAttribute("aria-label")).isEqualTo("select q");
        ButtonKt._click(q);
        roundtrip();
        assertThat(view.cellGrid().selectedName()).isEqualTo("q");
        assertThat(view.cellPanel().shown()).isEqualTo("q");
        assertThat(names(text, "graph-text-inputs")).containsExactly("x", "y");
        assertThat(names(text, "graph-text-users")).containsExactly("f");

        // an input uses no other cell
        view.cellGrid().select("x");
        roundtrip();
        assertThat(names(text, "graph-text-inputs")).isEmpty();
        assertThat(text.getElement().getTextRecursively()).contains("Uses: no other cell");
        assertThat(names(text, "graph-text-users")).containsExactly("q");
    }

    private static List<String> names(GraphTextEquivalent text, String listId) {
        return text.getChildren().filter(c -> c.getId().orElse("").equals(listId)).findFirst().orElseThrow()
                .getChildren().filter(c -> c instanceof Button).map(c -> ((Button) c).getText()).toList();
    }
}
