package dev.gradsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A plain {@code eval FILE [--json]} skips picocli's set-up and prints exactly what picocli's path prints. */
class PlainEvalTest {
    @TempDir
    Path dir;

    @Test
    void onlyPlainEvalsTakeTheFastPath() {
        assertNotNull(GradSheetCli.plainEval(new String[] {"eval", "a.sheet"}));
        assertTrue(GradSheetCli.plainEval(new String[] {"eval", "--json", "a.sheet"}).json);
        assertEquals(Path.of("a.sheet"), GradSheetCli.plainEval(new String[] {"eval", "a.sheet", "--json"}).file);
        for (String[] other : new String[][] {{"eval"}, {"eval", "--help"}, {"eval", "a", "b"}, {"eval", "@args"},
            {"eval", "--json", "--json", "a"}, {"eval", "--", "a"}, {"step", "a"}, {"eval", "-h"}, {"eval", "--json"},
            {"eval", "a", "--lr", "1"}}) {
            assertNull(GradSheetCli.plainEval(other), String.join(" ", other));
        }
    }

    @Test
    void fastPathPrintsWhatPicocliPrints() throws Exception {
        Path worked = dir.resolve("worked.sheet");
        Files.writeString(worked, Examples.WORKED.text());
        Path bad = dir.resolve("bad.sheet");
        Files.writeString(bad, "x = 1\ny = x +\n");
        for (String[] args : new String[][] {{"eval", worked.toString()}, {"eval", "--json", worked.toString()},
            {"eval", bad.toString()}, {"eval", dir.resolve("missing.sheet").toString()}}) {
            StringWriter fastOut = new StringWriter();
            StringWriter fastErr = new StringWriter();
            int fast = GradSheetCli.run(args, new PrintWriter(fastOut), new PrintWriter(fastErr));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine picocli = new CommandLine(new GradSheetCli());
            picocli.setOut(new PrintWriter(out));
            picocli.setErr(new PrintWriter(err));
            int code = picocli.execute(args);
            picocli.getOut().flush();
            picocli.getErr().flush();
            assertEquals(code, fast, String.join(" ", args));
            assertEquals(out.toString(), fastOut.toString());
            assertEquals(err.toString(), fastErr.toString());
        }
    }
}
