package dev.gradsheet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.cli.GradSheetCli;
import dev.gradsheet.engine.Cell;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.train.Trainer;
import dev.gradsheet.train.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof with the real program: the exported scripts run under PyTorch (Debian's python3-torch,
 * torch 1.13) and print GradSheet's numbers to 1e-12 relative — every cell's value and gradient for
 * the worked example, the CS231n neuron, the XOR network and random sheets using every operation;
 * after SGD steps ({@code gradsheet step}); after a training run on the same batches
 * ({@code gradsheet train}). A plain run prints exactly {@code gradsheet eval}'s table.
 */
class PyTorchScriptIT {
    static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    /** One run of a script: its file, its arguments, where its output goes. */
    private record Job(String script, List<String> args, String output) {
    }

    private final List<Job> jobs = new ArrayList<>();

    @Test
    void theScriptsPrintGradSheetsNumbers() throws Exception {
        String python = ExternalPrograms.pythonWithTorch();
        List<String> sheets = List.of(ExportSheets.WORKED, ExportSheets.CS231N, ExportSheets.XOR, ExportSheets.random(1),
                ExportSheets.random(2), ExportSheets.random(3));
        PyTorchExport.Training training = new PyTorchExport.Training(3, 25, 7, true);
        for (int k = 0; k < sheets.size(); k++) {
            String script = "sheet" + k + ".py";
            Files.writeString(dir.resolve(script), PyTorchExport.write(ExportSheets.load(sheets.get(k)), "sheet" + k, training));
            job(script, List.of("--json"), "eval" + k + ".json");
            job(script, List.of("--steps", "3", "--lr", "0.05", "--json"), "step" + k + ".json");
        }
        job("sheet0.py", List.of(), "eval0.txt");
        job("sheet2.py", List.of("--train", "--json"), "train2.json");
        runAll(python);

        for (int k = 0; k < sheets.size(); k++) {
            SheetFile.Loaded loaded = ExportSheets.load(sheets.get(k));
            assertSameNumbers(loaded.sheet(), json("eval" + k + ".json"), "eval of sheet " + k);
            loaded.sheet().sgdStep(0.05, 3);
            assertSameNumbers(loaded.sheet(), json("step" + k + ".json"), "3 steps of sheet " + k);
        }
        assertEquals(evalTable(ExportSheets.WORKED), Files.readString(dir.resolve("eval0.txt")),
                "a plain run prints gradsheet eval's table");

        SheetFile.Loaded xor = ExportSheets.load(ExportSheets.XOR);
        Trainer.Result result = new Trainer(xor.sheet(), xor.data(), new TrainingConfig(3, 25, 0.5, 7, true)).run();
        JsonNode trained = json("train2.json");
        assertSameNumbers(xor.sheet(), trained, "XOR after 25 epochs of batches of 3");
        JsonNode losses = trained.get("losses");
        assertEquals(result.epochLosses().size(), losses.size());
        for (int e = 0; e < losses.size(); e++) {
            assertClose(result.epochLosses().get(e), losses.get(e).asDouble(), "loss of epoch " + (e + 1));
        }
    }

    private void job(String script, List<String> args, String output) {
        jobs.add(new Job(script, args, output));
    }

    /** Runs every job in one Python process, so torch is imported once (it takes a second or two). */
    private void runAll(String python) throws Exception {
        StringBuilder list = new StringBuilder("[");
        for (Job j : jobs) {
            list.append(list.length() > 1 ? "," : "").append("[\"").append(j.script()).append("\",[");
            for (int a = 0; a < j.args().size(); a++) {
                list.append(a > 0 ? "," : "").append('"').append(j.args().get(a)).append('"');
            }
            list.append("],\"").append(j.output()).append("\"]");
        }
        Files.writeString(dir.resolve("jobs.json"), list.append("]").toString());
        Files.writeString(dir.resolve("driver.py"), """
                import contextlib, json, runpy, sys
                for script, args, output in json.load(open("jobs.json")):
                    sys.argv = [script] + args
                    with open(output, "w") as out, contextlib.redirect_stdout(out):
                        runpy.run_path(script, run_name="__main__")
                """);
        ExternalPrograms.run(dir, 600, List.of(python, "driver.py"));
    }

    private JsonNode json(String file) throws Exception {
        return new ObjectMapper().readTree(Files.readString(dir.resolve(file)));
    }

    private static void assertSameNumbers(Sheet sheet, JsonNode json, String what) {
        List<Cell> cells = sheet.cells();
        assertEquals(cells.size(), json.get("cells").size(), what);
        for (int i = 0; i < cells.size(); i++) {
            JsonNode c = json.get("cells").get(i);
            assertEquals(cells.get(i).name(), c.get("name").asText(), what);
            assertClose(cells.get(i).value(), c.get("value").asDouble(), what + ": value of " + cells.get(i).name());
            assertClose(cells.get(i).grad(), c.get("grad").asDouble(), what + ": gradient of " + cells.get(i).name());
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(expected - actual) <= TOLERANCE * scale)) {
            fail(what + ": GradSheet " + expected + ", PyTorch " + actual);
        }
    }

    private String evalTable(String sheet) throws Exception {
        Path file = dir.resolve("table.sheet");
        Files.writeString(file, sheet);
        StringWriter out = new StringWriter();
        assertEquals(0, GradSheetCli.run(new String[] {"eval", file.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        assertTrue(out.toString().startsWith("name"));
        return out.toString();
    }
}
