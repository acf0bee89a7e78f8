package dev.gradsheet.ui;

import dev.gradsheet.server.SharedSheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.engine.ChangeSet;
import dev.gradsheet.sheet.Examples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two tabs on one link undo close together; each tells its own undo from the
 * other's by the change set's source, not by version numbers it remembered.
 */
class UndoSourceTest {
    @Test
    void eachTabRecognisesOnlyItsOwnUndos() {
        SharedSheet shared = new SharedSheet("bbbbbbbbbbbbbbbb", Examples.WORKED.load().sheet(), "");
        SheetPresenter a = new SheetPresenter(shared);
        SheetPresenter b = new SheetPresenter(shared);
        List<ChangeSet> seen = new ArrayList<>();
        shared.sheet().changes().subscribe(seen::add);
        assertThat(a.setValue("z", "-3").ok()).isTrue();
        assertThat(b.setValue("x", "1").ok()).isTrue();
        assertThat(a.undo()).isTrue();
        assertThat(b.undo()).isTrue();
        assertThat(seen).hasSize(4);
        ChangeSet undoneByA = seen.get(2);
        ChangeSet undoneByB = seen.get(3);
        assertThat(undoneByA.origin()).isEqualTo(ChangeSet.Origin.UNDO);
        assertThat(a.madeHere(undoneByA)).isTrue();
        assertThat(b.madeHere(undoneByA)).isFalse();
        assertThat(b.madeHere(undoneByB)).isTrue();
        assertThat(a.madeHere(undoneByB)).isFalse();
        assertThat(a.madeHere(seen.get(0))).isTrue();
        assertThat(a.madeHere(seen.get(1))).isFalse();
    }
}
