import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plain Java floor of {@code eval} in whole-process.sh: reads a .sheet file and prints one row
 * per cell line — its name and its formula, tab-separated — and nothing else: no parsing of formulas,
 * no graph, no numbers. Two ways:
 *
 * <ul>
 *   <li>{@code PlainRows FILE}: bytes in, bytes out, no String per line — the least any Java program
 *       that reads the file and writes a row per line pays (start-up, reading, writing);
 *   <li>{@code PlainRows --strings FILE}: the everyday way, a String per line from a BufferedReader
 *       and a String per row through a PrintWriter.
 * </ul>
 */
public class PlainRows {
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--strings")) {
            System.err.println(strings(Path.of(args[1])) + " rows");
        } else {
            System.err.println(bytes(Path.of(args[0])) + " rows");
        }
    }

    private static int bytes(Path file) throws IOException {
        byte[] text = Files.readAllBytes(file);
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        int rows = 0;
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            int eq = start;
            while (eq < end && text[eq] != '=') {
                eq++;
            }
            if (eq < end && text[start] != '#' && text[start] != '@') {
                int nameEnd = eq;
                while (nameEnd > start && text[nameEnd - 1] == ' ') {
                    nameEnd--;
                }
                int formula = eq + 1;
                while (formula < end && text[formula] == ' ') {
                    formula++;
                }
                out.write(text, start, nameEnd - start);
                out.write('\t');
                out.write(text, formula, end - formula);
                out.write('\n');
                rows++;
            }
            start = end + 1;
        }
        out.flush();
        return rows;
    }

    private static int strings(Path file) throws IOException {
        int rows = 0;
        PrintWriter out = new PrintWriter(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int eq = line.indexOf('=');
                if (eq < 0 || line.startsWith("#") || line.startsWith("@")) {
                    continue;
                }
                out.println(line.substring(0, eq).strip() + "\t" + line.substring(eq + 1).strip());
                rows++;
            }
        }
        out.flush();
        return rows;
    }
}
