package dev.gradsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.sheet.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a teacher or CI uses it: exit codes, tables, JSON, problems on stderr. */
class CliTest {
    @TempDir
    Path dir;
    Path worked;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void writeWorkedExample() throws Exception {
        worked = dir.resolve("worked.sheet");
        Files.writeString(worked, Examples.WORKED.text());
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradSheetCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, JsonNode> cells(String json) throws Exception {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(json).get("cells")) {
            byName.put(c.get("name").asText(), c);
        }
        return byName;
    }

    @Test
    void evalPrintsAnAlignedTable() {
        Run r = run("eval", worked.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("name\\s+kind\\s+formula\\s+value\\s+grad"), lines[0]);
        assertTrue(r.out().contains("z     weight  weight(-4)     -4   -12"), r.out());
        assertTrue(r.out().contains("L *   mse     mse(f, t)       4     1"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void evalJsonHasEveryCellWithFullPrecision() throws Exception {
        Path f = dir.resolve("c.sheet");
        Files.writeString(f, "x = input(0.1)\ny = (x + 0.2) * 3\n");
        Run r = run("eval", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> cells = cells(r.out());
        assertEquals(5, cells.size()); // x; y.1 = 0.2, y.2 = x + y.1, y.3 = 3 (generated); y
        assertEquals((0.1 + 0.2) * 3, cells.get("y").get("value").asDouble(), 0);
        assertEquals("0.30000000000000004", cells.get("y.2").get("value").asText());
        assertEquals("add", cells.get("y.2").get("kind").asText());
        assertEquals("x + y.1", cells.get("y.2").get("formula").asText());
        assertEquals("const", cells.get("y.1").get("kind").asText());
        assertEquals(3, cells.get("y.2").get("grad").asDouble(), 0);
        for (String key : new String[] {"name", "kind", "formula", "value", "grad"}) {
            assertTrue(cells.get("x").has(key), key);
        }
    }

    @Test
    void stepGivesTheLessonsNumbersAndWrites() throws Exception {
        Run r = run("step", worked.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> cells = cells(r.out());
        assertEquals(-11.64, cells.get("f").get("value").asDouble(), 1e-12);
        assertEquals(2.6896, cells.get("L").get("value").asDouble(), 1e-12);
        assertEquals(-3.88, cells.get("z").get("value").asDouble(), 1e-12);

        Run table = run("step", worked.toString(), "--lr", "0.01", "--steps", "2", "--write");
        assertTrue(table.out().startsWith("2 SGD steps at lr 0.01: L 4 -> "), table.out());
        assertTrue(Files.readString(worked).contains("z = weight(-3.7"), Files.readString(worked));
        assertTrue(Files.readString(worked).startsWith("# f = (x + y) * z against target t"));
    }

    @Test
    void stepUsesTheSheetsLearningRate() throws Exception {
        Path f = dir.resolve("lr.sheet");
        Files.writeString(f, "@lr = 0.1\n" + Examples.WORKED.text());
        Map<String, JsonNode> cells = cells(run("step", f.toString(), "--json").out());
        assertEquals(-4 + 0.1 * 12, cells.get("z").get("value").asDouble(), 1e-12);
    }

    @Test
    void checkPassesOnTheExamplesAndFailsBeyondTolerance() throws Exception {
        for (Examples.Example e : Examples.ALL) {
            // a claim about the objective's value makes the example gradeable (without one it fails: see below)
            dev.gradsheet.engine.Sheet sheet = e.load().sheet();
            Path f = dir.resolve(e.id() + ".sheet");
            Files.writeString(f, e.text() + "@expect " + sheet.objective() + " = "
                    + dev.gradsheet.engine.Numbers.exact(sheet.objectiveValue()) + "\n");
            Run r = run("check", f.toString());
            assertEquals(0, r.code(), e.id() + "\n" + r.out());
            assertTrue(r.out().contains("worst relative error"), r.out());
            Files.writeString(f, e.text());
            Run noClaims = run("check", f.toString());
            assertEquals(1, noClaims.code(), e.id() + "\n" + noClaims.out());
            assertTrue(noClaims.out().contains("FAILED because the file makes no @expect claims"), noClaims.out());
        }
        Run strict = run("check", worked.toString(), "--fd-tolerance", "0");
        assertEquals(1, strict.code(), strict.out());
        assertTrue(strict.out().contains("FAILED"));
    }

    @Test
    void badInputExitsTwoWithFileLineColumnOnStderr() throws Exception {
        Path f = dir.resolve("bad.sheet");
        Files.writeString(f, "x = 1\ny = x + q\nx = 2\nz = foo(1)\n");
        Run r = run("eval", f.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        String[] lines = r.err().split("\n");
        assertEquals(3, lines.length, r.err());
        assertEquals(f + ":2:9: unknown name 'q'", lines[0]);
        assertEquals(f + ":3:1: duplicate name 'x' (first defined on line 1)", lines[1]);
        assertEquals(f + ":4:5: unknown function 'foo'", lines[2]);
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void missingFileAndBinaryFile() throws Exception {
        Run missing = run("step", dir.resolve("nope.sheet").toString());
        assertEquals(2, missing.code());
        assertEquals(dir.resolve("nope.sheet") + ":1:1: no such file\n", missing.err());
        Path bin = dir.resolve("bin.sheet");
        Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        Run r = run("check", bin.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(bin + ":1:5: binary data"), r.err());
    }

    @Test
    void cycleNamesTheCells() throws Exception {
        Path f = dir.resolve("cyc.sheet");
        Files.writeString(f, "a = b + 1\nb = a * 2\n", StandardCharsets.UTF_8);
        Run r = run("eval", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().matches("(?s).*cyc\\.sheet:\\d+:1: cycle: (a uses b uses a|b uses a uses b)\n"), r.err());
    }

    @Test
    void helpOnEveryCommandAndUsageErrors() {
        for (String cmd : new String[] {"eval", "step", "check"}) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: gradsheet " + cmd), r.out());
        }
        Run top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("eval") && top.out().contains("step") && top.out().contains("check"));
        Run bad = run("step", worked.toString(), "--steps", "many");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("many"), bad.err());
        Run refused = run("step", worked.toString(), "--steps", "0");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("steps must be at least 1"), refused.err());
    }
}
