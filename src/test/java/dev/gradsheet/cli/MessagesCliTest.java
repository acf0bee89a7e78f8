package dev.gradsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages that are short, safe for a terminal, and say what is wrong. */
class MessagesCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradSheetCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aHugeNameIsQuotedShort() throws Exception {
        Path f = file("long.sheet", "x".repeat(200_000) + "! = 1\n");
        Run r = run("eval", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(f + ":1:1: '" + "x".repeat(80) + "…' is not a valid name: use letters,"
                + " digits and _, not starting with a digit (at most 200 characters)");
    }

    @Test
    void aTenThousandCellCycleIsListedByItsEndsWithTheCount() throws Exception {
        StringBuilder text = new StringBuilder("c0 = c9999 + 1\n");
        for (int i = 1; i < 10_000; i++) {
            text.append('c').append(i).append(" = c").append(i - 1).append(" + 1\n");
        }
        Run r = run("eval", file("cycle.sheet", text.toString()).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().length()).isLessThan(300);
        assertThat(r.err()).contains("cycle: ").contains(" uses … (9,992 more) … uses ")
                .contains("(a cycle of 10,000 cells)");
    }

    @Test
    void controlCharactersAreEscapedNeverEchoedRaw() throws Exception {
        Path f = file("esc.sheet", "x = 1 + \u001b[31m2\n");
        Run r = run("eval", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u001b").contains("unexpected '\\x1b'");
    }

    @Test
    void aCellUsingItselfIsACycleNotAnUnknownName() throws Exception {
        Run r = run("eval", file("self.sheet", "x = input(1)\nL = L + x\n").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cycle: L uses itself").doesNotContain("unknown name");
    }

    @Test
    void rowsThatAreAllBadAreNotAlsoReportedAsMissing() throws Exception {
        Run r = run("eval", file("rows.sheet", "x = input(1)\nL = x * 2\n@data = x\n@row = a\n@row = 1, 2\n").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(":4:").contains(":5:").doesNotContain("no @row lines");
    }

    @Test
    void evalRefusesDataColumnsThatAreNotInputsAtTheirPlace() throws Exception {
        Path f = file("data.sheet", "x = input(1)\nw = weight(2)\nL = x * w\n@data = x, w, nope\n@row = 1, 2, 3\n");
        Run r = run("eval", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                f + ":4:12: @data column 'w' names a weight cell; data binds only to input cells",
                f + ":4:15: @data column 'nope' names no cell of the sheet");
    }

    @Test
    void anEmptySheetSaysItHasNoCells() throws Exception {
        Run r = run("eval", file("empty.sheet", "# nothing yet\n").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("the sheet has no cells").doesNotContain("null").doesNotContain("NaN");
    }

    @Test
    void trainingDataMustBindEveryInputTheSheetTakesFromData() throws Exception {
        Path sheet = file("neuron.sheet", "x1 = input(0)\nx2 = input(0)\ny = input(0)\nw1 = weight(0.1)\n"
                + "w2 = weight(0.2)\np = sigmoid(w1 * x1 + w2 * x2)\nL = mse(p, y)\n");
        Path noY = file("noy.csv", "x1,x2\n0,1\n1,0\n");
        Run r = run("train", sheet.toString(), "--data", noY.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(noY + ":1: missing column y (the objective L depends on it)");
        // with @data declared, its columns are the ones needed
        Path declared = file("declared.sheet", Files.readString(sheet) + "@data = x1, x2, y\n@row = 0, 0, 0\n");
        Path noX2 = file("nox2.csv", "x1,y\n0,1\n");
        Run r2 = run("train", declared.toString(), "--data", noX2.toString());
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err().strip()).isEqualTo(noX2 + ":1: missing column x2 (the sheet's @data lists x1, x2, y)");
        // a NUL after a number is not a number
        Path nul = file("nul.csv", "x1,x2,y\n0\u0000,1,1\n");
        Run r3 = run("train", sheet.toString(), "--data", nul.toString());
        assertThat(r3.code()).isEqualTo(2);
        assertThat(r3.err().strip()).isEqualTo(nul + ":2: column x1: '0\\x00' is not a number");
    }
}
