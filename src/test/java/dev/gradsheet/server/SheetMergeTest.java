package dev.gradsheet.server;


import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.sheet.SheetFile;
import org.junit.jupiter.api.Test;

/** The three-way merge of two servers' saves of one sheet. */
class SheetMergeTest {
    static final String BASE = """
            # f = (x + y) * z
            @objective = L
            x = input(-2)
            y = input(5)
            z = weight(-4)
            f = (x + y) * z
            t = input(-10)
            L = mse(f, t)
            """;

    @Test
    void editsOfDifferentCellsAreAllKept() throws Exception {
        String ours = BASE.replace("x = input(-2)", "x = input(0)") + "ga = f * 2\n";
        String theirs = BASE.replace("t = input(-10)", "t = input(-20)").replace("y = input(5)\n", "y = input(5)\nyb = y + 1\n");
        String merged = SheetMerge.merge(BASE, ours, theirs);
        assertThat(merged).contains("x = input(0)\n", "t = input(-20)\n", "ga = f * 2\n", "yb = y + 1\n",
                "@objective = L\n", "# f = (x + y) * z\n");
        var sheet = SheetFile.parse(merged, "merged").sheet();
        assertThat(sheet.value("f")).isEqualTo(-20.0); // (0 + 5)·(−4)
        assertThat(sheet.value("L")).isEqualTo(0.0); // (−20 + 20)²
        // settings before cells, cells in their order (theirs, then our new ones)
        assertThat(merged.indexOf("@objective")).isLessThan(merged.indexOf("x = "));
        assertThat(merged.indexOf("yb = ")).isLessThan(merged.indexOf("ga = "));
    }

    @Test
    void theSameCellChangedOnBothTakesOursAndADeletionOnOneSideStays() {
        String ours = BASE.replace("z = weight(-4)", "z = weight(1)");
        String theirs = BASE.replace("z = weight(-4)", "z = weight(2)").replace("t = input(-10)\n", "t = -10\n");
        assertThat(SheetMerge.merge(BASE, ours, theirs)).contains("z = weight(1)\n", "t = -10\n")
                .doesNotContain("weight(2)", "input(-10)");
        String deleted = BASE.replace("@objective = L\n", "").replace("L = mse(f, t)\n", "");
        assertThat(SheetMerge.merge(BASE, deleted, ours)).doesNotContain("L = mse").contains("z = weight(1)\n");
        assertThat(SheetMerge.merge(BASE, BASE, deleted)).isEqualTo(deleted);
    }

    @Test
    void claimsAndDataMergeByWhatTheyDefine() {
        String ours = BASE + "@expect z.grad = -12\n";
        String theirs = BASE + "@data = x, t\n@row = 1, 2\n@row = 3, 4\n";
        assertThat(SheetMerge.merge(BASE, ours, theirs))
                .endsWith("L = mse(f, t)\n@expect z.grad = -12\n@data = x, t\n@row = 1, 2\n@row = 3, 4\n");
        assertThat(SheetMerge.merge(null, ours, "")).isEqualTo(ours); // a first save
    }
}
