package dev.gradsheet.cli;

import static dev.gradsheet.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} grading @expect claims over one file or a teacher's folder of submissions. */
class CheckGradingTest {
    static final String CORRECT = Examples.WORKED.text() + """
            @expect L = 4
            @expect f.grad = -4
            @expect z.grad = -12
            @expect x.grad = 16
            @expect y.grad = 16
            """;

    @TempDir
    Path dir;
    Path good;
    Path wrong;

    @BeforeEach
    void submissions() throws Exception {
        good = dir.resolve("alice.sheet");
        Files.writeString(good, CORRECT);
        wrong = dir.resolve("bob.sheet");
        Files.writeString(wrong, CORRECT.replace("@expect x.grad = 16", "@expect x.grad = 12"));
    }

    @Test
    void workedExampleWithCorrectClaimsExitsZero() {
        CliTest.Run r = run("check", good.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  holds  z.grad  claimed -12, computed -12\n"), r.out());
        assertTrue(r.out().contains("  holds  x.grad  claimed 16, computed 16\n"), r.out());
        assertTrue(r.out().contains("PASSED: 5 of 5 claims hold (tolerance 0.001)"), r.out());
        assertTrue(r.out().contains("finite differences: worst relative error"), r.out());
        assertTrue(r.out().endsWith("1 passed, 0 failed\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void oneWrongClaimExitsOneNamingTheCellAndBothNumbers() {
        CliTest.Run r = run("check", wrong.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("  FAILS  x.grad  claimed 12, computed 16\n"), r.out());
        assertTrue(r.out().contains("  holds  y.grad  claimed 16, computed 16\n"), r.out());
        assertTrue(r.out().contains("FAILED: 4 of 5 claims hold"), r.out());
        assertTrue(r.out().endsWith("0 passed, 1 failed\n"), r.out());
    }

    @Test
    void aFolderWithAnUnreadableFileExitsTwoAndStillGradesTheOthers() throws Exception {
        Path broken = dir.resolve("carol.sheet");
        Files.writeString(broken, Examples.WORKED.text() + "@expect w.grad = 3\n");
        Path binary = dir.resolve("dave.sheet");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0});
        CliTest.Run r = run("check", good.toString(), broken.toString(), binary.toString(), wrong.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(broken + ":11:9: @expect names no cell: 'w'\n"), r.err());
        assertTrue(r.err().contains(binary + ":1:5: binary data"), r.err());
        assertTrue(r.out().contains(good + ":\n"), r.out());
        assertTrue(r.out().contains(broken + ": UNREADABLE (1 problem, listed on stderr)"), r.out());
        assertTrue(r.out().contains("  FAILS  x.grad  claimed 12, computed 16\n"), r.out()); // bob after the bad ones
        assertTrue(r.out().endsWith("1 passed, 3 failed (2 unreadable)\n"), r.out());
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"));
        // Only a failed claim (no unreadable file): exit 1.
        assertEquals(1, run("check", good.toString(), wrong.toString()).code());
    }

    @Test
    void toleranceFromTheFileAndFromTheRunWhichWins() throws Exception {
        Path rounded = dir.resolve("rounded.sheet");
        Files.writeString(rounded, Examples.WORKED.text() + "@tolerance = 0.05\n@expect x.grad = 15.5\n");
        assertEquals(0, run("check", rounded.toString()).code()); // 0.5 <= 0.05 * 15.5
        CliTest.Run strict = run("check", rounded.toString(), "--tolerance", "0.01");
        assertEquals(1, strict.code());
        assertTrue(strict.out().contains("FAILS  x.grad  claimed 15.5, computed 16"), strict.out());
        assertEquals(0, run("check", wrong.toString(), "--tolerance", "0.5").code()); // 4 <= 0.5 * 12
        CliTest.Run bad = run("check", good.toString(), "--tolerance", "-1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("tolerances must be numbers >= 0"), bad.err());
    }

    @Test
    void jsonGivesEachFilesClaimsWithTheirOutcome() throws Exception {
        Path missing = dir.resolve("nobody.sheet");
        CliTest.Run r = run("check", good.toString(), wrong.toString(), missing.toString(), "--json");
        assertEquals(2, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("passed").asInt());
        assertEquals(2, root.get("failed").asInt());
        assertEquals(1, root.get("unreadable").asInt());
        JsonNode bob = root.get("files").get(1);
        assertEquals(wrong.toString(), bob.get("file").asText());
        assertEquals("failed", bob.get("status").asText());
        assertEquals(0.001, bob.get("tolerance").asDouble(), 0);
        JsonNode x = bob.get("claims").get(3);
        assertEquals("x.grad", x.get("target").asText());
        assertEquals("x", x.get("cell").asText());
        assertEquals("grad", x.get("quantity").asText());
        assertEquals(12, x.get("claimed").asDouble(), 0);
        assertEquals(16, x.get("computed").asDouble(), 0);
        assertFalse(x.get("holds").asBoolean());
        assertEquals(14, x.get("line").asInt());
        assertTrue(bob.get("claims").get(0).get("holds").asBoolean());
        assertTrue(bob.get("finiteDifference").get("ok").asBoolean());
        assertEquals(7, bob.get("finiteDifference").get("cells").size());
        JsonNode nobody = root.get("files").get(2);
        assertEquals("unreadable", nobody.get("status").asText());
        assertEquals(missing + ":1:1: no such file", nobody.get("errors").get(0).asText());
        assertEquals("passed", root.get("files").get(0).get("status").asText());
    }
}
