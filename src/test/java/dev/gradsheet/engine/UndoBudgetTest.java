package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;

/** One undo budget for many sheets instead of 64 MB each. */
class UndoBudgetTest {
    private static Sheet mlp() throws Exception {
        return SheetFile.parse(Generators.text(w -> Generators.mlp(16, 1, w)), "mlp.sheet").sheet();
    }

    @Test
    void sheetsSharingABudgetStayWithinItTogetherAndGiveItBackWhenTheyForget() throws Exception {
        Sheet a = mlp();
        Sheet b = mlp();
        a.sgdStep(0.01, 1);
        long oneStep = a.undoBytes();
        assertThat(oneStep).isPositive();
        UndoBudget budget = new UndoBudget(oneStep * 10);
        a.shareUndoBudget(budget);
        b.shareUndoBudget(budget);
        assertThat(budget.used()).isEqualTo(oneStep);
        for (int i = 0; i < 50; i++) {
            a.sgdStep(0.01, 1);
            b.sgdStep(0.01, 1);
            assertThat(budget.used()).isEqualTo(a.undoBytes() + b.undoBytes());
            assertThat(budget.used()).isLessThanOrEqualTo(budget.limit() + oneStep);
        }
        // without the shared budget each would keep all 50 (under its own 64 MB)
        assertThat(a.undoDepth() + b.undoDepth()).isLessThanOrEqualTo(11);
        assertThat(a.undoDepth()).isPositive();
        assertThat(b.undoDepth()).isPositive();
        a.forgetHistory();
        assertThat(a.canUndo()).isFalse();
        assertThat(budget.used()).isEqualTo(b.undoBytes());
        b.shareUndoBudget(null);
        assertThat(budget.used()).isZero();
    }
}
