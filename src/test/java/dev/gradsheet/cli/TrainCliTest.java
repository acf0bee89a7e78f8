package dev.gradsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradsheet train} and {@code gradsheet new}, as a student or CI runs them. */
class TrainCliTest {
    @TempDir
    Path dir;

    /** A line y = w·x1 + b fitted by mean squared error. */
    private static final String LINE_FIT = "x1 = input(0)\nw = weight(0)\nb = weight(0)\ny = input(0)\nL = mse(w * x1 + b, y)\n";

    /** Ten samples of y = 2x + 1 for x = 0, 0.1, … 0.9, as CSV. */
    private static String line() {
        StringBuilder csv = new StringBuilder("x1,y\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i / 10.0).append(',').append(2 * i / 10.0 + 1).append('\n');
        }
        return csv.toString();
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void newMlpWithXorTrainsBelowTheTarget() throws Exception {
        CliTest.Run created = CliTest.run("new", "mlp", "--hidden", "4", "--data", "xor");
        assertEquals(0, created.code(), created.err());
        Path sheet = file("xor.sheet", created.out());
        CliTest.Run r = CliTest.run("train", sheet.toString(), "--epochs", "2000", "--lr", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2000, json.get("losses").size());
        assertTrue(json.get("losses").get(1999).asDouble() < 0.05, r.out().substring(0, 200));
        assertEquals(4, json.get("samples").asInt());
        assertTrue(json.get("cells").size() > 20);
    }

    @Test
    void trainFromACsvWithBatchesPrintsLossPerEpoch() throws Exception {
        Path sheet = file("lin.sheet", LINE_FIT);
        Path data = file("d.csv", line());
        CliTest.Run r = CliTest.run("train", sheet.toString(), "--data", data.toString(), "--batch", "3",
                "--epochs", "300", "--lr", "0.1", "--seed", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("10 samples, batch 3 (4 steps per epoch), 300 epochs, lr 0.1, shuffle seed 4"), r.out());
        assertTrue(r.out().contains("\n  300  "), r.out());
    }

    @Test
    void dataErrorsExitTwoWithFileAndLine() throws Exception {
        Path sheet = file("lin.sheet", "x1 = input(0)\nw = weight(0)\ny = input(0)\nL = mse(w * x1, y)\n");
        CliTest.Run bad = CliTest.run("train", sheet.toString(), "--data", file("bad.csv", "x1,y\n1,2\n3,x\n").toString());
        assertEquals(2, bad.code());
        assertEquals(dir.resolve("bad.csv") + ":3: column y: 'x' is not a number\n", bad.err());
        CliTest.Run empty = CliTest.run("train", sheet.toString(), "--data", file("e.csv", "").toString());
        assertEquals(2, empty.code());
        assertEquals(dir.resolve("e.csv") + ":1: empty file: expected a header row of column names\n", empty.err());
        CliTest.Run column = CliTest.run("train", sheet.toString(), "--data", file("c.csv", "x1,target\n1,2\n").toString());
        assertEquals(2, column.code());
        assertTrue(column.err().startsWith(dir.resolve("c.csv") + ":1: column 'target' names no cell of the sheet"), column.err());
        CliTest.Run none = CliTest.run("train", sheet.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no data"), none.err());
        CliTest.Run batch = CliTest.run("train", sheet.toString(), "--builtin", "noisy-line", "--batch", "0");
        assertEquals(2, batch.code());
        assertTrue(batch.err().contains("batch size must be at least 1"), batch.err());
    }

    /**
     * Values near 1e308 make the loss NaN at step 2 while every gradient stays finite: the run stops
     * there as the page's does, in the page's sentence (less its Reset and Undo buttons), exit 1.
     */
    @Test
    void aLossThatStopsBeingANumberStopsTheRunAsThePageDoes() throws Exception {
        String text = "x1 = input(0)\nx2 = input(0)\nw1 = weight(0.1)\nw2 = weight(-0.1)\nb = weight(0)\n"
                + "z = w1 * x1 + w2 * x2 + b\np = sigmoid(z)\ny = input(0)\nL = bce(p, y)\n";
        Path sheet = file("sn.sheet", text);
        Path data = file("huge.csv", "x1,x2,y\n1e308,0,0\n1e308,0,1\n");
        CliTest.Run r = CliTest.run("train", sheet.toString(), "--data", data.toString(), "--epochs", "3",
                "--no-shuffle", "--write");
        String sentence = "training stopped: the loss became NaN at step 2 (the learning rate is too large);"
                + " the weights of step 1 are kept. Lower the learning rate.";
        assertEquals(1, r.code(), r.out());
        assertEquals(sheet + ": " + sentence + "\n", r.err());
        assertTrue(r.out().contains("epoch  loss\n    1  5e306\nname"), r.out()); // the epoch it finished, then the cells
        assertEquals(text, Files.readString(sheet)); // --write writes nothing for a diverged run
        // the page's loop on the same sheet and data stops at the same step, in the same words
        dev.gradsheet.sheet.SheetFile.Loaded loaded = dev.gradsheet.sheet.SheetFile.read(sheet);
        dev.gradsheet.train.TrainingLoop loop = new dev.gradsheet.train.TrainingLoop(loaded.sheet(),
                dev.gradsheet.train.CsvData.read(data), 2, 1, false, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loop.run(0.01, 3, 0, 100,
                        new dev.gradsheet.train.TrainingLoop.Listener() { }, () -> false))
                .isInstanceOf(dev.gradsheet.train.TrainingLoop.Diverged.class)
                .hasMessage(sentence.replace("Lower the learning rate.", "Lower the learning rate, then Reset or Undo."));
    }

    @Test
    void aLossThatBlowsUpStopsTheRunWithExitOne() throws Exception {
        Path sheet = file("lin.sheet", LINE_FIT);
        CliTest.Run r = CliTest.run("train", sheet.toString(), "--data", file("d.csv", line()).toString(),
                "--epochs", "50", "--lr", "2", "--json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith(sheet + ": training stopped: the loss blew up from "), r.err());
        assertTrue(r.err().endsWith("(the learning rate is too large). Lower it.\n"), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        int epochs = json.get("losses").size();
        assertTrue(epochs >= 2 && epochs < 50, r.out());
        assertTrue(r.err().contains(" by epoch " + epochs + " "), r.err());
    }

    @Test
    void stepNeuronTemplateExplainsWhyItCannotLearn() {
        CliTest.Run r = CliTest.run("new", "step-neuron");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("cannot learn by backprop"));
        assertEquals(2, CliTest.run("new", "transformer").code());
        assertEquals(0, CliTest.run("train", "--help").code());
        assertEquals(0, CliTest.run("new", "--help").code());
    }
}
