package dev.gradsheet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.RandomSheets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stepper shows exactly the order the engine computes in ({@link Sheet#evaluationOrder()}, which
 * {@code EvaluationOrderTest} holds to the forward pass), on random sheets whose cells were created
 * and listed out of dependency order and re-wired by edits.
 */
class StepThroughOrderTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theStepsFollowTheEnginesOrderForwardAndItsReverseBackward(long seed) {
        Sheet sheet = RandomSheets.outOfOrder(seed);
        List<StepThrough.Step> steps = StepThrough.of(sheet);
        List<String> order = sheet.evaluationOrder();
        List<String> forward = steps.stream().filter(s -> !s.backward()).map(StepThrough.Step::cell).toList();
        List<String> backward = steps.stream().filter(StepThrough.Step::backward).map(StepThrough.Step::cell).toList();
        assertThat(forward).isEqualTo(order);
        List<String> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        assertThat(backward).isEqualTo(reversed);
        // the listing differs, so a stepper that walked the list, or broke ties by it, would fail here
        assertThat(sheet.cells().stream().map(Cell::name).toList()).isNotEqualTo(order);
    }
}
