package dev.gradsheet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof from outside that GradSheet works as a library: installs it with the README's command
 * ({@code mvn -B -f src/lib/pom.xml install}), then builds src/test/library-consumer — a separate
 * Maven project that depends only on the library's coordinates (and JUnit) — in a temporary folder,
 * offline against the local repository, and runs its JUnit 5 tests: the worked example built node by
 * node, z's gradient stream as z is edited, the README's program, the homework assertions, a
 * student's .sheet file whose @expect claims are checked in one call, and one
 * test that fails on purpose so its message can be checked here.
 */
class LibraryConsumerIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String COORDINATES = "dev.gradsheet:gradsheet-core";

    @Test
    void aSeparateProjectUsesTheLibraryFromTheLocalRepository(@TempDir Path tmp) throws Exception {
        String mvn = findMaven();
        Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH: cannot build the library consumer"
                + " (install Maven 3.8+)");
        String version = projectVersion(ROOT.resolve("pom.xml"));
        assertEquals(version, projectVersion(ROOT.resolve("src/lib/pom.xml")),
                "src/lib/pom.xml must have the app's version");
        Path consumer = ROOT.resolve("src/test/library-consumer");
        assertTrue(Files.readString(consumer.resolve("pom.xml")).contains("<version>" + version + "</version>"),
                "the consumer (and the README) must depend on version " + version);

        // 1. The README's one command installs the library (javadoc warnings would fail it).
        List<String> install = new ArrayList<>(List.of(mvn, "-B", "-f", "src/lib/pom.xml", "install"));
        if ("offline=true".equals(System.getProperty("gradsheet.offline"))) { // set by the pom's failsafe
            install.add(1, "-o");
        }
        Run lib = run(ROOT, install, tmp.resolve("install.log"));
        assertEquals(0, lib.exit, () -> "library install failed:\n" + lib.tail());

        // 2. What was installed: a plain jar without the web app, whose pom needs only RxJava and
        //    Eclipse Collections.
        Path m2 = localRepository();
        Path dir = m2.resolve("dev/gradsheet/gradsheet-core/" + version);
        List<String> entries = entries(dir.resolve("gradsheet-core-" + version + ".jar"));
        assertTrue(entries.contains("dev/gradsheet/api/GradSheet.class"), entries.toString());
        assertTrue(entries.contains("dev/gradsheet/junit/SheetAssertions.class"));
        assertTrue(entries.contains("dev/gradsheet/engine/Sheet.class"));
        assertTrue(entries.contains("examples/worked-example.sheet"));
        assertFalse(entries.stream().anyMatch(e -> e.startsWith("BOOT-INF") || e.startsWith("dev/gradsheet/ui/")
                || e.startsWith("dev/gradsheet/cli/") || e.contains("CsvData")), entries.toString());
        assertEquals(List.of("io.reactivex.rxjava3:rxjava", "org.eclipse.collections:eclipse-collections-api",
                        "org.eclipse.collections:eclipse-collections", "org.opentest4j:opentest4j (optional)"),
                dependencies(Files.readString(dir.resolve("gradsheet-core-" + version + ".pom"))));
        assertTrue(Files.exists(dir.resolve("gradsheet-core-" + version + "-javadoc.jar")));
        assertTrue(Files.exists(dir.resolve("gradsheet-core-" + version + "-sources.jar")));

        // 3. The consumer, copied out of this repository and built offline.
        Path project = tmp.resolve("backprop-homework");
        copy(consumer, project);
        Run test = run(project, List.of(mvn, "-B", "-o", "test"), tmp.resolve("consumer.log"));
        Path reports = project.resolve("target/surefire-reports");
        assertTrue(Files.isDirectory(reports), () -> "the consumer's tests did not run:\n" + test.tail());
        String passing = Files.readString(reports.resolve("example.WorkedExampleTest.txt"));
        assertTrue(passing.contains("Tests run: 6, Failures: 0, Errors: 0, Skipped: 0"), passing);
        // The one test that fails on purpose fails with the teaching message, and nothing else fails.
        String failing = Files.readString(reports.resolve("example.HomeworkWithAMistakeTest.txt"));
        assertTrue(failing.contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0"), failing);
        assertTrue(failing.contains("gradient of z: computed -12, claimed 12 (off by 24; allowed 0.012"), failing);
        assertTrue(failing.contains("dL/dz = dL/df · ∂f/∂z = (-4)·(3) = -12"), failing);
        assertTrue(failing.contains("f = q * z: × multiplies it by the other input"), failing);
        String claims = Files.readString(reports.resolve("example.HomeworkClaimsTest.txt"));
        assertTrue(claims.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), claims);
        assertTrue(test.output.contains("Tests run: 8, Failures: 1, Errors: 0, Skipped: 0"), test.tail());
        assertEquals(1, test.exit, "mvn test fails because of the one wrong claim only");
    }

    private record Run(int exit, String output) {
        String tail() {
            return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
        }
    }

    private static Run run(Path dir, List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took more than 15 minutes");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String findMaven() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "mvn");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The project's own version: the first {@code <version>} after its {@code <artifactId>}, parent skipped. */
    private static String projectVersion(Path pom) throws IOException {
        String text = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "")
                .replaceAll("(?s)<!--.*?-->", "");
        Matcher m = Pattern.compile("<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>").matcher(text);
        assertTrue(m.find(), "no version in " + pom);
        return m.group(1);
    }

    /** {@code groupId:artifactId} of each dependency an installed pom declares. */
    private static List<String> dependencies(String pom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(pom);
        while (m.find()) {
            String d = m.group(1);
            out.add(tag(d, "groupId") + ":" + tag(d, "artifactId") + (d.contains("<optional>true") ? " (optional)" : ""));
        }
        return out;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).strip() : "?";
    }

    private static List<String> entries(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                out.add(e.nextElement().getName());
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.toString().contains("/target/")) {
                    Files.copy(f, target);
                }
            }
        }
    }
}
