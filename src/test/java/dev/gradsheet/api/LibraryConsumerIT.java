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
import dev.gradsheet.MarkdownDoc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof from outside that GradSheet works as a library: installs it with the command
 * docs/library.md shows ({@code mvn -B -f src/lib/pom.xml install}), then builds two separate Maven
 * projects that depend only on the library's coordinates (and JUnit), offline against the local
 * repository when this build is offline:
 * <ul>
 *   <li>the project docs/library.md shows, made from the page's own fenced blocks and run with the
 *   page's own commands, so the page cannot drift from what works;</li>
 *   <li>src/test/library-consumer, whose JUnit 5 tests cover the worked example built node by node,
 *   z's gradient stream as z is edited, the page's program, the homework assertions, a student's
 *   .sheet file whose @expect claims are checked in one call, and one test that fails on purpose so
 *   its message can be checked here.</li>
 * </ul>
 */
class LibraryConsumerIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path GUIDE = ROOT.resolve("docs/library.md");
    private static final boolean OFFLINE = "offline=true".equals(System.getProperty("gradsheet.offline")); // set by the pom's failsafe
    private static String mvn;
    private static String version;

    @BeforeAll
    static void installTheLibraryAsTheGuideSays(@TempDir Path tmp) throws Exception {
        mvn = findMaven();
        Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH: cannot build the library consumer"
                + " (install Maven 3.8+)");
        version = projectVersion(ROOT.resolve("pom.xml"));
        assertEquals(version, projectVersion(ROOT.resolve("src/lib/pom.xml")),
                "src/lib/pom.xml must have the app's version");
        Path consumer = ROOT.resolve("src/test/library-consumer");
        assertTrue(Files.readString(consumer.resolve("pom.xml")).contains("<version>" + version + "</version>"),
                "the consumer must depend on version " + version);
        assertTrue(MarkdownDoc.read(GUIDE).block("pom.xml").contains("<version>" + version + "</version>"),
                "docs/library.md's pom must depend on version " + version);

        // The guide's one install command (javadoc warnings would fail it), run from the top folder.
        String install = MarkdownDoc.read(GUIDE).block("install").strip();
        assertEquals("mvn -B -f src/lib/pom.xml install", install);
        Run lib = run(ROOT, maven(install), tmp.resolve("install.log"));
        assertEquals(0, lib.exit, () -> "library install failed:\n" + lib.tail());
    }

    @Test
    void theGuidesProjectBuildsAndRunsExactlyAsWritten(@TempDir Path tmp) throws Exception {
        MarkdownDoc guide = MarkdownDoc.read(GUIDE);
        Path project = tmp.resolve("backprop-homework");
        for (String file : List.of("pom.xml", "src/main/java/example/WorkedExample.java",
                "src/test/java/example/WorkedExampleTest.java")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), guide.block(file));
        }
        // The page's program is the consumer's, which the consumer's own tests run too.
        assertEquals(Files.readString(ROOT.resolve("src/test/library-consumer/src/main/java/example/WorkedExample.java")),
                guide.block("src/main/java/example/WorkedExample.java"));

        Run program = run(project, maven(guide.block("run").strip()), tmp.resolve("run.log"));
        assertEquals(0, program.exit, () -> "the guide's run command failed:\n" + program.tail());
        assertEquals(guide.block("output"), program.output, "what the guide's program prints");

        Run test = run(project, maven(guide.block("test").strip()), tmp.resolve("test.log"));
        assertEquals(1, test.exit, () -> "the guide's test must fail on its wrong claim only:\n" + test.tail());
        assertTrue(test.output.contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0"), test.tail());
        assertTrue(test.output.contains(guide.block("failure")), () -> "the failure the guide shows is not in\n" + test.tail());
    }

    @Test
    void aSeparateProjectUsesTheLibraryFromTheLocalRepository(@TempDir Path tmp) throws Exception {
        Path consumer = ROOT.resolve("src/test/library-consumer");

        // What was installed: a plain jar without the web app, whose pom needs only RxJava and Eclipse
        // Collections.
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

        // The consumer, copied out of this repository and built offline.
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

    /**
     * A Maven command as the guide writes it, run by this machine's mvn in batch mode, and offline
     * when this build is: the guide's words stay exactly as a reader types them.
     */
    private static List<String> maven(String command) {
        List<String> words = new ArrayList<>(List.of(command.split(" +")));
        assertEquals("mvn", words.get(0), "a Maven command: " + command);
        words.set(0, mvn);
        if (!words.contains("-B")) {
            words.add(1, "-B");
        }
        if (OFFLINE) {
            words.add(1, "-o");
        }
        return words;
    }

    private record Run(int exit, String output) {
        String tail() {
            return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
        }
    }

    private static Run run(Path dir, List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The worked example prints ∂ and ·: Java 17 writes System.out in the locale's charset, which
        // is ASCII on a machine without one, so the nested builds get a UTF-8 locale, as the guide assumes.
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process p = builder.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took more than 15 minutes");
        }
        // Maven 3.8 writes colour codes even in batch mode (resets around the output): a terminal shows
        // nothing of them, so neither does the text compared with the guide.
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", ""));
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
