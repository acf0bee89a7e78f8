package dev.gradsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradsheet.sheet.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradsheet export}: writes the workbook and the script, refuses with a message, and the workbook reads back. */
class ExportCliTest {
    @TempDir
    Path dir;
    Path worked;

    @BeforeEach
    void writeWorkedExample() throws Exception {
        worked = dir.resolve("worked.sheet");
        Files.writeString(worked, Examples.WORKED.text());
    }

    @Test
    void exportWritesBothAndEvalReadsTheWorkbookBack() throws Exception {
        Path book = dir.resolve("worked.xlsx");
        Path script = dir.resolve("worked.py");
        CliTest.Run run = CliTest.run("export", worked.toString(), "--xlsx", book.toString(), "--pytorch", script.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("wrote " + book + ": 7 cells, an SGD sheet of 10 steps\nwrote " + script
                + ": run it with python3 worked.py\n", run.out());
        assertTrue(Files.readString(script).contains("    f = q * z\n"));
        CliTest.Run fromBook = CliTest.run("eval", book.toString());
        CliTest.Run fromSheet = CliTest.run("eval", worked.toString());
        assertEquals(0, fromBook.code(), fromBook.err());
        assertEquals(fromSheet.out(), fromBook.out(), "the workbook is the same sheet");
        CliTest.Run step = CliTest.run("step", book.toString(), "--steps", "1");
        assertTrue(step.out().contains("L 4 -> 2.6896"), step.out());
    }

    @Test
    void aWorkbookIsNeverOverwrittenWithSheetText() throws Exception {
        Path book = dir.resolve("worked.xlsx");
        assertEquals(0, CliTest.run("export", worked.toString(), "--xlsx", book.toString()).code());
        byte[] before = Files.readAllBytes(book);
        CliTest.Run run = CliTest.run("step", book.toString(), "--write");
        assertEquals(GradSheetCli.BAD_INPUT, run.code());
        assertTrue(run.err().contains("is a workbook, so --write does not change it"), run.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(book)));
    }

    @Test
    void refusalsSayWhyAndWriteNothing() throws Exception {
        CliTest.Run none = CliTest.run("export", worked.toString());
        assertEquals(GradSheetCli.BAD_INPUT, none.code());
        assertEquals("gradsheet export: say what to write: --xlsx BOOK and/or --pytorch SCRIPT\n", none.err());

        Path book = dir.resolve("big.xlsx");
        Path script = dir.resolve("big.py");
        CliTest.Run big = CliTest.run("export", worked.toString(), "--xlsx", book.toString(), "--pytorch", script.toString(),
                "--sgd-steps", "100000");
        assertEquals(GradSheetCli.BAD_INPUT, big.code());
        assertTrue(big.err().startsWith("gradsheet export: an SGD sheet of 100,000 steps for 7 cells is too big"), big.err());
        assertTrue(big.err().endsWith("; nothing was written\n"), big.err());
        assertFalse(Files.exists(book));
        assertFalse(Files.exists(script), "nothing is written when either is refused");

        Path other = dir.resolve("other.xlsx");
        Files.write(other, new byte[] {'P', 'K', 3, 4, 0, 0});
        CliTest.Run foreign = CliTest.run("eval", other.toString());
        assertEquals(GradSheetCli.BAD_INPUT, foreign.code());
        assertTrue(foreign.err().startsWith(other + ": not an .xlsx workbook GradSheet can read"), foreign.err());
    }
}
