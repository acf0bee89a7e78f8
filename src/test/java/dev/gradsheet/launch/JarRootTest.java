package dev.gradsheet.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The build step that decides the jar's root (src/build/JarRoot.java, run by pom.xml as the build
 * runs it): the libraries come from the root classes' bytecode, not from a list; a root class that
 * needs one of our classes left out of the root, or a package pattern that matches nothing, fails
 * the build with the names a reader needs.
 */
class JarRootTest {
    private static final Path HELPER = Path.of("src", "build", "JarRoot.java");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theRootGetsTheLibrariesItsClassesUseAndNothingElse() throws Exception {
        Path classes = compile("""
                package demo.cli;
                public class Command { public static Object parser() { return new picocli.CommandLine(new Object()); } }
                """, """
                package demo.web;
                public class Page { }
                """);
        Run run = jarRoot(classes, "demo/cli/**");
        assertThat(run.exit).as(run.output).isZero();
        assertThat(Files.readString(dir.resolve("out/root.properties")).strip())
                .isEqualTo("jar.root.libraries=info.picocli:picocli"); // found, not listed: opentest4j is on the path too
        try (ZipFile root = new ZipFile(dir.resolve("out/root.zip").toFile())) {
            assertThat(root.getEntry("demo/cli/Command.class")).isNotNull();
            assertThat(root.getEntry("picocli/CommandLine.class")).isNotNull();
            assertThat(root.getEntry("demo/web/Page.class")).isNull(); // not a root package
            assertThat(root.getEntry("META-INF/MANIFEST.MF")).isNull(); // a library's manifest would replace the jar's
            assertThat(root.stream().map(e -> e.getName()).filter(n -> n.endsWith("module-info.class")).toList()).isEmpty();
        }
    }

    @Test
    void aRootClassThatNeedsAClassLeftOutOfTheRootFailsTheBuildNamingBoth() throws Exception {
        Path classes = compile("""
                package demo.cli;
                public class Command { public static Object page() { return new demo.web.Page(); } }
                """, """
                package demo.web;
                public class Page { }
                """);
        Run run = jarRoot(classes, "demo/cli/**");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output).contains("demo.cli.Command -> demo.web.Page")
                .contains("NoClassDefFoundError").contains("boundaries.properties");
        assertThat(dir.resolve("out/root.properties")).doesNotExist(); // so the build cannot go on with it
    }

    @Test
    void aPackagePatternThatMatchesNothingFailsTheBuild() throws Exception {
        Path classes = compile("""
                package demo.cli;
                public class Command { }
                """);
        Run run = jarRoot(classes, "demo/cli/**,demo/renamed/**");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output).contains("demo/renamed/** (boundaries.properties) matches nothing");
    }

    /** Compiles the sources into a classes folder, against picocli. */
    private Path compile(String... sources) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", picocli().toString()));
        for (String source : sources) {
            String pkg = source.substring(source.indexOf("package ") + 8, source.indexOf(';'));
            String name = source.substring(source.indexOf("class ") + 6).split("\\s")[0];
            Path file = Files.createDirectories(src.resolve(pkg.replace('.', '/'))).resolve(name + ".java");
            Files.writeString(file, source);
            args.add(file.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        return classes;
    }

    private record Run(int exit, String output) {
    }

    /** Runs the helper as the build does: the classes folder is on the class path too, and left out by it. */
    private Run jarRoot(Path classes, String patterns) throws Exception {
        Path picocli = picocli();
        // picocli's jar sits at REPOSITORY/info/picocli/picocli/VERSION/picocli-VERSION.jar
        Path repository = picocli.getParent().getParent().getParent().getParent().getParent();
        String classpath = String.join(File.pathSeparator, classes.toString(), picocli.toString(), opentest4j().toString());
        Process p = new ProcessBuilder(JAVA, HELPER.toString(), classes.toString(), patterns, classpath,
                repository.toString(), dir.resolve("out").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static Path picocli() throws Exception {
        return Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path opentest4j() throws Exception {
        return Path.of(org.opentest4j.AssertionFailedError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
