package dev.gradsheet.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar's layout (docs/architecture.md, "The one jar"): the command line's classes and
 * libraries are at the root once, and BOOT-INF (the web app's own class loader) holds none of them
 * again; nothing a command reaches at the root needs a class that only BOOT-INF has, and our root
 * classes need nothing but the root and the JDK — else a command fails with NoClassDefFoundError at a
 * user's.
 */
class JarLayoutIT {
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String SPRING_BOOT_LOADER = "org.springframework.boot.loader.";

    /** Class file names at the root, in BOOT-INF/classes and in each BOOT-INF/lib jar. */
    private static final Set<String> root = new HashSet<>();
    private static final Map<String, List<String>> boot = new HashMap<>();

    @BeforeAll
    static void readTheJar() throws IOException {
        assertThat(JarLauncherIT.JAR).as("run after mvn package").isRegularFile();
        try (ZipFile jar = new ZipFile(JarLauncherIT.JAR.toFile())) {
            for (ZipEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (name.startsWith(LIB) && name.endsWith(".jar")) {
                    try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(e))) {
                        for (ZipEntry n; (n = nested.getNextEntry()) != null; ) {
                            if (isClass(n.getName())) {
                                boot.computeIfAbsent(n.getName(), k -> new ArrayList<>()).add(name);
                            }
                        }
                    }
                } else if (name.startsWith(CLASSES) && isClass(name)) {
                    boot.computeIfAbsent(name.substring(CLASSES.length()), k -> new ArrayList<>()).add(CLASSES);
                } else if (!name.startsWith("BOOT-INF/") && isClass(name)) {
                    root.add(name);
                }
            }
        }
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }

    @Test
    void noClassAtTheRootIsInBootInfAgain() {
        List<String> twice = root.stream().filter(boot::containsKey).sorted()
                .map(c -> c + " (also in " + boot.get(c) + ")").toList();
        assertThat(twice).as("classes at the root and in BOOT-INF").isEmpty();
        assertThat(root).contains("dev/gradsheet/launch/Main.class", "dev/gradsheet/cli/GradSheetCli.class",
                "dev/gradsheet/engine/Sheet.class", "picocli/CommandLine.class",
                "com/fasterxml/jackson/core/JsonFactory.class", "org/eclipse/collections/impl/list/mutable/FastList.class");
        assertThat(boot).containsKey("dev/gradsheet/GradSheetApplication.class"); // the web app stays in BOOT-INF
    }

    @Test
    void theRootNeedsNoClassOnlyBootInfHasAndOurClassesThereNeedOnlyTheRootAndTheJdk(@TempDir Path dir) throws Exception {
        try (ZipFile jar = new ZipFile(JarLauncherIT.JAR.toFile())) {
            for (String name : root) {
                Path file = Files.createDirectories(dir.resolve(name).getParent()).resolve(name.substring(name.lastIndexOf('/') + 1));
                try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                    Files.copy(in, file);
                }
            }
        }
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "--multi-release", Integer.toString(Runtime.version().feature()), "-verbose:class", dir.toString());
        assertThat(exit).as(out.toString()).isZero();
        Map<String, List<String>> needs = new HashMap<>(); // class -> the classes it refers to
        Set<String> notFound = new HashSet<>();
        for (String line : out.toString().split("\n")) {
            String[] parts = line.strip().split("\\s+"); // FROM -> TO ARCHIVE, or FROM -> TO not found
            if (parts.length < 4 || !parts[1].equals("->")) {
                continue;
            }
            needs.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[2]);
            if (line.endsWith("not found")) {
                notFound.add(parts[2]);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String from : reachableFromOurs(needs)) {
            for (String to : needs.getOrDefault(from, List.of())) {
                String file = to.replace('.', '/') + ".class";
                // A library's reference to a class no jar has is an optional part of it; ours must all resolve.
                if (notFound.contains(to) && (from.startsWith("dev.gradsheet.") || boot.containsKey(file))) {
                    wrong.add(from + " -> " + to + (boot.containsKey(file) ? " (only in " + boot.get(file) + ")" : ""));
                }
            }
        }
        assertThat(wrong).as("root classes that need what the root lacks").isEmpty();
        assertThat(root).hasSizeGreaterThan(9_000); // the whole root was read (the libraries included)
    }

    /**
     * The root classes a command can load: ours and, transitively, what they refer to. A library's
     * class nothing of ours reaches (commons-compress's Pack200 tools, POI's Visio geometry) is never
     * loaded by a command, so what it would need may stay in BOOT-INF with the web app that uses it.
     */
    private static Set<String> reachableFromOurs(Map<String, List<String>> needs) {
        ArrayDeque<String> next = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (String c : needs.keySet()) {
            if (c.startsWith("dev.gradsheet.") && seen.add(c)) {
                next.add(c);
            }
        }
        while (!next.isEmpty()) {
            for (String to : needs.getOrDefault(next.poll(), List.of())) {
                if (!to.startsWith(SPRING_BOOT_LOADER) && seen.add(to)) {
                    next.add(to);
                }
            }
        }
        return seen;
    }
}
