package dev.gradsheet.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * "Every page's final numbers equal {@code gradsheet eval} of its downloaded sheet": the sheet a
 * page's Download link gave is evaluated by the jar's own command line ({@code eval --json}), and
 * every value and gradient the page shows must be that number as far as the page shows it (to the
 * last digit on screen).
 */
final class SheetCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path jar;
    private final Path dir;

    SheetCheck(Path jar, Path dir) throws IOException {
        this.jar = jar;
        this.dir = Files.createDirectories(dir);
    }

    /**
     * The differences between the rows a page showed ([name, value, gradient]) and {@code eval} of
     * the sheet it downloaded; empty when they agree. {@code page} names the page in the messages.
     */
    List<String> differences(String page, List<List<String>> rows, String downloaded) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        if (downloaded == null || downloaded.startsWith("failed: ")) {
            out.add(page + ": no sheet downloaded (" + downloaded + ")");
            return out;
        }
        if (rows == null || rows.isEmpty()) {
            out.add(page + ": no numbers read from the page");
            return out;
        }
        Map<String, double[]> evaluated = eval(page, downloaded);
        for (List<String> row : rows) {
            double[] exact = evaluated.get(row.get(0));
            if (exact == null) {
                out.add(page + ": the page shows " + row.get(0) + ", the downloaded sheet has no such cell");
                continue;
            }
            if (!shows(row.get(1), exact[0])) {
                out.add(page + ": " + row.get(0) + " = " + row.get(1) + " on the page, " + exact[0] + " by eval");
            }
            if (!shows(row.get(2), exact[1])) {
                out.add(page + ": d/d" + row.get(0) + " = " + row.get(2) + " on the page, " + exact[1] + " by eval");
            }
        }
        return out;
    }

    /** Cell name → [value, gradient] by {@code java -jar gradsheet.jar eval --json}. */
    private Map<String, double[]> eval(String page, String text) throws IOException, InterruptedException {
        Path file = dir.resolve(page.replaceAll("[^A-Za-z0-9_-]", "_") + ".sheet");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path output = dir.resolve(file.getFileName() + ".json");
        Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar", jar.toString(), "eval", "--json", file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("eval of " + file + " failed: " + Files.readString(output));
        }
        Map<String, double[]> cells = new HashMap<>();
        for (JsonNode cell : JSON.readTree(output.toFile()).get("cells")) {
            cells.put(cell.get("name").asText(), new double[] {number(cell.get("value")), number(cell.get("grad"))});
        }
        return cells;
    }

    private static double number(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    /**
     * Whether {@code shown} is {@code exact} as far as it goes: within half a unit of its last digit
     * ("-11.64" stands for -11.635 to -11.645; "3.95804e-6" for its own last digit).
     */
    static boolean shows(String shown, double exact) {
        String t = shown.replace("⚠", "").replace('\u2212', '-').strip();
        if (!Double.isFinite(exact)) {
            return t.equals(String.valueOf(exact)) || t.contains("∞") || t.equalsIgnoreCase("NaN");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(t);
        } catch (NumberFormatException e) {
            return false;
        }
        double halfUnit = number.ulp().doubleValue() / 2;
        return Math.abs(number.doubleValue() - exact) <= halfUnit * (1 + 1e-9) + Math.ulp(exact);
    }
}
