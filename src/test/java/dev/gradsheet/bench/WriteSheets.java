package dev.gradsheet.bench;

import dev.gradsheet.sheet.Generators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the big sheets the whole-process script ({@code src/test/perf/whole-process.sh}) runs the
 * command line on: the 1.58M-cell scalar MLP (n = 512), a 1.65M-cell random DAG whose formulas are
 * partly compound ({@code 0.5 * a + b}), and a 100,000-cell chain with one claim (for {@code check}),
 * into the folder given as the argument.
 */
public final class WriteSheets {
    private WriteSheets() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/perf");
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("mlp-512.sheet"), StandardCharsets.UTF_8)) {
            Generators.mlp(512, 1, out);
        }
        // 1.24M lines; one in six is compound (3 cells), so about 1.65M cells.
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(dir.resolve("random-1.65m.sheet"),
                StandardCharsets.UTF_8))) {
            Generators.randomDag(1_240_000, 1000, 5, out);
        }
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(dir.resolve("chain-100k.sheet"), StandardCharsets.UTF_8))) {
            Generators.chain(100_000, out);
            out.write("@expect c0 = 0.5\n"); // check grades only a file that claims something
        }
    }
}
