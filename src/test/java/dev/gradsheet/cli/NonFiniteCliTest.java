package dev.gradsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN objective or gradient is refused by {@code step}, like a NaN weight. */
class NonFiniteCliTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradSheetCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void stepRefusesANanObjectiveExitsTwoAndChangesNothing() throws Exception {
        Path file = dir.resolve("log.sheet");
        String text = "w = weight(-1)\nL = log(w)\n";
        Files.writeString(file, text);
        String[] r = run("step", file.toString(), "--write");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2].strip()).isEqualTo(file + ": the objective L is NaN (not a number): the log of a negative"
                + " number (w = -1); an SGD step needs finite numbers, so nothing was changed");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void bceOfAPOutsideZeroOneIsNanNotAMadeUpLossAndStepRefusesIt() throws Exception {
        Path file = dir.resolve("bce.sheet");
        Files.writeString(file, "p = weight(2)\nt = input(1)\nL = bce(p, t)\n");
        String[] eval = run("eval", file.toString());
        assertThat(eval[0]).isEqualTo("0");
        assertThat(eval[1].lines().filter(l -> l.startsWith("L ")).findFirst().orElseThrow())
                .matches("L \\*\\s+bce\\s+bce\\(p, t\\)\\s+NaN\\s+1");
        String[] step = run("step", file.toString());
        assertThat(step[0]).isEqualTo("2");
        assertThat(step[2]).contains("bce of p = 2 (p), outside (0, 1)").contains("nothing was changed");
    }

    /**
     * {@code step} (the button's SGD) and {@code train} (a training run) refuse a divergence in
     * the same words; {@code step} refuses an edit (exit 2), {@code train} stops a run that diverged (exit 1).
     */
    @Test
    void stepAndTrainPrintTheSameDivergenceMessage() throws Exception {
        Path file = dir.resolve("big.sheet");
        String text = "x1 = input(2)\nw = weight(1e300)\nL = w * x1\n";
        Files.writeString(file, text);
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x1\n2\n");
        String[] step = run("step", file.toString(), "--lr", "1e308", "--write");
        String[] train = run("train", file.toString(), "--data", data.toString(), "--lr", "1e308", "--epochs", "1",
                "--write");
        String expected = file + ": SGD diverged: the next step would make w -Infinity (its gradient is 2.0);"
                + " try a smaller learning rate";
        assertThat(step[0]).isEqualTo("2");
        assertThat(step[2].strip()).isEqualTo(expected);
        assertThat(train[0]).isEqualTo("1");
        assertThat(train[2].strip()).isEqualTo(expected);
        assertThat(Files.readString(file)).isEqualTo(text);
    }
}
