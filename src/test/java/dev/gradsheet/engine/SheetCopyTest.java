package dev.gradsheet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sheet's private copy: the same cells, numbers, objective and learning rate as the sheet when it
 * was taken, changed apart from it, and read and probed under its own lock — so a picture computed
 * from it never waits for, nor holds, the sheet's lock.
 */
class SheetCopyTest {
    @Test
    void aCopyIsTheWorkedExampleAsItWasAndChangesApartFromIt() {
        Sheet sheet = Sheets.of(Sheets.WORKED);
        sheet.setLearningRate(0.01);
        Sheet copy = sheet.copy();
        assertThat(copy).isNotSameAs(sheet);
        assertThat(copy.names()).isEqualTo(sheet.names());
        assertThat(copy.objective()).isEqualTo("L");
        assertThat(copy.objectiveValue()).isEqualTo(4.0);
        assertThat(copy.grad("z")).isEqualTo(-12.0);
        assertThat(copy.grad("x")).isEqualTo(16.0);
        assertThat(copy.grad("y")).isEqualTo(16.0);
        assertThat(copy.learningRate()).isEqualTo(0.01);
        assertThat(copy.weights()).containsExactly("z");
        assertThat(copy.cells()).extracting(Cell::formula).isEqualTo(sheet.cells().stream().map(Cell::formula).toList());

        // one SGD step on the copy is the worked example's step; the sheet does not move
        copy.sgdStep();
        assertThat(copy.value("f")).isCloseTo(-11.64, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sheet.value("f")).isEqualTo(-12.0);
        assertThat(sheet.value("z")).isEqualTo(-4.0);
        // an edit of the sheet does not reach the copy, nor a new cell
        sheet.setValue("x", 1);
        sheet.addCell("g", "f * 2");
        assertThat(copy.value("x")).isEqualTo(-2.0);
        assertThat(copy.cell("g")).isEmpty();
        assertThat(sheet.value("g")).isEqualTo(2 * sheet.value("f"));
        // the copy keeps no history of its own: nothing to undo
        assertThat(sheet.copy().canUndo()).isFalse();
    }

    @Test
    void aCopyIsProbedWhileAnotherThreadHoldsTheSheetsLock() throws Exception {
        Sheet sheet = Sheets.of(Sheets.WORKED);
        Sheet copy = sheet.copy();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread editor = new Thread(() -> sheet.asOneEdit(EditLabel.of(EditLabel.Kind.EDIT), () -> {
            sheet.setValue("z", -3); // inside the edit: the sheet's write lock is held until release
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        editor.start();
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sheet.heldByCurrentThread()).isFalse();
            // 1,600 forward passes over (x, y) on the copy while the sheet is locked: f = (x + y) · z
            List<double[]> plane = new java.util.ArrayList<>();
            for (int i = 0; i < 1600; i++) {
                plane.add(new double[] {i % 40 - 20, i / 40 - 20});
            }
            double[] out = copy.probe(List.of("x", "y"), "f").outputs(plane);
            assertThat(out[0]).isEqualTo((-20 + -20) * -4.0);
            assertThat(out[1599]).isEqualTo((19 + 19) * -4.0);
            assertThat(copy.heldByCurrentThread()).isFalse();
        } finally {
            release.countDown();
            editor.join(30_000);
        }
        assertThat(sheet.value("z")).isEqualTo(-3.0);
        assertThat(copy.value("z")).isEqualTo(-4.0);
    }

    @Test
    void heldByCurrentThreadSaysWhetherTheCallerIsInsideTheLock() {
        Sheet sheet = Sheets.of(Sheets.WORKED);
        assertThat(sheet.heldByCurrentThread()).isFalse();
        assertThat(sheet.read(sheet::heldByCurrentThread)).isTrue();
        boolean[] inEdit = new boolean[1];
        sheet.asOneEdit(EditLabel.of(EditLabel.Kind.EDIT), () -> inEdit[0] = sheet.heldByCurrentThread());
        assertThat(inEdit[0]).isTrue();
    }
}
