package dev.gradsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code check} refuses to pass: a file with nothing to grade (no cells, no claims) and a sheet
 * whose objective or gradients are not finite numbers fail with the reason, and no report says "null".
 */
class CheckRefusesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static JsonNode json(CliTest.Run r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void anEmptyOrCommentsOnlyFileFailsForHavingNoCells() throws Exception {
        for (Path f : new Path[] {file("empty.sheet", ""), file("comments.sheet", "# my homework\n# to do\n")}) {
            CliTest.Run r = CliTest.run("check", f.toString());
            assertThat(r.code()).as(r.out()).isEqualTo(1);
            assertThat(r.out()).isEqualTo(f + ":\n  FAILED because the file defines no cells: there is nothing to grade\n"
                    + "0 passed, 1 failed\n");
            CliTest.Run j = CliTest.run("check", f.toString(), "--json");
            assertThat(j.code()).isEqualTo(1);
            assertThat(j.out()).doesNotContain("null");
            JsonNode file = json(j).get("files").get(0);
            assertThat(file.get("status").asText()).isEqualTo("failed");
            assertThat(file.get("reasons").get(0).asText()).isEqualTo("the file defines no cells: there is nothing to grade");
            assertThat(file.has("finiteDifference")).isFalse();
            assertThat(json(j).get("failed").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anInfiniteObjectiveFailsEvenWhenTheClaimsHold() throws Exception {
        Path f = file("inf.sheet", "x = input(1)\nz = weight(2)\nL = x / (z - z)\n@expect x = 1\n");
        CliTest.Run r = CliTest.run("check", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("  holds  x  claimed 1, computed 1\n")
                .contains("  finite differences: no cell to compare (every value or gradient is NaN or infinite): FAILED\n")
                .contains("  FAILED: 1 of 1 claims hold (tolerance 0.001)\n")
                .contains("  FAILED because the objective L is +∞: division by zero")
                .contains("  FAILED because the gradient of ")
                .endsWith("0 passed, 1 failed\n")
                .doesNotContain("null").doesNotContain("PASSED");
        CliTest.Run j = CliTest.run("check", f.toString(), "--json");
        assertThat(j.out()).doesNotContain("null");
        JsonNode fd = json(j).get("files").get(0).get("finiteDifference");
        assertThat(fd.get("ok").asBoolean()).isFalse();
        assertThat(fd.has("worstCell")).isFalse();
        assertThat(fd.get("cells").size()).isZero();
    }

    @Test
    void anInfiniteGradientFailsThoughTheObjectiveIsFinite() throws Exception {
        Path f = file("sqrt.sheet", "x = weight(0)\nL = sqrt(x)\n@expect L = 0\n");
        CliTest.Run r = CliTest.run("check", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("  FAILED because the gradient of x is +∞\n").doesNotContain("the objective");
        assertThat(json(CliTest.run("check", f.toString(), "--json")).get("files").get(0).get("reasons"))
                .extracting(JsonNode::asText).containsExactly("the gradient of x is +∞");
    }

    @Test
    void aFileWithoutClaimsFailsSayingThereIsNothingToGrade() throws Exception {
        Path f = file("worked.sheet", Examples.WORKED.text());
        CliTest.Run r = CliTest.run("check", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("  cell          backprop       finite diff   rel error\n") // the per-cell table
                .containsPattern("(?m)^  z               -12               -12  [ 0-9.e-]{10}$")
                .contains("finite differences: worst relative error ").contains(": OK\n")
                .contains("  FAILED: 0 of 0 claims hold (tolerance 0.001)\n")
                .contains("  FAILED because the file makes no @expect claims: there is nothing to grade\n");
        // with one true claim it passes
        Files.writeString(f, Examples.WORKED.text() + "@expect z.grad = -12\n");
        assertThat(CliTest.run("check", f.toString()).code()).isZero();
    }

    @Test
    void aHundredProblemLinesAtMostThenHowManyMore() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            text.append("c").append(i).append(" = nope").append(i).append('\n');
        }
        Path f = file("bad.sheet", text.toString());
        for (String command : new String[] {"eval", "step", "check"}) {
            CliTest.Run r = CliTest.run(command, f.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as(command).hasSize(101)
                    .startsWith(f + ":1:6: unknown name 'nope0'").endsWith(f + ": … and 150 more");
        }
        CliTest.Run check = CliTest.run("check", f.toString());
        assertThat(check.out()).contains(f + ": UNREADABLE (250 problems, listed on stderr)");
        JsonNode errors = json(CliTest.run("check", f.toString(), "--json")).get("files").get(0).get("errors");
        assertThat(errors).hasSize(101);
        assertThat(errors.get(100).asText()).isEqualTo(f + ": … and 150 more");
        // a CSV's problems too
        StringBuilder csv = new StringBuilder("x1,y\n");
        for (int i = 0; i < 150; i++) {
            csv.append("a,b\n");
        }
        Path data = file("bad.csv", csv.toString());
        Path sheet = file("lin.sheet", "x1 = input(0)\nw = weight(0)\ny = input(0)\nL = mse(w * x1, y)\n");
        CliTest.Run train = CliTest.run("train", sheet.toString(), "--data", data.toString());
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err().lines().toList()).hasSize(101).endsWith(data + ": … and 200 more");
    }

    @Test
    void aSecondObjectiveIsRefusedAtItsPlace() throws Exception {
        Path f = file("two.sheet", "x = input(1)\nL = x * 2\n@objective = L\n@objective = x\n");
        CliTest.Run r = CliTest.run("eval", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(f + ":4:14: a second @objective (first on line 3): a sheet has one objective\n");
    }

    @Test
    void bidiAndOtherInvisibleCharactersAreEscapedLikeControlCharacters() throws Exception {
        // in a formula: the message quotes it escaped
        Path f = file("rlo.sheet", "x = 1 + \u202e2\n");
        CliTest.Run r = CliTest.run("eval", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unexpected '\\u202e'").doesNotContain("\u202e");
        // in a file name: stderr, the report and its JSON
        Path named = file("a\u202egpj.\u200bsheet\udb40\udc41", "x = nope\n");
        CliTest.Run bad = CliTest.run("check", named.toString());
        assertThat(bad.err()).contains("a\\u202egpj.\\u200bsheet\\U000e0041:1:5: unknown name 'nope'")
                .doesNotContain("\u202e").doesNotContain("\u200b").doesNotContain("\udb40");
        assertThat(bad.out()).contains("a\\u202egpj.\\u200bsheet\\U000e0041: UNREADABLE").doesNotContain("\u202e");
        CliTest.Run json = CliTest.run("check", named.toString(), "--json");
        assertThat(json.out()).doesNotContain("\u202e").doesNotContain("\u200b").doesNotContain("\udb40");
        assertThat(json(json).get("files").get(0).get("file").asText()).isEqualTo(named.toString()); // still the name
        // the page quotes file names with the same escaping
        assertThat(dev.gradsheet.engine.Messages.shorten("a\u202egpj\u2066.sheet\u2028")).isEqualTo("a\\u202egpj\\u2066.sheet\\u2028");
    }
}
