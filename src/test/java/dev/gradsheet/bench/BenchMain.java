package dev.gradsheet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark (JMH, JSON to {@code target/jmh.json}), measures the heap a loaded sheet
 * retains per cell, and prints a short table of medians with ratios against the flat-array floor.
 * Run with {@code mvn -Pbench -DskipFrontend test-compile exec:exec}. An argument is a regex that
 * selects benchmarks (default: all), optionally followed by {@code @name=v1,v2} to run one parameter
 * at those values only ({@code -Dbench.include=MlpBenchmark@n=256,512}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : "dev.gradsheet.bench.*";
        String params = null;
        if (include.contains("@")) {
            params = include.substring(include.indexOf('@') + 1);
            include = include.substring(0, include.indexOf('@'));
        }
        String json = new File("target/jmh.json").getAbsolutePath();
        Map<String, Double> heap = new LinkedHashMap<>();
        if (include.equals("dev.gradsheet.bench.*") || include.contains("heap")) {
            for (int n : new int[] {256, 512}) {
                heap.put("mlp n=" + n, bytesPerCell(n));
            }
        }
        var builder = new OptionsBuilder().include(include.replace("heap", "NONE"))
                .resultFormat(ResultFormatType.JSON).result(json);
        if (params != null) {
            String[] nameValues = params.split("=", 2);
            builder.param(nameValues[0], nameValues[1].split(","));
        }
        Options options = builder.build();
        if (!include.equals("heap")) {
            new Runner(options).run();
        }
        System.out.println();
        System.out.println(report(new File(json), heap));
    }

    /** Heap retained by a loaded n-MLP sheet, per live cell (after full GCs, text discarded). */
    static double bytesPerCell(int n) throws Exception {
        String text = Generators.text(w -> Generators.mlp(n, 1, w));
        long before = usedAfterGc();
        Sheet sheet = SheetFile.parse(text, "mlp.sheet").sheet();
        text = null;
        long after = usedAfterGc();
        double perCell = (after - before) / (double) sheet.size();
        if (sheet.size() < 0) {
            System.out.println(text); // keeps neither alive past here; the sheet stays reachable above
        }
        return perCell;
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Which floor each benchmark of the MLP is also measured against: the dense floor's forward and
     * backward ({@link DenseFloor}) for an edit and a full pass, its step for an SGD step.
     */
    private static final Map<String, String> DENSE_FLOOR_OF = Map.of("weightEdit", "denseFloor",
            "fullPass", "denseFloor", "sgdStep", "denseFloorStep");

    /**
     * The table: each benchmark's median (ms) and, where floors ran in the same class with the same
     * parameter, the ratios to the flat-array floor ({@code floor}) and to the dense floor.
     */
    static String report(File json, Map<String, Double> heap) throws Exception {
        StringBuilder out = new StringBuilder(
                "benchmark                         param       median ms   ratio to floor   ratio to dense floor\n");
        if (json.exists()) {
            JsonNode results = new ObjectMapper().readTree(json);
            Map<String, Double> medians = new LinkedHashMap<>();
            for (JsonNode r : results) {
                medians.put(r.get("benchmark").asText() + "|" + param(r), median(r));
            }
            for (JsonNode r : results) {
                String benchmark = r.get("benchmark").asText();
                String name = benchmark.replace("dev.gradsheet.bench.", "");
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                String owner = benchmark.substring(0, benchmark.lastIndexOf('.') + 1);
                Double floor = method.equals("floor") ? null : medians.get(owner + "floor|" + param(r));
                Double dense = DENSE_FLOOR_OF.containsKey(method)
                        ? medians.get(owner + DENSE_FLOOR_OF.get(method) + "|" + param(r)) : null;
                out.append(String.format("%-33s %-10s %10.3f   %-16s %s%n", name, param(r), median(r),
                        floor == null ? "" : String.format("%.2fx", median(r) / floor),
                        dense == null ? "" : String.format("%.2fx", median(r) / dense)));
            }
        }
        heap.forEach((k, v) -> out.append(String.format("heap retained per cell, %-10s %10.1f bytes%n", k, v)));
        return out.toString();
    }

    private static String param(JsonNode r) {
        JsonNode params = r.get("params");
        if (params == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        params.fields().forEachRemaining(e -> s.append(e.getValue().asText()));
        return s.toString();
    }

    private static double median(JsonNode r) {
        return r.get("primaryMetric").get("scorePercentiles").get("50.0").asDouble();
    }
}
